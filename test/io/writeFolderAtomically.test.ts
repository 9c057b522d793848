import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { InputError } from '../../src/io/inputError.js';
import { MARKER_FILE } from '../../src/io/outputFolder.js';
import { writeFolderAtomically } from '../../src/io/writeFolderAtomically.js';
import { deadPid, deadProcessTemporary } from '../helpers/deadPid.js';
import { snapshot, tempFolder } from './tempFolder.js';

let parent: string;
let out: string;
const marker = { kind: 'run', name: 'test' } as const;
const write = (fill: (folder: string) => Promise<void>, target = out) => writeFolderAtomically(target, marker, fill);

beforeEach(async () => {
  parent = await tempFolder();
  out = join(parent, 'out');
});

/** A previous result of rposim in `out`. */
async function writeOldFolder(): Promise<void> {
  await write(async (folder) => {
    await writeFile(join(folder, 'summary.json'), '{"old": true}\n');
    await writeFile(join(folder, 'stale.csv'), 'a,b\n1,2\n');
  });
}

test('writeFolderAtomically(out, marker, fill) creates missing parent folders, with the marker beside what fill wrote', async () => {
  const deep = join(parent, 'a', 'b', 'out');
  await write((folder) => writeFile(join(folder, 'x.txt'), 'x'), deep);
  expect((await readdir(deep)).sort()).toEqual([MARKER_FILE, 'x.txt']);
  expect(JSON.parse(await readFile(join(deep, MARKER_FILE), 'utf8'))).toEqual({ writtenBy: 'rposim', kind: 'run', name: 'test' });
});

test('writeFolderAtomically(out, marker, fill) replaces the whole folder: files of the old run are gone', async () => {
  await writeOldFolder();
  await write((folder) => writeFile(join(folder, 'summary.json'), '{"new": true}\n'));
  expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'summary.json']);
  expect(await readdir(parent)).toEqual(['out']);
});

test('writeFolderAtomically(out, marker, fill) refuses a folder rposim did not write, and leaves it alone', async () => {
  await mkdir(join(out, 'sub'), { recursive: true });
  await writeFile(join(out, 'sub', 'thesis.tex'), 'years of work');
  let filled = false;
  const attempt = write(async () => {
    filled = true;
  });
  await expect(attempt).rejects.toThrow(InputError);
  await expect(attempt).rejects.toThrow(`${out} exists and was not written by rposim`);
  expect(filled).toBe(false);
  expect(await readFile(join(out, 'sub', 'thesis.tex'), 'utf8')).toBe('years of work');
  expect(await readdir(parent)).toEqual(['out']);
});

test('writeFolderAtomically(out, marker, fill) failing midway leaves the previous folder byte-identical', async () => {
  await writeOldFolder();
  const before = await snapshot(out);
  const failure = write(async (folder) => {
    await writeFile(join(folder, 'summary.json'), '{"new": true}\n');
    throw new Error('disk full (injected)');
  });
  await expect(failure).rejects.toThrow('disk full (injected)');
  expect(await snapshot(out)).toEqual(before);
  expect(await readdir(parent)).toEqual(['out']); // temporary folder removed
});

test('writeFolderAtomically(out, marker, fill) failing without a previous folder creates nothing', async () => {
  const failure = write(async () => {
    throw new Error('injected');
  });
  await expect(failure).rejects.toThrow('injected');
  expect(await readdir(parent)).toEqual([]);
});

test('writeFolderAtomically(out, marker, fill) rejects when the parent path is a file, and leaves it alone', async () => {
  const file = join(parent, 'file.txt');
  await writeFile(file, 'keep me');
  await expect(write(async () => undefined, join(file, 'out'))).rejects.toThrow();
  expect(await snapshot(parent)).toEqual({ 'file.txt': Buffer.from('keep me').toString('base64') });
});

test('writeFolderAtomically(out, marker, fill) removes temporary folders left by processes that are gone', async () => {
  // The name older versions used, and today's.
  for (const leftover of [join(parent, `out.tmp-${deadPid()}`), deadProcessTemporary(out)]) {
    await mkdir(leftover);
    await writeFile(join(leftover, 'junk'), 'junk');
  }
  await write((folder) => writeFile(join(folder, 'x.txt'), 'x'));
  expect(await readdir(parent)).toEqual(['out']);
});

test('writeFolderAtomically(out, marker, fill) leaves the temporary folders of a live process and of another host alone', async () => {
  const live = `out.tmp-${process.ppid}`;
  const otherHost = `out.tmp-${deadPid()}-0a1b2c3d-0a1b2c3d`;
  await mkdir(join(parent, otherHost));
  await mkdir(join(parent, live));
  await write((folder) => writeFile(join(folder, 'x.txt'), 'x'));
  expect((await readdir(parent)).sort()).toEqual(['out', live, otherHost].sort());
});

test('writeFolderAtomically(out, marker, fill) puts back previous results that a killed process had moved aside', async () => {
  await writeOldFolder();
  const before = await snapshot(out);
  const { rename } = await import('node:fs/promises');
  // kill -9 between "move the old folder aside" and "move the new one in".
  await rename(out, deadProcessTemporary(out, '-old'));
  const failure = write(async () => {
    throw new Error('injected');
  });
  await expect(failure).rejects.toThrow('injected');
  expect(await readdir(parent)).toEqual(['out']);
  expect(await snapshot(out)).toEqual(before);
});
