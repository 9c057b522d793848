// Entry of a comparison's worker process (forked from dist/ by sweep/runProcesses.ts): its runs, served by serveRuns.
import { serveRuns } from '../sweep/serveRuns.js';
import { compareExecutor } from './executeRun.js';

serveRuns(compareExecutor);
