import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { failoversCsv } from './failoversCsv.js';
import { lifecycleCsv } from './lifecycleCsv.js';
import { plansCsv } from './plansCsv.js';
import { summaryJson } from './summaryJson.js';
import { timeseriesCsv } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically):
 * summary.json, failovers.csv, timeseries.csv when the run sampled one, plans.csv with recovery plans and
 * lifecycle.csv with a failover–failback cycle. Returns the file names written.
 */
export async function writeResults(result: SimulationResult, out: string): Promise<string[]> {
  // Each file is formatted just before it is written, so only one file's text is in memory at a time.
  const files: Array<[string, () => string]> = [
    ['summary.json', () => summaryJson(result)],
    ['failovers.csv', () => failoversCsv(result.failovers)],
  ];
  if (result.timeseries.length > 0) files.push(['timeseries.csv', () => timeseriesCsv(result.timeseries)]);
  if (result.planRuns.length > 0) files.push(['plans.csv', () => plansCsv(result.planRuns)]);
  if (result.cycle !== null) files.push(['lifecycle.csv', () => lifecycleCsv(result.cycle!.phases)]);
  await writeFolderAtomically(out, async (folder) => {
    for (const [name, format] of files) await writeFile(join(folder, name), format(), 'utf8');
  });
  return files.map(([name]) => name);
}
