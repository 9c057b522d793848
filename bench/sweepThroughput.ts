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

/** Runs per second (wall: workers run in parallel) of one sweep into a fresh folder, deleted afterwards. */
async function sweepRate(folder: string, file: string, workers: number): Promise<number> {
  const out = join(folder, `out-${workers}`);
  const { seconds, result } = await timed(() => runSweep(file, { out, workers }));
  await rm(out, { recursive: true, force: true });
  return result.computed / seconds;
}

export interface SweepThroughput {
  runs: number;
  rounds: number;
  /** Medians over rounds of runs per wall second. */
  oneWorker: number;
  twoWorkers: number;
  /** Median over rounds of two ÷ one, each pair measured back to back. */
  ratio: number;
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
    for (let r = 0; r < rounds; r++) {
      const a = await sweepRate(folder, file, 1);
      const b = await sweepRate(folder, file, 2);
      one.push(a);
      two.push(b);
      ratios.push(b / a);
    }
    return { runs, rounds, oneWorker: median(one), twoWorkers: median(two), ratio: median(ratios) };
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
    const { seconds } = await timed(() => runSweep(file, { out, workers: 2 }));
    return { runs, wallSec: seconds, peakRssMb: rss.stop() };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
