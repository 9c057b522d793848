// Worker-thread entry (loaded from dist/ by tinypool). The sweep arrives once as workerData; tasks are
// run indices, so each message is a number out and one small record back.
import Tinypool from 'tinypool';
import { sweepExecutor, type SweepInput } from './executeRun.js';

export default sweepExecutor(Tinypool.workerData as SweepInput);
