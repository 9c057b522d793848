// SIGINT (Ctrl-C), SIGTERM (kill, a batch system's time limit) and SIGHUP (the terminal closed) end rposim
// without leaving temporaries behind: handlers remove what this process holds (io/temporaries.ts), then the
// process ends by the signal as it would have without them, so callers see the usual status (130, 143, 129).
import { constants } from 'node:os';
import { removeOwnTemporariesSync } from '../io/temporaries.js';
import { killRunProcessesNow } from '../sweep/runProcesses.js';

export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const SIGNALS: readonly Signal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export const signalExitCode = (signal: Signal): number => 128 + constants.signals[signal];

/** Calls `handler` on each of the signals until the returned function is called. */
export function onSignals(handler: (signal: Signal) => void): () => void {
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.removeListener(signal, handler);
  };
}

/** Removes this process's temporaries, then ends it by `signal` (with no handler left, the default action runs). */
export function endBySignal(signal: Signal): void {
  removeOwnTemporariesSync();
  for (const s of SIGNALS) process.removeAllListeners(s);
  process.kill(process.pid, signal);
}

/**
 * Runs `work` with signals ending the process cleanly. A handler runs only when the thread is free: a signal
 * that comes during synchronous work (a simulation, a file written in one go) is handled once it ends, so
 * installing one around a long synchronous step only delays Ctrl-C.
 */
export async function endCleanlyOnSignals<T>(work: () => Promise<T>): Promise<T> {
  const uninstall = onSignals(endBySignal);
  try {
    return await work();
  } finally {
    // Two turns of the event loop first (one is not always enough): a signal that came while the work held the
    // thread is handled now, instead of being dropped along with the handler.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    uninstall();
  }
}

export interface BatchInterrupt {
  /** Aborted by the first signal. */
  signal: AbortSignal;
  /** The status the first signal's process would end with (130 after SIGINT, 143 after SIGTERM); 0 when none came. */
  exitCode(): number;
  dispose(): void;
}

/**
 * Signals during a batch of runs (sweep, compare). The first stops scheduling and lets the runs in flight finish
 * (they are written). A second quits at once: the workers are killed and this process's temporaries removed
 * (finished runs are on disk regardless).
 */
export function stopBatchOnSignals(): BatchInterrupt {
  const controller = new AbortController();
  let exitCode = 0;
  const dispose = onSignals((signal) => {
    if (controller.signal.aborted) {
      killRunProcessesNow();
      endBySignal(signal);
      return;
    }
    exitCode = signalExitCode(signal);
    process.stderr.write(`\n${signal}: stopping after the runs in flight (again to quit at once)…\n`);
    controller.abort();
  });
  return { signal: controller.signal, exitCode: () => exitCode, dispose };
}
