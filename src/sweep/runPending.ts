// Schedules runs on a runner's worker processes, as many at a time as it can hold. A run whose worker died with it
// has no file: it is written here as failed (the reason the worker died), so it counts as done like any other.
import { writeRunRecord, type StoredRun } from '../io/runFile.js';
import type { RunDone, Runner } from './runProcesses.js';

export interface PendingOptions {
  /** The folder the workers write run files into. */
  out: string;
  /** The failed record of run `index`, for a run whose worker died. */
  crashed: (index: number, error: string) => StoredRun;
  /** Called as each run is done (its file is on disk). */
  onDone: (done: RunDone) => void;
  /** Aborting stops scheduling; runs in flight finish and are written. */
  signal?: AbortSignal;
}

/**
 * Runs `pending` in order; returns how many were scheduled. Throws, once no run is in flight, when a worker could
 * not write its file. Each lane runs one run at a time; lanes are added as the runner's concurrency grows and end
 * as it shrinks, so the runs in flight follow it.
 */
export async function runPending(runner: Runner, pending: readonly number[], options: PendingOptions): Promise<number> {
  let next = 0;
  let failure: unknown = null;
  let lanes = 0;
  const running: Promise<void>[] = [];
  const more = () => next < pending.length && !options.signal?.aborted && failure === null;
  const addLanes = () => {
    while (lanes < runner.concurrency && more()) {
      lanes++;
      running.push(lane());
    }
  };
  const lane = async () => {
    while (more() && lanes <= runner.concurrency) {
      const index = pending[next++]!;
      try {
        const done = await runner.run(index);
        if (done.crashed) writeRunRecord(options.out, options.crashed(index, done.error));
        options.onDone(done);
      } catch (error) {
        failure ??= error;
        break;
      }
      addLanes();
    }
    lanes--;
  };
  addLanes();
  // Every lane ends before the caller closes the workers, also when one lane fails; lanes added meanwhile too.
  for (let awaited = 0; awaited < running.length; awaited++) await running[awaited];
  if (failure !== null) throw failure;
  return next;
}
