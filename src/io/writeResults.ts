import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { failoversCsv } from './failoversCsv.js';
import { summaryJson } from './summaryJson.js';
import { timeseriesCsv } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically):
 * summary.json, failovers.csv, and timeseries.csv when the run sampled one. Returns the file names written.
 */
export async function writeResults(result: SimulationResult, out: string): Promise<string[]> {
  // Each file is formatted just before it is written, so only one file's text is in memory at a time.
  const files: Array<[string, () => string]> = [
    ['summary.json', () => summaryJson(result)],
    ['failovers.csv', () => failoversCsv(result.failovers)],
  ];
  if (result.timeseries.length > 0) files.push(['timeseries.csv', () => timeseriesCsv(result.timeseries)]);
  await writeFolderAtomically(out, async (folder) => {
    for (const [name, format] of files) await writeFile(join(folder, name), format(), 'utf8');
  });
  return files.map(([name]) => name);
}
