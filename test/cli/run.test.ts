// rposim run and validate on a real scenario: these need the real simulate() and loader.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { FAILOVER_COLUMNS } from '../../src/io/failoversCsv.js';
import { TIMESERIES_COLUMNS } from '../../src/io/timeseriesCsv.js';
import { snapshot } from '../io/tempFolder.js';
import { rposim, stackLines } from './runRposim.js';

const SCENARIO = 'scenarios/small-site.yaml';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rposim-run-'));
});

test('rposim validate scenarios/small-site.yaml says OK with its counts and exits 0', () => {
  const { code, stdout } = rposim(['validate', SCENARIO]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^scenarios\/small-site\.yaml: OK \(\d+ VMs?, \d+ process servers?, /);
});

test('rposim run writes the result files, prints the summary, and ends with the output folder', async () => {
  const out = join(folder, 'small');
  const { code, stdout, stderr } = rposim(['run', SCENARIO, '--seed', '7', '--out', out]);
  expect(stderr).not.toContain('rposim:');
  expect(code).toBe(0);
  expect(stdout).toContain('seed 7');
  expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Results written to ${out}`);
  const files = await readdir(out);
  expect(files).toContain('summary.json');
  expect(files).toContain('failovers.csv');
  expect((await readFile(join(out, 'failovers.csv'), 'utf8')).split('\n')[0]).toBe(FAILOVER_COLUMNS.join(','));
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  expect(summary.seed).toBe(7);
  expect(summary).not.toHaveProperty('failovers');
  if (files.includes('timeseries.csv')) {
    expect((await readFile(join(out, 'timeseries.csv'), 'utf8')).split('\n')[0]).toBe(TIMESERIES_COLUMNS.join(','));
  }
});

test('rposim run with the same seed writes byte-identical files', async () => {
  const first = join(folder, 'same-1');
  const second = join(folder, 'same-2');
  expect(rposim(['run', SCENARIO, '--seed', '11', '--out', first, '--quiet']).code).toBe(0);
  expect(rposim(['run', SCENARIO, '--seed', '11', '--out', second, '--quiet']).code).toBe(0);
  expect(await snapshot(second)).toEqual(await snapshot(first));
});

test('rposim run --quiet prints only the output folder', () => {
  const out = join(folder, 'quiet');
  const { code, stdout } = rposim(['run', SCENARIO, '--out', out, '--quiet']);
  expect(code).toBe(0);
  expect(stdout).toBe(`${out}\n`);
});

test('rposim run --no-timeseries writes no timeseries.csv', async () => {
  const out = join(folder, 'no-timeseries');
  expect(rposim(['run', SCENARIO, '--out', out, '--no-timeseries', '--quiet']).code).toBe(0);
  expect(await readdir(out)).not.toContain('timeseries.csv');
});

test('rposim run that fails to write exits 1 with "rposim: <message>" and no stack trace', async () => {
  const blocker = join(folder, 'a-file');
  await writeFile(blocker, 'not a folder');
  const { code, stderr } = rposim(['run', SCENARIO, '--out', join(blocker, 'out'), '--quiet']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^rposim: /m);
  expect(stackLines(stderr)).toEqual([]);
});

test('rposim run with RPOSIM_DEBUG=1 shows the stack of an unexpected error', async () => {
  const blocker = join(folder, 'another-file');
  await writeFile(blocker, 'not a folder');
  const { code, stderr } = rposim(['run', SCENARIO, '--out', join(blocker, 'out'), '--quiet'], { RPOSIM_DEBUG: '1' });
  expect(code).toBe(1);
  expect(stackLines(stderr).length).toBeGreaterThan(0);
});

test('rposim run --precision 20% records the metric, choice, seed given and the estimate under "precision" in summary.json', async () => {
  const out = join(folder, 'precision');
  const { code, stderr } = rposim(['run', SCENARIO, '--seed', '7', '--precision', '20%', '--no-timeseries', '--out', out, '--quiet']);
  expect(code, stderr).toBe(0);
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  const { precision } = summary;
  // The default is a figure with a non-zero mean: latest-processed data loss in seconds (latest's is often 0).
  expect(precision).toMatchObject({ metric: 'data-loss-sec', choice: 'latest-processed', seed: 7, target: 0.2, maxReplications: 64 });
  expect(summary.seed).toBe(7);
  expect(precision.firstReplicationSeed).not.toBe(7);
  expect(precision.mean).toBeGreaterThan(0);
  expect(precision.replications).toBeGreaterThanOrEqual(4);
  expect(precision.ci95[0]).toBeLessThanOrEqual(precision.mean);
  expect(precision.ci95[1]).toBeGreaterThanOrEqual(precision.mean);
  if (precision.met) expect(precision.relativeHalfWidth).toBeLessThanOrEqual(0.2);
  expect(stderr).toContain(`Precision: mean latest-processed data loss`);
  expect(stderr).toContain(`over ${precision.replications} replications`);
  expect(stderr).toContain('Seed 7 for the whole run');
});

test('rposim run --precision with a --choice the scenario lacks, or --metric without --precision, is a usage error', () => {
  const lacking = rposim(['run', 'scenarios/bursty-workload.yaml', '--precision', '5%', '--choice', 'latest-multi-vm-processed', '--out', join(folder, 'nope')]);
  expect(lacking.code).toBe(2);
  expect(lacking.stderr).toContain("the choice latest-multi-vm-processed is not among the scenario's failover choices");
  const alone = rposim(['run', SCENARIO, '--metric', 'downtime-sec', '--out', join(folder, 'nope')]);
  expect(alone.code).toBe(2);
  expect(alone.stderr).toContain('precision');
});

test('rposim run --precision abc is a usage error', () => {
  const { code, stderr } = rposim(['run', SCENARIO, '--precision', 'abc', '--out', join(folder, 'nope')]);
  expect(code).toBe(2);
  expect(stderr).toContain('--precision');
  expect(stackLines(stderr)).toEqual([]);
});
