import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { resolvedScenario } from '../scenario/resolvedScenario.js';
import type { Scenario } from '../scenario/types.js';
import { csvChunks } from './csvCells.js';
import { failoversTable } from './failoversCsv.js';
import { lifecycleTable } from './lifecycleCsv.js';
import { plansTable } from './plansCsv.js';
import { WORKBOOK_FILE, writeWorkbook } from './resultsWorkbook.js';
import { summaryJson } from './summaryJson.js';
import { timeseriesTable } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

export interface WriteResultsOptions {
  /** The scenario that ran: written as scenario.resolved.json (what the report's table of inputs shows). */
  scenario?: Scenario;
  /** Also write results.xlsx (the tables in one workbook). */
  xlsx?: boolean;
}

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically):
 * summary.json, failovers.csv, timeseries.csv when the run sampled one, plans.csv with recovery plans,
 * lifecycle.csv with a failover–failback cycle, scenario.resolved.json with the scenario, results.xlsx on request.
 * Returns the file names.
 */
export async function writeResults(result: SimulationResult, out: string, options: WriteResultsOptions = {}): Promise<string[]> {
  // Each file is formatted as it is written, piece by piece: a file of millions of rows is never one string.
  const files: Array<[string, () => Iterable<string>]> = [
    ['summary.json', () => [summaryJson(result)]],
    ['failovers.csv', () => csvChunks(failoversTable, result.failovers)],
  ];
  if (result.timeseries.length > 0) files.push(['timeseries.csv', () => csvChunks(timeseriesTable, result.timeseries)]);
  if (result.planRuns.length > 0) files.push(['plans.csv', () => csvChunks(plansTable, result.planRuns)]);
  if (result.cycle !== null) files.push(['lifecycle.csv', () => csvChunks(lifecycleTable, result.cycle!.phases)]);
  const { scenario } = options;
  if (scenario !== undefined) files.push(['scenario.resolved.json', () => [`${JSON.stringify(resolvedScenario(scenario), null, 2)}\n`]]);
  await writeFolderAtomically(out, async (folder) => {
    for (const [name, format] of files) await writeFile(join(folder, name), format(), 'utf8');
    if (options.xlsx) await writeWorkbook(folder);
  });
  return [...files.map(([name]) => name), ...(options.xlsx ? [WORKBOOK_FILE] : [])];
}
