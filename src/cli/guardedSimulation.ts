// The heap guard: a simulation runs in a worker thread with a heap limit, so that running out of memory ends
// the worker, not the process. The user then reads what happened and what to change, and the exit code is 1,
// instead of a V8 abort with its native stack. The core stays pure: the guard is this file's business.
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { builtWorker } from '../io/builtWorker.js';
import type { SimulateOptions, SimulationResult } from '../metrics/types.js';
import type { PlanOptions, PlanReport } from '../plan/plan.js';
import type { Scenario } from '../scenario/types.js';
import { type PrecisionOptions, type PrecisionRun, PrecisionInputError } from '../simulateToPrecision.js';

/**
 * What the worker runs. With `timeseriesPath`, the worker writes the timeseries there as the run makes it
 * (the result's own list is then empty): a sample never crosses threads, and memory stays flat in the horizon.
 */
export type SimulationTask = { scenario: Scenario; timeseriesPath?: string } & (
  | { kind: 'simulate'; options: Omit<SimulateOptions, 'onProgress' | 'onSample'> }
  | { kind: 'precision'; options: Omit<PrecisionOptions, 'onSample'> }
  | { kind: 'plan'; options: PlanOptions }
);

type TaskResult<T extends SimulationTask> = T['kind'] extends 'simulate' ? SimulationResult : T['kind'] extends 'plan' ? PlanReport : PrecisionRun;

export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError';
}

/**
 * The heap the worker may use, in MB: RPOSIM_MAX_HEAP_MB, or the limit this process has itself (Node's
 * default for the machine, or --max-old-space-size), so that the guard costs no capacity.
 */
export function heapLimitMb(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.RPOSIM_MAX_HEAP_MB);
  return Number.isInteger(fromEnv) && fromEnv >= 64 ? fromEnv : Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
}

export function runGuarded<T extends SimulationTask>(task: T, onProgress: (fraction: number) => void = () => {}): Promise<TaskResult<T>> {
  const limitMb = heapLimitMb();
  return new Promise((resolve, reject) => {
    const worker = new Worker(builtWorker('cli/simulationWorker.js', import.meta.url), { workerData: task, resourceLimits: { maxOldGenerationSizeMb: limitMb } });
    let result: TaskResult<T> | undefined;
    worker.on('message', (message: { progress?: number; result?: TaskResult<T>; precisionInputError?: string }) => {
      if (message.progress !== undefined) onProgress(message.progress);
      if (message.result !== undefined) result = message.result;
      if (message.precisionInputError !== undefined) reject(new PrecisionInputError(message.precisionInputError));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
      reject(
        new OutOfMemoryError(
          `out of memory: the simulation needed more than the ${limitMb} MB of heap it may use. ` +
            'Simulate fewer VMs, a shorter horizon or fewer disasters, ' +
            'or allow more memory with RPOSIM_MAX_HEAP_MB (e.g. RPOSIM_MAX_HEAP_MB=16384)',
        ),
      );
    });
    worker.on('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`the simulation worker stopped (exit code ${code}) without a result`));
    });
  });
}
