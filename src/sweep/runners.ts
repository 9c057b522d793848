// Where runs execute: inline (one worker) or on a tinypool of worker threads. Both call the same executor with
// the same inputs, so the records, and hence the files, are the same for any worker count. Sweeps and
// comparisons each bring their executor and the worker file that runs it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';

export interface Runner<R> {
  run(index: number): Promise<R>;
  /** Runs the runner can usefully have in flight. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** What a kind of batch (sweep, compare) runs: its input, sent once to each worker, and its executor. */
export interface RunJob<I, R> {
  input: I;
  /** The worker entry, relative to the build's root (dist/): 'sweep/worker.js'. It receives `input` as workerData. */
  workerEntry: string;
  /** The same executor, for inline runs. */
  executor: (input: I) => (index: number) => R;
}

/**
 * The compiled worker. From dist/ it sits under the build's root; when this module runs from src/ (vitest),
 * the worker still has to be the built one: worker threads do not load TypeScript.
 */
function workerFile(entry: string): string {
  const beside = fileURLToPath(new URL(`../${entry}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../../dist/${entry}`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`worker not found at ${beside} or ${built}: run npm run build`);
}

export function createRunner<I, R>(job: RunJob<I, R>, workers: number): Runner<R> {
  if (workers <= 1) {
    const execute = job.executor(job.input);
    return {
      concurrency: 1,
      // setImmediate first: lets signals and progress output through between synchronous simulations.
      run: (index) => new Promise((done) => setImmediate(() => done(execute(index)))),
      close: async () => {},
    };
  }
  const pool = new Tinypool({ filename: workerFile(job.workerEntry), minThreads: workers, maxThreads: workers, workerData: job.input, idleTimeout: 0 });
  return {
    // Two per thread: a worker starts its next run while the main thread writes the previous record.
    concurrency: workers * 2,
    run: (index) => pool.run(index) as Promise<R>,
    close: () => pool.destroy(),
  };
}

/**
 * Runs `pending` on the runner, `concurrency` at a time, handing each record to `store` as it finishes. Aborting
 * stops scheduling; runs in flight finish and are stored. Returns how many were scheduled.
 */
export async function runPending<R>(runner: Runner<R>, pending: readonly number[], store: (record: R) => Promise<void>, signal?: AbortSignal): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < pending.length && !signal?.aborted) {
      const record = await runner.run(pending[next++]!);
      await store(record);
    }
  };
  await Promise.all(Array.from({ length: runner.concurrency }, lane));
  return next;
}
