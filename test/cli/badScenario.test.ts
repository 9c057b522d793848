// A scenario with several problems: every one is reported, and nothing is written.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { snapshot } from '../io/tempFolder.js';
import { rposim, stackLines } from './runRposim.js';

const BAD_SCENARIO = ['name: [1, 2]', 'horizon: banana', 'vms: 3', 'processServers: nope', ''].join('\n');

let folder: string;
let file: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rposim-cli-'));
  file = join(folder, 'bad.yaml');
  await writeFile(file, BAD_SCENARIO);
});

test('rposim validate of a bad scenario lists every issue and exits 2', async () => {
  // The issues as the library reports them: the CLI must print all of them, whatever their wording.
  const loaded = await loadScenarioFile(file);
  if (loaded.ok) throw new Error('the bad scenario was accepted');
  expect(loaded.errors.length).toBeGreaterThanOrEqual(2);
  const { code, stdout, stderr } = rposim(['validate', file]);
  expect(code).toBe(2);
  expect(stderr).toContain(formatIssues(loaded.errors));
  expect(stdout).not.toContain('OK');
  expect(stackLines(stderr)).toEqual([]);
});

test('rposim run of a bad scenario exits 2 and does not create --out', () => {
  const out = join(folder, 'never-created');
  expect(rposim(['run', file, '--out', out]).code).toBe(2);
  expect(existsSync(out)).toBe(false);
});

test('rposim run of a bad scenario leaves an existing --out untouched', async () => {
  const out = join(folder, 'previous-run');
  await mkdir(out);
  await writeFile(join(out, 'summary.json'), '{"previous": true}\n');
  const before = await snapshot(out);
  const modifiedBefore = (await stat(out)).mtimeMs;
  expect(rposim(['run', file, '--out', out]).code).toBe(2);
  expect(await snapshot(out)).toEqual(before);
  expect((await stat(out)).mtimeMs).toBe(modifiedBefore);
});
