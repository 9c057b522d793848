// Entry of a sweep worker process (forked from dist/ by runProcesses.ts): the sweep's runs, served by serveRuns.
import { sweepExecutor } from './executeRun.js';
import { serveRuns } from './serveRuns.js';

serveRuns(sweepExecutor);
