import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { readMsrTrace } from '../../src/io/readMsrTrace.js';
import { tempFolder } from './tempFolder.js';

const T0 = 128166372000000000; // FILETIME ticks
const tick = (sec: number) => T0 + sec * 1e7;
// Minute 0: two writes to the same 4 KiB block on disk 0, a read, a write on disk 1. Minute 2: one 8 KiB write.
const LINES = [
  `${tick(1)},hostA,0,Write,4096,4096,10`,
  `${tick(2)},hostA,0,Write,4096,4096,10`,
  `${tick(3)},hostA,0,Read,0,65536,10`,
  `${tick(4)},hostA,1,Write,0,4096,10`,
  `${tick(125)},hostA,0,Write,8192,8192,10`,
];
let file: string;
beforeAll(async () => {
  file = join(await tempFolder(), 'msr.csv');
  await writeFile(file, `${LINES.join('\n')}\n`);
});
const base = { intervalSec: 60, uniqueBlocks: false, blockSizeBytes: 4096, host: null, disk: null };

test('readMsrTrace sums write sizes per interval, skips reads, and fills empty intervals with 0', async () => {
  expect(await readMsrTrace(file, base)).toEqual({ startsSec: [0, 60, 120], bytes: [12288, 0, 8192] });
});

test('readMsrTrace with uniqueBlocks counts an overwritten block once per interval', async () => {
  expect((await readMsrTrace(file, { ...base, uniqueBlocks: true, disk: 0 })).bytes).toEqual([4096, 0, 8192]);
});

test('readMsrTrace filters by disk and host', async () => {
  expect((await readMsrTrace(file, { ...base, disk: 1 })).bytes).toEqual([4096, 0, 0]);
  expect((await readMsrTrace(file, { ...base, host: 'other' })).bytes).toEqual([0, 0, 0]);
});
