import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { holdTemporary, parseTemporaryName, removeOwnTemporariesSync, removeStaleTemporaries, temporaryPath } from '../../src/io/temporaries.js';
import { deadPid } from '../helpers/deadPid.js';
import { tempFolder } from './tempFolder.js';

test('temporaryPath(path) names this process and host, and parseTemporaryName reads them back', () => {
  const name = parseTemporaryName(temporaryPath('runs.csv').split('/').at(-1)!);
  expect(name).toMatchObject({ base: 'runs.csv', pid: process.pid, suffix: '' });
  expect(name!.host).toMatch(/^[0-9a-f]{8}$/);
  expect(parseTemporaryName(temporaryPath('out', '-old'))!.suffix).toBe('-old');
});

test('parseTemporaryName reads the names older versions wrote, as this host', () => {
  expect(parseTemporaryName('out.tmp-123')).toEqual({ base: 'out', pid: 123, host: null, suffix: '' });
  expect(parseTemporaryName('out.tmp-123-old')).toEqual({ base: 'out', pid: 123, host: null, suffix: '-old' });
  expect(parseTemporaryName('runs.csv.tmp-77-0a1b2c3d')).toEqual({ base: 'runs.csv', pid: 77, host: null, suffix: '' });
  expect(parseTemporaryName('runs.csv')).toBeNull();
});

test('removeStaleTemporaries(dir) removes those of ended processes only, never another host\'s', async () => {
  const dir = await tempFolder();
  const gone = deadPid();
  const names = {
    deadFile: `runs.csv.tmp-${gone}-0a1b2c3d`,
    deadFolder: `out.tmp-${gone}`,
    live: `summary.csv.tmp-${process.ppid}-0a1b2c3d`,
    otherHost: `runs.csv.tmp-${gone}-ffffffff-0a1b2c3d`,
    plain: 'runs.csv',
  };
  for (const name of [names.deadFile, names.live, names.otherHost, names.plain]) await writeFile(join(dir, name), 'x');
  await mkdir(join(dir, names.deadFolder));
  await writeFile(join(dir, names.deadFolder, 'summary.json'), '{}');
  await removeStaleTemporaries(dir);
  expect((await readdir(dir)).sort()).toEqual([names.live, names.otherHost, names.plain].sort());
});

test('removeStaleTemporaries(dir) keeps what this process holds, and removes its unheld leftovers', async () => {
  const dir = await tempFolder();
  const held = temporaryPath(join(dir, 'a'));
  const leftover = join(dir, `b.tmp-${process.pid}`);
  await writeFile(held, 'x');
  await writeFile(leftover, 'x');
  const release = holdTemporary(held);
  await removeStaleTemporaries(dir);
  expect(await readdir(dir)).toEqual([held.split('/').at(-1)]);
  release();
});

test('removeOwnTemporariesSync() removes every held temporary (what a signal handler calls)', async () => {
  const dir = await tempFolder();
  const file = temporaryPath(join(dir, 'runs.csv'));
  const folder = temporaryPath(join(dir, 'out'));
  await writeFile(file, 'x');
  await mkdir(folder);
  holdTemporary(file);
  holdTemporary(folder);
  removeOwnTemporariesSync();
  expect(await readdir(dir)).toEqual([]);
});
