import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSweep } from '../src/sweep/runSweep.js';
import { median, timed } from './measure.js';
import { sampleProcessTreeRss } from './processTreeRss.js';

/** A sweep over the small site, shortened to one simulated day, with `replications` runs per point. */
async function sweepFile(folder: string, replications: number, points: number): Promise<string> {
  const file = join(folder, 'bench-sweep.yaml');
  const bandwidths = Array.from({ length: points }, (_, i) => `${50 + 10 * i} Mbps`);
  await writeFile(
    file,
    [
      `base: ${resolve('scenarios/small-site.yaml')}`,
      `replications: ${replications}`,
      `set: { horizon: 1d, warmup: 2h, disasters.times: [], disasters.random: 20, output.sampleInterval: 0 }`,
      'axes:',
      '  - path: uplinks[0].bandwidth',
      `    values: [${bandwidths.join(', ')}]`,
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * CPU seconds of this process and of its child processes that have ended (the sweep's workers, once the sweep
 * has closed them), from /proc/self/stat's utime, stime, cutime and cstime; null where /proc is not available.
 */
function treeCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // Fields 14–17 of the file (utime, stime, cutime, cstime), counted after the command's name.
    return (fields[11]! + fields[12]! + fields[13]! + fields[14]!) / clockTicksPerSecond;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux this runs on (sysconf is not reachable from Node). */
const clockTicksPerSecond = 100;

/** Runs per second (wall: workers run in parallel) of one sweep into a fresh folder, deleted afterwards, and the cores it kept busy. */
async function sweepRate(folder: string, file: string, workers: number): Promise<{ rate: number; cores: number | null }> {
  const out = join(folder, `out-${workers}`);
  const cpuBefore = treeCpuSeconds();
  const { seconds, result } = await timed(() => runSweep(file, { out, workers, clock: () => performance.now() }));
  const cpuAfter = treeCpuSeconds();
  await rm(out, { recursive: true, force: true });
  return { rate: result.computed / seconds, cores: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / seconds };
}

export interface SweepThroughput {
  runs: number;
  rounds: number;
  /** Medians over rounds of runs per wall second. */
  oneWorker: number;
  twoWorkers: number;
  /** Median over rounds of two ÷ one, each pair measured back to back. */
  ratio: number;
  /**
   * Median over rounds of the cores the sweep with one worker kept busy (its CPU seconds, main process and worker
   * together, ÷ its wall seconds; null without /proc). Above 1, V8's compiler and collector threads and the main
   * process use the second core, and two workers can gain at most 2 ÷ this.
   */
  oneWorkerCores: number | null;
}

/**
 * Runs per second of the same sweep with 1 worker and with 2, alternating over `rounds` rounds: a sweep's
 * speed-up is a wall-time figure, so on a shared machine it is only as good as the cores other processes
 * leave free; medians and back-to-back pairs damp that. Each sweep starts its own worker processes, which load
 * and compile the code afresh, so a sweep of a few hundred short runs measures mostly that start-up: use
 * thousands.
 */
export async function sweepThroughput(runs: number, rounds: number): Promise<SweepThroughput> {
  const folder = await mkdtemp(join(tmpdir(), 'rposim-bench-sweep-'));
  try {
    const file = await sweepFile(folder, runs / 5, 5);
    await sweepRate(folder, file, 1); // warm-up: the file system cache and the JIT
    const one: number[] = [];
    const two: number[] = [];
    const ratios: number[] = [];
    const cores: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = await sweepRate(folder, file, 1);
      const b = await sweepRate(folder, file, 2);
      one.push(a.rate);
      two.push(b.rate);
      ratios.push(b.rate / a.rate);
      if (a.cores !== null) cores.push(a.cores);
    }
    return { runs, rounds, oneWorker: median(one), twoWorkers: median(two), ratio: median(ratios), oneWorkerCores: cores.length === rounds ? median(cores) : null };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Wall time and peak memory (the main process and its worker processes together) of a large sweep on 2 workers. */
export async function bigSweep(runs: number): Promise<{ runs: number; wallSec: number; peakRssMb: number | null }> {
  const folder = await mkdtemp(join(tmpdir(), 'rposim-bench-sweep-'));
  try {
    const file = await sweepFile(folder, runs / 10, 10);
    const out = join(folder, 'out');
    const rss = sampleProcessTreeRss();
    const { seconds } = await timed(() => runSweep(file, { out, workers: 2, clock: () => performance.now() }));
    return { runs, wallSec: seconds, peakRssMb: rss.stop() };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
