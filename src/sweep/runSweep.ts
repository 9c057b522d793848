// Runs a sweep (or one shard of it) into a folder: schedules the missing runs on worker processes, which write
// each record as it finishes, and assembles the final files once every run is present.
import { join } from 'node:path';
import { loadSweepFile, type LoadedSweep } from '../io/loadSweep.js';
import { formatIssues } from '../scenario/issues.js';
import { readRunRecord } from '../io/runFile.js';
import { assembleSweep, completedRuns, failedRuns, openSweepDir } from '../io/sweepStore.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { inShard, runAt, sweepLayout, type Shard } from './design.js';
import { failedRecord, sweepJob } from './executeRun.js';
import { buildManifest, failureOf, type FailureInfo } from './manifest.js';
import { runPending } from './runPending.js';
import { createRunner, workerCount } from './runProcesses.js';

export interface SweepProgress {
  /** Runs of this shard present on disk (including those found by --resume). */
  done: number;
  total: number;
  failed: number;
}

export interface SweepOptions {
  /** Output folder; created if needed. Must be new, empty, or a sweep folder rposim wrote. */
  out: string;
  /** Worker processes; default os.availableParallelism(). */
  workers?: number;
  /** Heap limit of each worker process in MB (--max-old-space-size); default: Node's, or the one this process was given. */
  heapLimitMb?: number;
  /** Keep runs already in `out` (default false: recompute them). Failed runs are kept too, unless retryFailed. */
  resume?: boolean;
  /** With resume: recompute the runs recorded as failed (default false). */
  retryFailed?: boolean;
  /** Run only this deterministic share (run index mod count = index); default: all runs. */
  shard?: Shard | null;
  /** Aborting stops scheduling; runs in flight finish and are written. */
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /**
   * Milliseconds. When given, the wall time goes to timing.json (sweep.json stays byte-reproducible), and workers
   * hold more runs once runs prove short (runProcesses.ts).
   */
  clock?: () => number;
}

export interface SweepOutcome {
  /** complete: final files written. shard-complete: this shard's runs are all present; merge next. */
  status: 'complete' | 'shard-complete' | 'interrupted';
  out: string;
  specHash: string;
  runCount: number;
  shardRunCount: number;
  computed: number;
  skipped: number;
  /** All failed runs of the shard (interrupted: those known so far). */
  failures: FailureInfo[];
  wallSec: number | null;
}

function checkOptions(options: SweepOptions): { workers: number; shard: Shard | null } {
  const workers = workerCount(options.workers);
  const shard = options.shard ?? null;
  if (shard && !(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count)) {
    throw new RangeError(`shard must have 0 ≤ index < count, got ${shard.index}/${shard.count}`);
  }
  return { workers, shard };
}

/** Runs a sweep. `sweep` is a loaded sweep or the path of a sweep file. */
export async function runSweep(sweep: LoadedSweep | string, options: SweepOptions): Promise<SweepOutcome> {
  const started = options.clock?.();
  const { workers, shard } = checkOptions(options);
  let loaded: LoadedSweep;
  if (typeof sweep === 'string') {
    const result = await loadSweepFile(sweep);
    if (!result.ok) throw new Error(formatIssues(result.errors));
    loaded = result.sweep;
  } else loaded = sweep;

  const layout = sweepLayout(loaded.input.spec, loaded.input.baseSeed);
  const manifest = buildManifest(layout, loaded.specHash);
  await openSweepDir(options.out, manifest);

  const mine = Array.from({ length: layout.runCount }, (_, i) => i).filter((i) => inShard(i, shard));
  const present = options.resume ? await completedRuns(options.out) : new Set<number>();
  if (options.resume && options.retryFailed) for (const i of await failedRuns(options.out)) present.delete(i);
  const pending = mine.filter((i) => !present.has(i));
  const failures: FailureInfo[] = [];
  let done = mine.length - pending.length;
  const progress = () => options.onProgress?.({ done, total: mine.length, failed: failures.length });
  progress();

  const runner = createRunner(sweepJob(loaded.input), options.out, Math.min(workers, Math.max(1, pending.length)), options.heapLimitMb, options.clock);
  const runOf = (index: number) => runAt(index, layout.spec.replications, layout.baseSeed);
  let next: number;
  try {
    next = await runPending(runner, pending, {
      out: options.out,
      crashed: (index, error) => failedRecord(runOf(index), error),
      onDone: (outcome) => {
        if (outcome.status === 'failed') failures.push(failureOf({ ...runOf(outcome.index), error: outcome.error }));
        done++;
        progress();
      },
      signal: options.signal,
    });
  } finally {
    await runner.close();
  }

  const outcome = (status: SweepOutcome['status'], all: FailureInfo[]): SweepOutcome => ({
    status, out: options.out, specHash: loaded.specHash, runCount: layout.runCount, shardRunCount: mine.length,
    computed: next, skipped: mine.length - pending.length, failures: all,
    wallSec: started === undefined ? null : (options.clock!() - started) / 1000,
  });
  if (options.signal?.aborted && next < pending.length) return outcome('interrupted', failures);

  let allFailures: FailureInfo[];
  let status: SweepOutcome['status'];
  // Shards sharing one folder: whichever finds every run present assembles (the same bytes if two do).
  const everyRunPresent = shard && shard.count > 1 ? (await completedRuns(options.out)).size >= layout.runCount : true;
  if (!everyRunPresent) {
    allFailures = [];
    for (const i of mine) {
      const record = await readRunRecord(options.out, i);
      if (record.status === 'failed') allFailures.push(failureOf(record));
    }
    status = 'shard-complete';
  } else {
    allFailures = await assembleSweep(options.out, layout, manifest);
    status = 'complete';
  }
  const result = outcome(status, allFailures);
  if (result.wallSec !== null) {
    const timing = { wallSec: result.wallSec, workers, computed: result.computed, skipped: result.skipped, shard };
    writeFileAtomic(join(options.out, status === 'complete' ? 'timing.json' : `timing-shard-${shard!.index}.json`), `${JSON.stringify(timing, null, 2)}\n`);
  }
  return result;
}

