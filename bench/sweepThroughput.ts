import { availableParallelism, tmpdir } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runSweep } from '../src/sweep/runSweep.js';
import { timed } from './measure.js';
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

async function sweepRate(folder: string, file: string, workers: number): Promise<{ runs: number; seconds: number }> {
  const out = join(folder, `out-${workers}-${Date.now()}`);
  const { seconds, result } = await timed(() => runSweep(file, { out, workers }));
  await rm(out, { recursive: true, force: true });
  return { runs: result.computed, seconds };
}

/** Runs per second of the same sweep with 1 worker and with one per core. */
export async function sweepThroughput(runs: number): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'rposim-bench-'));
  const cores = availableParallelism();
  const file = await sweepFile(folder, runs / 5, 5);
  const one = await sweepRate(folder, file, 1);
  const all = await sweepRate(folder, file, cores);
  await rm(folder, { recursive: true, force: true });
  const rate = (r: { runs: number; seconds: number }) => r.runs / r.seconds;
  return [
    `sweep, 1 worker: ${rate(one).toFixed(1)} runs/s (${one.runs} runs of small-site × 1 day)`,
    `sweep, ${cores} workers: ${rate(all).toFixed(1)} runs/s = ${(rate(all) / rate(one)).toFixed(2)}× 1 worker`,
  ];
}

/** Wall time and peak memory (the main process and its workers together) of a large sweep on every core. */
export async function bigSweep(runs: number): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'rposim-bench-'));
  const cores = availableParallelism();
  const rss = sampleProcessTreeRss();
  const big = await sweepRate(folder, await sweepFile(folder, runs / 10, 10), cores);
  const peak = rss.stop();
  await rm(folder, { recursive: true, force: true });
  const memory = peak === null ? 'peak RSS n/a (no /proc)' : `peak RSS ${peak.toFixed(0)} MB (main process and workers)`;
  return [`sweep of ${big.runs.toLocaleString('en')} runs, ${cores} workers: ${big.seconds.toFixed(0)} s wall, ${memory}`];
}
