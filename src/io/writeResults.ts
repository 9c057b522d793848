import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { writeCsvFile } from './csvFileWriter.js';
import { FAILOVER_COLUMNS, failoverRow } from './failoversCsv.js';
import { LIFECYCLE_COLUMNS, lifecycleRow } from './lifecycleCsv.js';
import { PLAN_COLUMNS, planRow } from './plansCsv.js';
import { summaryJson } from './summaryJson.js';
import { TIMESERIES_COLUMNS, timeseriesRow } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';
import type { OutputFolderOptions } from './outputFolder.js';

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically, which also
 * refuses a folder rposim did not write): summary.json, failovers.csv, timeseries.csv when the run sampled
 * one, plans.csv with recovery plans and lifecycle.csv with a failover–failback cycle. Returns the file names
 * written.
 */
export async function writeResults(result: SimulationResult, out: string, options: OutputFolderOptions = {}): Promise<string[]> {
  const written = ['summary.json', 'failovers.csv'];
  await writeFolderAtomically(
    out,
    { kind: 'run', name: result.scenario },
    async (folder) => {
      // Tables go out row by row (csvFileWriter.ts): only one batch of rows is formatted at a time.
      writeFileSync(join(folder, 'summary.json'), summaryJson(result), 'utf8');
      writeCsvFile(join(folder, 'failovers.csv'), FAILOVER_COLUMNS, result.failovers, failoverRow);
      if (result.timeseries.length > 0) {
        writeCsvFile(join(folder, 'timeseries.csv'), TIMESERIES_COLUMNS, result.timeseries, timeseriesRow);
        written.push('timeseries.csv');
      }
      if (result.planRuns.length > 0) {
        writeCsvFile(join(folder, 'plans.csv'), PLAN_COLUMNS, result.planRuns, planRow);
        written.push('plans.csv');
      }
      if (result.cycle !== null) {
        writeCsvFile(join(folder, 'lifecycle.csv'), LIFECYCLE_COLUMNS, result.cycle.phases, lifecycleRow);
        written.push('lifecycle.csv');
      }
    },
    options,
  );
  return written;
}
