import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult } from '../metrics/types.js';
import { resolvedScenario } from '../scenario/resolvedScenario.js';
import type { Scenario } from '../scenario/types.js';
import { compatibilityFindings } from '../scenario/compatibility.js';
import { compatibilityCsv } from './compatibilityCsv.js';
import { failoversCsv } from './failoversCsv.js';
import { lifecycleCsv } from './lifecycleCsv.js';
import { plansCsv } from './plansCsv.js';
import { WORKBOOK_FILE, writeWorkbook } from './resultsWorkbook.js';
import { summaryJson } from './summaryJson.js';
import { timeseriesCsv } from './timeseriesCsv.js';
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
 * lifecycle.csv with a failover–failback cycle, scenario.resolved.json and compatibility.csv (ASR's limits checked,
 * compatibility.ts) with the scenario, results.xlsx on request.
 * Returns the file names.
 */
export async function writeResults(result: SimulationResult, out: string, options: WriteResultsOptions = {}): Promise<string[]> {
  // Each file is formatted just before it is written, so only one file's text is in memory at a time.
  const files: Array<[string, () => string]> = [
    ['summary.json', () => summaryJson(result)],
    ['failovers.csv', () => failoversCsv(result.failovers)],
  ];
  if (result.timeseries.length > 0) files.push(['timeseries.csv', () => timeseriesCsv(result.timeseries)]);
  if (result.planRuns.length > 0) files.push(['plans.csv', () => plansCsv(result.planRuns)]);
  if (result.cycle !== null) files.push(['lifecycle.csv', () => lifecycleCsv(result.cycle!.phases)]);
  const { scenario } = options;
  if (scenario !== undefined) {
    files.push(['scenario.resolved.json', () => `${JSON.stringify(resolvedScenario(scenario), null, 2)}\n`]);
    files.push(['compatibility.csv', () => compatibilityCsv(compatibilityFindings(scenario))]);
  }
  await writeFolderAtomically(out, async (folder) => {
    for (const [name, format] of files) await writeFile(join(folder, name), format(), 'utf8');
    if (options.xlsx) await writeWorkbook(folder);
  });
  return [...files.map(([name]) => name), ...(options.xlsx ? [WORKBOOK_FILE] : [])];
}
