import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { failoversCsv } from '../../src/io/failoversCsv.js';
import { summaryJson } from '../../src/io/summaryJson.js';
import { timeseriesCsv } from '../../src/io/timeseriesCsv.js';
import { writeResults } from '../../src/io/writeResults.js';
import { resultFixture } from '../fixtures/simulationResult.js';
import { snapshot, tempFolder } from './tempFolder.js';

test('writeResults(result, out) writes summary.json, failovers.csv and timeseries.csv', async () => {
  const out = join(await tempFolder(), 'results', 'fixture-site');
  const result = resultFixture();
  expect(await writeResults(result, out)).toEqual(['summary.json', 'failovers.csv', 'timeseries.csv']);
  expect((await readdir(out)).sort()).toEqual(['.rposim', 'failovers.csv', 'summary.json', 'timeseries.csv']);
  expect(await readFile(join(out, 'summary.json'), 'utf8')).toBe(summaryJson(result));
  expect(await readFile(join(out, 'failovers.csv'), 'utf8')).toBe(failoversCsv(failoverRecords(result.failovers)));
  expect(await readFile(join(out, 'timeseries.csv'), 'utf8')).toBe(timeseriesCsv(result.timeseries));
});

test('writeResults(result, out) writes no timeseries.csv for an empty timeseries, and removes an old one', async () => {
  const out = join(await tempFolder(), 'out');
  await writeResults(resultFixture(), out);
  await writeResults({ ...resultFixture(), timeseries: [] }, out);
  expect((await readdir(out)).sort()).toEqual(['.rposim', 'failovers.csv', 'summary.json']);
});

test('writeResults(result, out) gives byte-identical files for equal results', async () => {
  const first = join(await tempFolder(), 'out');
  const second = join(await tempFolder(), 'out');
  await writeResults(resultFixture(), first);
  await writeResults(resultFixture(), second);
  expect(await snapshot(second)).toEqual(await snapshot(first));
});

test('writeResults(result, out) failing midway leaves the previous folder byte-identical', async () => {
  const parent = await tempFolder();
  const out = join(parent, 'out');
  await writeResults(resultFixture(), out);
  const before = await snapshot(out);
  // summary.json and failovers.csv get written to the temporary folder, then formatting timeseries.csv throws.
  const broken = resultFixture();
  broken.timeseries[1] = { ...broken.timeseries[1]!, timeSec: 'not a number' as unknown as number };
  await expect(writeResults({ ...broken, seed: 7 }, out)).rejects.toThrow(TypeError);
  expect(await snapshot(out)).toEqual(before);
  expect(await readdir(parent)).toEqual(['out']);
});
