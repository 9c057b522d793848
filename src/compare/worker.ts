// Worker-thread entry (loaded from dist/ by tinypool): the comparison arrives once as workerData; tasks are run
// indices.
import Tinypool from 'tinypool';
import { compareExecutor, type CompareInput } from './executeRun.js';

export default compareExecutor(Tinypool.workerData as CompareInput);
