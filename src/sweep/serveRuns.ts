// The loop of a worker process (runProcesses.ts), for any kind of batch: the batch's input arrives once; then each
// message is a run index, and the worker writes that run's file itself and answers with its status only.
// A run that aborts Node (a V8 fatal error, the heap limit) takes only this process down.
import { writeRunRecord, type StoredRun } from '../io/runFile.js';
import type { FromWorker, ToWorker } from './runProcesses.js';

/** Serves runs with the executor `prepare` builds from the batch's input. */
export function serveRuns<I>(prepare: (input: I) => (index: number) => StoredRun): void {
  // The parent decides when to stop: Ctrl-C reaches the whole process group, and a run in flight should finish
  // and be written. A parent that is gone closes the channel instead.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
  process.on('disconnect', () => process.exit(0));
  // A run already sent may still be read after the parent was killed: an orphan starts no new run.
  const parent = process.ppid;

  // An orphan's answer has no one to go to (its run file is written all the same).
  const send = (message: FromWorker) => void (process.connected && process.send!(message));
  let execute: (index: number) => StoredRun;
  let out: string;

  process.on('message', (message: ToWorker) => {
    if (message.kind === 'start') {
      execute = prepare(message.input as I);
      out = message.out;
      send({ kind: 'ready' });
      return;
    }
    if (process.ppid !== parent) process.exit(0);
    const record = execute(message.index);
    try {
      writeRunRecord(out, record);
    } catch (error) {
      const { code, message: text } = error as NodeJS.ErrnoException;
      send({ kind: 'write-failed', index: record.index, code: code ?? '', message: text });
      return;
    }
    send({ kind: 'done', index: record.index, status: record.status, error: record.error });
  });
  send({ kind: 'listening' });
}
