// Entry of a sweep worker process (forked from dist/ by runProcesses.ts). The sweep arrives once; then each
// message is a run index, and the worker writes that run's file itself and answers with its status only.
// A run that aborts Node (a V8 fatal error, the heap limit) takes only this process down.
import { writeRunRecord } from '../io/runFile.js';
import { executeRun, prepareSweep, type PreparedSweep } from './executeRun.js';
import type { FromWorker, ToWorker } from './runProcesses.js';

// The parent decides when to stop: Ctrl-C reaches the whole process group, and a run in flight should finish
// and be written. A parent that is gone closes the channel instead.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
process.on('disconnect', () => process.exit(0));
// A run already sent may still be read after the parent was killed: an orphan starts no new run.
const parent = process.ppid;

// An orphan's answer has no one to go to (its run file is written all the same).
const send = (message: FromWorker) => void (process.connected && process.send!(message));
let sweep: PreparedSweep;
let out: string;

process.on('message', (message: ToWorker) => {
  if (message.kind === 'start') {
    sweep = prepareSweep(message.input);
    out = message.out;
    send({ kind: 'ready' });
    return;
  }
  if (process.ppid !== parent) process.exit(0);
  const record = executeRun(sweep, message.index);
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
