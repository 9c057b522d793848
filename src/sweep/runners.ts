// Where runs execute: inline (one worker) or on a tinypool of worker threads. Both call executeRun with the
// same inputs, so the records, and hence the files, are the same for any worker count.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { executeRun, prepareSweep, type SweepInput } from './executeRun.js';
import type { RunRecord } from './runRecord.js';

export interface Runner {
  run(index: number): Promise<RunRecord>;
  /** Runs the runner can usefully have in flight. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/**
 * The compiled worker. From dist/sweep/ it sits next to this file; when this module runs from src/ (vitest),
 * the worker still has to be the built one: worker threads do not load TypeScript.
 */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/sweep/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`sweep worker not found at ${beside} or ${built}: run npm run build`);
}

export function createRunner(input: SweepInput, workers: number): Runner {
  if (workers <= 1) {
    const sweep = prepareSweep(input);
    return {
      concurrency: 1,
      // setImmediate first: lets signals and progress output through between synchronous simulations.
      run: (index) => new Promise((done) => setImmediate(() => done(executeRun(sweep, index)))),
      close: async () => {},
    };
  }
  const pool = new Tinypool({ filename: workerFile(), minThreads: workers, maxThreads: workers, workerData: input, idleTimeout: 0 });
  return {
    // Two per thread: a worker starts its next run while the main thread writes the previous record.
    concurrency: workers * 2,
    run: (index) => pool.run(index) as Promise<RunRecord>,
    close: () => pool.destroy(),
  };
}
