import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { csvChunks } from './csvCells.js';
import { failoversTable } from './failoversCsv.js';
import { lifecycleTable } from './lifecycleCsv.js';
import { plansTable } from './plansCsv.js';
import { summaryJson } from './summaryJson.js';
import { timeseriesTable } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically):
 * summary.json, failovers.csv, timeseries.csv when the run sampled one, plans.csv with recovery plans and
 * lifecycle.csv with a failover–failback cycle. Returns the file names written.
 */
export async function writeResults(result: SimulationResult, out: string): Promise<string[]> {
  // Each file is formatted as it is written, piece by piece: a file of millions of rows is never one string.
  const files: Array<[string, () => Iterable<string>]> = [
    ['summary.json', () => [summaryJson(result)]],
    ['failovers.csv', () => csvChunks(failoversTable, result.failovers)],
  ];
  if (result.timeseries.length > 0) files.push(['timeseries.csv', () => csvChunks(timeseriesTable, result.timeseries)]);
  if (result.planRuns.length > 0) files.push(['plans.csv', () => csvChunks(plansTable, result.planRuns)]);
  if (result.cycle !== null) files.push(['lifecycle.csv', () => csvChunks(lifecycleTable, result.cycle!.phases)]);
  await writeFolderAtomically(out, async (folder) => {
    for (const [name, format] of files) await writeFile(join(folder, name), format(), 'utf8');
  });
  return files.map(([name]) => name);
}
