// Worker-thread entry (loaded from dist/ by tinypool). The sweep arrives once as workerData; tasks are
// run indices, so each message is a number out and one small record back.
import Tinypool from 'tinypool';
import { executeRun, prepareSweep, type SweepInput } from './executeRun.js';
import type { RunRecord } from './runRecord.js';

const sweep = prepareSweep(Tinypool.workerData as SweepInput);

export default function runInWorker(index: number): RunRecord {
  return executeRun(sweep, index);
}
