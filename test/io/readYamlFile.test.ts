// Reading a scenario or sweep file: whatever the bytes, an answer naming the file, in bounded time and memory.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/io/readLines.js';
import { readYamlFile } from '../../src/io/readYamlFile.js';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { tempFolder } from './tempFolder.js';

async function file(text: string): Promise<string> {
  const path = join(await tempFolder(), 'doc.yaml');
  await writeFile(path, text);
  return path;
}
async function problem(text: string): Promise<{ expected: string; found: string }> {
  const read = await readYamlFile(await file(text));
  if (read.ok) throw new Error('expected the file to be refused');
  expect(read.errors).toHaveLength(1);
  return { expected: read.errors[0]!.expected, found: read.errors[0]!.found };
}

const SITE = 'name: s\nhorizon: 1d\nwarmup: 1h\nuplinks: [{ name: wan, bandwidth: 1 Gbps }]\nprocessServers: [{ name: ps1, uplink: wan }]\n';

describe('YAML aliases', () => {
  it('120 VMs sharing one anchored churn list load like 120 written out', async () => {
    const vms = Array.from({ length: 119 }, (_, i) => `  - { name: v${i + 2}, processServer: ps1, churn: *churn }`);
    const path = await file(`${SITE}vms:\n  - name: v1\n    processServer: ps1\n    churn: &churn [{ constant: 10 kB/s }]\n${vms.join('\n')}\n`);
    const loaded = await loadScenarioFile(path);
    expect(loaded.ok && loaded.scenario.vms.map((vm) => vm.churn)).toEqual(Array.from({ length: 120 }, () => [{ kind: 'constant', rateBytesPerSec: 1e4 }]));
  });

  it('merge keys share settings between entries', async () => {
    const path = await file(`${SITE}vms:\n  - &vm { name: a, processServer: ps1, churn: [{ constant: 1 MB/s }], disks: 2 }\n  - { <<: *vm, name: b }\n`);
    const loaded = await loadScenarioFile(path);
    expect(loaded.ok && loaded.scenario.vms.map((vm) => [vm.name, vm.disks])).toEqual([['a', 2], ['b', 2]]);
  });

  it('an alias bomb is refused with the limit, not expanded', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)];
    expect(await problem(levels.join('\n'))).toEqual({
      expected: 'at most 10,000 uses of YAML aliases (an alias inside an aliased value counts once per use)',
      found: 'more',
    });
  });

  it('an alias inside its own anchored value is refused (no walk of it would end)', async () => {
    expect((await problem('name: x\nself: &s [1, *s]\n')).found).toBe('an alias inside its own anchored value');
  });

  it('an alias without its anchor is reported as YAML', async () => {
    expect(await problem('name: x\nv: *nope\n')).toEqual({ expected: 'valid YAML', found: '"Unresolved alias (the anchor must be set before the alias): nope"' });
  });
});

describe('nesting', () => {
  it.each([
    ['65 levels', `v: ${'['.repeat(65)}${']'.repeat(65)}`, 'nesting too deep (more than 64 levels)'],
    ['5,000 levels, beyond the parser', `v: ${'['.repeat(5000)}${']'.repeat(5000)}`, 'nesting too deep'],
  ])('%s: "nesting too deep", not a stack overflow', async (_, text, found) => {
    expect(await problem(text)).toEqual({ expected: 'YAML nested at most 64 levels deep', found });
  });

  it('64 levels are fine', async () => {
    expect((await readYamlFile(await file(`v: ${'['.repeat(63)}${']'.repeat(63)}`))).ok).toBe(true);
  });
});

describe('files that are not scenario files', () => {
  it('a missing file, a folder and a never-ending file are refused in words', async () => {
    const folder = await tempFolder();
    await expect(readYamlFile(join(folder, 'nope.yaml'))).rejects.toThrow(new InputFileError(`file not found: ${join(folder, 'nope.yaml')}`));
    await expect(readYamlFile(folder)).rejects.toThrow(new InputFileError(`${folder} is a folder, not a file`));
    await expect(readYamlFile('/dev/zero')).rejects.toThrow(new InputFileError('/dev/zero is larger than 64 MiB, the limit of a scenario or sweep file'));
  });
});
