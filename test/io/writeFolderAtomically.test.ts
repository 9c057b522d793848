import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { writeFolderAtomically } from '../../src/io/writeFolderAtomically.js';
import { snapshot, tempFolder } from './tempFolder.js';

let parent: string;
let out: string;

beforeEach(async () => {
  parent = await tempFolder();
  out = join(parent, 'out');
});

async function writeOldFolder(): Promise<void> {
  await mkdir(out);
  await writeFile(join(out, 'summary.json'), '{"old": true}\n');
  await writeFile(join(out, 'stale.csv'), 'a,b\n1,2\n');
}

test('writeFolderAtomically(out, fill) creates missing parent folders', async () => {
  const deep = join(parent, 'a', 'b', 'out');
  await writeFolderAtomically(deep, (folder) => writeFile(join(folder, 'x.txt'), 'x'));
  expect(await snapshot(deep)).toEqual({ 'x.txt': Buffer.from('x').toString('base64') });
});

test('writeFolderAtomically(out, fill) replaces the whole folder: files of the old run are gone', async () => {
  await writeOldFolder();
  await writeFolderAtomically(out, (folder) => writeFile(join(folder, 'summary.json'), '{"new": true}\n'));
  expect(await readdir(out)).toEqual(['summary.json']);
  expect(await readdir(parent)).toEqual(['out']);
});

test('writeFolderAtomically(out, fill) failing midway leaves the previous folder byte-identical', async () => {
  await writeOldFolder();
  const before = await snapshot(out);
  const failure = writeFolderAtomically(out, async (folder) => {
    await writeFile(join(folder, 'summary.json'), '{"new": true}\n');
    throw new Error('disk full (injected)');
  });
  await expect(failure).rejects.toThrow('disk full (injected)');
  expect(await snapshot(out)).toEqual(before);
  expect(await readdir(parent)).toEqual(['out']); // temporary folder removed
});

test('writeFolderAtomically(out, fill) failing without a previous folder creates nothing', async () => {
  const failure = writeFolderAtomically(out, async () => {
    throw new Error('injected');
  });
  await expect(failure).rejects.toThrow('injected');
  expect(await readdir(parent)).toEqual([]);
});

test('writeFolderAtomically(out, fill) rejects when the parent path is a file, and leaves it alone', async () => {
  const file = join(parent, 'file.txt');
  await writeFile(file, 'keep me');
  await expect(writeFolderAtomically(join(file, 'out'), async () => undefined)).rejects.toThrow();
  expect(await snapshot(parent)).toEqual({ 'file.txt': Buffer.from('keep me').toString('base64') });
});

test('writeFolderAtomically(out, fill) discards a leftover temporary folder of the same pid', async () => {
  const leftover = `${out}.tmp-${process.pid}`;
  await mkdir(leftover);
  await writeFile(join(leftover, 'junk'), 'junk');
  await writeFolderAtomically(out, (folder) => writeFile(join(folder, 'x.txt'), 'x'));
  expect(await readdir(out)).toEqual(['x.txt']);
  expect(existsSync(leftover)).toBe(false);
});
