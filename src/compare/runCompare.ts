// Runs a comparison into a folder on the sweep's machinery (worker processes, run files, resume): every strategy at
// replications 0..n−1, then, with a precision target, more replications until every reported paired
// difference is as tight as asked or the cap is reached. Which replications run depends only on the records,
// so an interrupted and resumed comparison ends exactly where an uninterrupted one does.
import type { LoadedCompare } from '../io/loadCompare.js';
import { readRunRecord } from '../io/runFile.js';
import { completedRuns, failedRuns, openSweepDir, type RunsManifest } from '../io/sweepStore.js';
import { writeFilesAtomic } from '../io/writeFileAtomic.js';
import { replicationSeed } from '../engine/replicationSeed.js';
import { runPending } from '../sweep/runPending.js';
import { createRunner, workerCount } from '../sweep/runProcesses.js';
import type { SweepProgress } from '../sweep/runSweep.js';
import { VERSION } from '../version.js';
import { analyze, type CompareAnalysis } from './analysis.js';
import { compareJob, compareRunAt, failedCompareRecord, type CompareRunRecord } from './executeRun.js';
import { compareSpecAsWritten } from './spec.js';
import { compareCsv, compareRunsCsv, pairsCsv } from './tables.js';

export const COMPARE_FORMAT = 'rposim-compare/1';

export interface CompareOptions {
  out: string;
  /** Worker processes; default os.availableParallelism(). */
  workers?: number;
  /** Heap limit of each worker process in MB (--max-old-space-size); default: Node's, or the one this process was given. */
  heapLimitMb?: number;
  /** Keep runs already in `out` (default false: recompute them). Failed runs are kept too, unless retryFailed. */
  resume?: boolean;
  /** With resume: recompute the runs recorded as failed (default false). */
  retryFailed?: boolean;
  /** Replaces the spec's: a fixed count, no precision target. */
  replications?: number;
  /** Replaces the spec's precision target (relative half-width). */
  precision?: number;
  /** Aborting stops scheduling; runs in flight finish and are written. */
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /**
   * Milliseconds. When given, the wall time goes to timing.json (the other files stay byte-reproducible), and
   * workers hold more runs once runs prove short (runProcesses.ts).
   */
  clock?: () => number;
}

export interface CompareOutcome {
  status: 'complete' | 'interrupted';
  out: string;
  replications: number;
  computed: number;
  skipped: number;
  failures: CompareFailure[];
  /** null when interrupted. */
  analysis: CompareAnalysis | null;
  wallSec: number | null;
}

export const COMPARE_FILES = ['compare.csv', 'pairs.csv', 'runs.csv', 'compare.json'] as const;

export async function runCompare(loaded: LoadedCompare, options: CompareOptions): Promise<CompareOutcome> {
  const started = options.clock?.();
  const workers = workerCount(options.workers);
  const { spec, input } = loaded;
  const strategies = spec.strategies.map((s) => s.name);
  const count = strategies.length;
  const precision = options.replications !== undefined ? null : (options.precision ?? spec.precision);
  let replications = options.replications ?? spec.replications;
  const cap = precision === null ? replications : Math.max(spec.maxReplications, replications);

  const manifest: RunsManifest & Record<string, unknown> = {
    format: COMPARE_FORMAT,
    version: VERSION,
    specHash: loaded.specHash,
    spec: compareSpecAsWritten(spec, input.baseSeed),
    strategies: count,
  };
  await openSweepDir(options.out, manifest, 'compare');
  const present = options.resume ? await completedRuns(options.out) : new Set<number>();
  if (options.resume && options.retryFailed) for (const i of await failedRuns(options.out)) present.delete(i);
  const records = new Map<number, CompareRunRecord>();
  let computed = 0;
  let skipped = 0;
  const failures = () => [...records.values()].filter((r) => r.status === 'failed').map((r) => failureOf(r, strategies));
  const read = async (i: number) => records.set(i, await readRunRecord<CompareRunRecord>(options.out, i));

  const runner = createRunner(compareJob(input), options.out, workers, options.heapLimitMb, options.clock);
  let analysis: CompareAnalysis;
  try {
    for (;;) {
      const total = replications * count;
      const wanted = Array.from({ length: total }, (_, i) => i).filter((i) => !records.has(i));
      for (const i of wanted.filter((i) => present.has(i))) {
        await read(i);
        skipped++;
      }
      const pending = wanted.filter((i) => !records.has(i));
      const counts = { done: records.size, total, failed: failures().length };
      options.onProgress?.({ ...counts });
      const scheduled = await runPending(runner, pending, {
        out: options.out,
        crashed: (index, error) => failedCompareRecord(compareRunAt(index, count, input.baseSeed), error),
        onDone: (done) => {
          counts.done++;
          if (done.status === 'failed') counts.failed++;
          options.onProgress?.({ ...counts });
        },
        signal: options.signal,
      });
      // The workers wrote the records; every run scheduled has finished.
      for (const i of pending.slice(0, scheduled)) await read(i);
      computed += scheduled;
      if (records.size < total) {
        return { status: 'interrupted', out: options.out, replications, computed, skipped, failures: failures(), analysis: null, wallSec: null };
      }
      const byStrategy = strategies.map((_, s) => Array.from({ length: replications }, (_, k) => records.get(k * count + s)!));
      analysis = analyze(byStrategy, { strategies, baseline: spec.baseline, objective: loaded.objective, metrics: spec.metrics, precision });
      if (analysis.precision === null || analysis.precision.met || replications >= cap) break;
      // Towards the projected need, but at most doubling: a projection from few replications is rough.
      replications = Math.min(cap, Math.max(replications + 1, Math.min(2 * replications, analysis.precision.neededReplications)));
    }
  } finally {
    await runner.close();
  }

  const ordered = [...records.keys()].sort((a, b) => a - b).map((i) => records.get(i)!);
  const wallSec = started === undefined ? null : (options.clock!() - started) / 1000;
  writeFilesAtomic(options.out, {
    'compare.csv': compareCsv(analysis),
    'pairs.csv': pairsCsv(analysis),
    'runs.csv': compareRunsCsv(ordered, strategies, analysis.keys),
    'compare.json': compareJson(loaded, analysis, failures(), replications),
    ...(wallSec === null ? {} : { 'timing.json': `${JSON.stringify({ wallSec, workers, computed, skipped }, null, 2)}\n` }),
  });
  return { status: 'complete', out: options.out, replications, computed, skipped, failures: failures(), analysis, wallSec };
}

/** A failed run of a comparison, by its strategy's name (compare.json's failures, the terminal's list). */
export interface CompareFailure {
  run: number;
  strategy: string;
  replication: number;
  seed: number;
  error: string;
}

const failureOf = (r: CompareRunRecord, strategies: readonly string[]): CompareFailure => ({
  run: r.index,
  strategy: strategies[r.strategy]!,
  replication: r.replication,
  seed: r.seed,
  error: r.error,
});

/** compare.json: no wall time or host details, so that it is byte-identical however the comparison was run. */
function compareJson(loaded: LoadedCompare, analysis: CompareAnalysis, failures: CompareFailure[], replications: number): string {
  const body = {
    rposim: VERSION,
    specHash: loaded.specHash,
    spec: compareSpecAsWritten(loaded.spec, loaded.input.baseSeed),
    seeds: {
      base: loaded.input.baseSeed,
      rule: 'replication k of every strategy runs with the seed drawn from (base, "replication/k"): common random numbers',
      byReplication: Array.from({ length: replications }, (_, k) => replicationSeed(loaded.input.baseSeed, k)),
    },
    replications,
    runs: replications * analysis.strategies.length,
    baseline: analysis.baseline,
    objective: analysis.objective,
    precision: analysis.precision,
    significantDifferences: analysis.pairs.filter((p) => p.significant).length,
    pairs: analysis.pairs.length,
    failed: failures.length,
    failures,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
