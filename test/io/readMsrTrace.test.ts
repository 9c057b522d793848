import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, test } from 'vitest';
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

describe('readMsrTrace keeps only the intervals that write', () => {
  // Records on a grid of whole intervals: [interval index, disk, type, offset, size].
  const recordArb = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 1 }), fc.constantFrom('Read', 'Write'), fc.nat({ max: 64 }), fc.nat({ max: 3 }));
  const INTERVAL = 10;

  /** The dense reference: bytes written by disk 0 in each interval, and how many intervals the trace spans. */
  function reference(records: Array<[number, number, string, number, number]>, unique: boolean): number[] {
    const last = Math.max(1, ...records.map((r) => r[0]));
    const bytes = Array.from({ length: last + 1 }, () => 0);
    const blocks = Array.from({ length: last + 1 }, () => new Set<number>());
    for (const [k, disk, type, offsetBlocks, sizeBlocks] of records) {
      if (type !== 'Write' || disk !== 0) continue;
      bytes[k]! += sizeBlocks * 4096;
      for (let b = offsetBlocks; b < offsetBlocks + sizeBlocks; b++) blocks[k]!.add(b);
    }
    return unique ? blocks.map((s) => s.size * 4096) : bytes;
  }

  /** What the rows mean: each row writes evenly until the next starts, the last for as long as the gap before it. */
  function perInterval(trace: { startsSec: number[]; bytes: number[] }): number[] {
    const n = trace.startsSec.length;
    const end = 2 * trace.startsSec[n - 1]! - trace.startsSec[n - 2]!;
    const out = Array.from({ length: end / INTERVAL }, () => 0);
    for (let i = 0; i < n; i++) {
      const from = trace.startsSec[i]!;
      const to = i + 1 < n ? trace.startsSec[i + 1]! : end;
      for (let t = from; t < to; t += INTERVAL) out[t / INTERVAL]! += (trace.bytes[i]! * INTERVAL) / (to - from);
    }
    return out;
  }

  it('the rows mean the same writes per interval as one row per interval would', async () => {
    const path = join(await tempFolder(), 'prop.csv');
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.boolean(), async (unsorted, unique) => {
        // The grid starts at the first record: a read at time 0 anchors it.
        const records: Array<[number, number, string, number, number]> = [[0, 1, 'Read', 0, 0], ...[...unsorted].sort((a, b) => a[0] - b[0])];
        await writeFile(path, `${records.map(([k, disk, type, off, size], i) => `${tick(k * INTERVAL + i * 1e-4)},h,${disk},${type},${off * 4096},${size * 4096},1`).join('\n')}\n`);
        const trace = await readMsrTrace(path, { ...base, intervalSec: INTERVAL, disk: 0, uniqueBlocks: unique });
        expect(perInterval(trace)).toEqual(reference(records, unique));
      }),
      { numRuns: 60 },
    );
  });

  it('a two-year gap at a 1-second interval costs four rows, not 63 million', async () => {
    const path = join(await tempFolder(), 'gap.csv');
    await writeFile(path, `${tick(0)},h,0,Write,0,4096,1\n${tick(2 * 365 * 86_400)},h,0,Write,0,8192,1\n`);
    const trace = await readMsrTrace(path, { ...base, intervalSec: 1 });
    const last = 2 * 365 * 86_400;
    expect(trace).toEqual({ startsSec: [0, 1, last - 1, last], bytes: [4096, 0, 0, 8192] });
  });

  it('uniqueBlocks counts a 1 GiB request as 262,144 blocks without visiting them one by one', async () => {
    const path = join(await tempFolder(), 'big.csv');
    await writeFile(path, `${tick(0)},h,0,Write,0,${2 ** 30},1\n${tick(1)},h,0,Write,4096,${2 ** 30},1\n`);
    const trace = await readMsrTrace(path, { ...base, uniqueBlocks: true });
    expect(trace.bytes[0]).toBe(2 ** 30 + 4096);
  });
});

describe('readMsrTrace refuses records that are not block I/O', () => {
  it.each([
    ['a Size that is not a number', `${tick(0)},h,0,Write,0,abc,1`, /:1: expected a Size in bytes from 0 to 1 GiB \(a whole number\), found "abc"/],
    ['a negative Size', `${tick(0)},h,0,Write,0,-4096,1`, /found "-4096"/],
    ['a Size above 1 GiB', `${tick(0)},h,0,Write,0,${2 ** 31},1`, /found "2147483648"/],
    ['an unknown Type', `${tick(0)},h,0,Flush,0,0,1`, /expected Type Read or Write, found "Flush"/],
    ['a negative Offset', `${tick(0)},h,0,Write,-1,4096,1`, /expected an Offset in bytes/],
    ['too few fields', `${tick(0)},h,0,Write`, /expected Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime/],
    ['time going back an interval', `${tick(120)},h,0,Write,0,1,1\n${tick(0)},h,0,Write,0,1,1`, /:2: expected timestamps in ascending order/],
    ['no records at all', '', /expected MSR Cambridge records .*, found none/],
  ])('%s', async (_, text, message) => {
    const path = join(await tempFolder(), 'bad.csv');
    await writeFile(path, `${text}\n`);
    await expect(readMsrTrace(path, base)).rejects.toThrow(message);
  });
});
