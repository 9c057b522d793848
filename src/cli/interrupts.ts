// SIGINT (Ctrl-C), SIGTERM (kill, a batch system's time limit) and SIGHUP (the terminal closed) end rposim
// without leaving temporaries behind: handlers remove what this process holds (io/temporaries.ts), then the
// process ends by the signal as it would have without them, so callers see the usual status (130, 143, 129).
import { constants } from 'node:os';
import { removeOwnTemporariesSync } from '../io/temporaries.js';

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
 * Runs `work` with signals ending the process cleanly. Only around asynchronous work: a handler cannot run while
 * synchronous code (a simulation) holds the thread, so installing one then would only delay Ctrl-C.
 */
export async function endCleanlyOnSignals<T>(work: () => Promise<T>): Promise<T> {
  const uninstall = onSignals(endBySignal);
  try {
    return await work();
  } finally {
    uninstall();
  }
}
