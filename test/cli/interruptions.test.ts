// Interrupting rposim at random moments (a seeded choice of moment and signal): nothing temporary is left,
// no result is clobbered, and a sweep resumed after every interruption ends byte-identical to one that never
// was interrupted. RPOSIM_INTERRUPTIONS=20 npx vitest run test/cli/interruptions.test.ts runs the long version.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import seedrandom from 'seedrandom';
import { beforeAll, expect, test } from 'vitest';
import { readRunRecord } from '../../src/io/runFile.js';
import { completedRuns } from '../../src/io/sweepStore.js';
import { snapshot } from '../io/tempFolder.js';
import { ROOT, rposim, startRposim, type Ended } from './runRposim.js';

const COUNT = Number(process.env.RPOSIM_INTERRUPTIONS ?? 2);
/** Room for COUNT runs on a busy machine; nothing is measured. */
const TIMEOUT = { timeout: 120_000 + COUNT * 30_000 };
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const random = seedrandom('interruptions');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rposim-interruptions-'));
});

const temporariesIn = async (...dirs: string[]) =>
  (await Promise.all(dirs.map((d) => readdir(d).catch(() => [] as string[])))).flat().filter((n) => n.includes('.tmp-'));

/**
 * Starts rposim, sends a random signal at a random moment within the span, and waits for it to end. With
 * `shrink`, the span becomes the shortest run seen to finish first, so that on a machine whose load changes
 * most signals still land while rposim works (not for resumed sweeps, which are shorter by design).
 */
function interrupter(initialSpanMs: number, shrink: boolean): (args: string[]) => Promise<Ended> {
  let spanMs = initialSpanMs;
  return async (args) => {
    const started = performance.now();
    const { child, done } = startRposim(args);
    const signal = SIGNALS[Math.floor(random() * SIGNALS.length)]!;
    const timer = setTimeout(() => child.kill(signal), random() * spanMs);
    const ended = await done;
    clearTimeout(timer);
    if (shrink && ended.signal === null && ended.code === 0) spanMs = Math.min(spanMs, performance.now() - started);
    return ended;
  };
}

async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  const r = rposim(args);
  expect(r.code, r.stderr).toBe(0);
  return performance.now() - started;
}

test(`rposim run interrupted ${COUNT} times leaves no temporary and either the previous or the complete new results`, TIMEOUT, async () => {
  const parent = await mkdtemp(join(folder, 'run-'));
  const scenario = join(parent, 'site.yaml');
  const text = await readFile(join(ROOT, 'scenarios/small-site.yaml'), 'utf8');
  await writeFile(scenario, text.replace(/^ {2}sampleInterval: 5m$/m, '  sampleInterval: 30s'));
  const out = join(parent, 'out');
  const reference = join(parent, 'reference');
  const interrupt = interrupter(await timed(['run', scenario, '--out', reference, '--quiet']), true);
  expect(rposim(['run', scenario, '--out', out, '--quiet', '--seed', '2', '--no-timeseries']).code).toBe(0);
  const previous = await snapshot(out);
  const complete = await snapshot(reference);
  const endings: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const ended = await interrupt(['run', scenario, '--out', out, '--quiet']);
    endings.push(ended.signal ?? `exit ${ended.code}`);
    expect(await temporariesIn(parent)).toEqual([]);
    const now = await snapshot(out);
    expect(now, `interruption ${i}`).toEqual(now['timeseries.csv'] === undefined ? previous : complete);
    if (now['timeseries.csv'] !== undefined) expect(rposim(['run', scenario, '--out', out, '--quiet', '--seed', '2', '--no-timeseries']).code).toBe(0);
  }
  console.info(`run: ${tally(endings)}`);
});

/** "SIGINT 3, exit 0 2, …": how the interrupted processes ended (a signal, or done before it came). */
const tally = (endings: string[]) =>
  [...new Set(endings)].map((e) => `${e} ${endings.filter((x) => x === e).length}`).join(', ');

test(`rposim sweep interrupted ${COUNT} times and resumed each time ends byte-identical to an uninterrupted sweep`, TIMEOUT, async () => {
  const grid = join(ROOT, 'test/sweep/fixtures/grid.yaml');
  const reference = join(folder, 'sweep-reference');
  const out = join(folder, 'sweep-interrupted');
  const interrupt = interrupter(1.2 * (await timed(['sweep', grid, '--out', reference, '--workers', '2'])), false);
  const finals = ['runs.csv', 'summary.csv', 'sweep.json'];
  const finalFiles = async (dir: string) => Object.fromEntries(await Promise.all(finals.map(async (f) => [f, await readFile(join(dir, f), 'utf8').catch(() => null)])));
  const expected = await finalFiles(reference);
  const endings: string[] = [];
  let fresh = true;
  for (let i = 0; i < COUNT; i++) {
    const ended = await interrupt(['sweep', grid, '--out', out, '--workers', '2', ...(fresh ? [] : ['--resume'])]);
    endings.push(ended.signal ?? `exit ${ended.code}`);
    expect(await temporariesIn(out, join(out, 'runs')), `interruption ${i}`).toEqual([]);
    // Every run file present is whole and unedited; final files, where present, are the reference's.
    for (const index of await completedRuns(out)) await readRunRecord(out, index);
    const files = await finalFiles(out);
    for (const f of finals) if (files[f] !== null) expect(files[f], `${f} after interruption ${i}`).toBe(expected[f]);
    // A sweep that finished before its signal came: start over, so that the next signal lands in the work.
    fresh = files['sweep.json'] !== null;
    if (fresh) await rm(out, { recursive: true });
  }
  console.info(`sweep: ${tally(endings)}`);
  const resumed = rposim(['sweep', grid, '--out', out, '--workers', '2', '--resume']);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(await finalFiles(out)).toEqual(expected);
});
