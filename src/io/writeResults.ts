import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eachFailover } from '../metrics/failoverTable.js';
import type { SimulationResult } from '../metrics/types.js';
import { resolvedScenario } from '../scenario/resolvedScenario.js';
import type { Scenario } from '../scenario/types.js';
import { compatibilityFindings } from '../scenario/compatibility.js';
import { compatibilityTable } from './compatibilityCsv.js';
import { writeCsvFile } from './csvFileWriter.js';
import { failoversTable } from './failoversCsv.js';
import { lifecycleTable } from './lifecycleCsv.js';
import type { OutputFolderOptions } from './outputFolder.js';
import { plansTable } from './plansCsv.js';
import { WORKBOOK_FILE, writeWorkbook } from './resultsWorkbook.js';
import { summaryJson } from './summaryJson.js';
import { hasDirection, timeseriesTable } from './timeseriesCsv.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

export interface WriteResultsOptions extends OutputFolderOptions {
  /** The scenario that ran: written as scenario.resolved.json (what the report's table of inputs shows). */
  scenario?: Scenario;
  /** Also write results.xlsx (the tables in one workbook). */
  xlsx?: boolean;
}

/**
 * Write a run's files into `out`, replacing the folder as a whole (see writeFolderAtomically, which also
 * refuses a folder rposim did not write): summary.json, failovers.csv, timeseries.csv when the run sampled
 * one, plans.csv with recovery plans, lifecycle.csv with a failover–failback cycle, scenario.resolved.json and
 * compatibility.csv (ASR's limits checked, compatibility.ts) with the scenario, results.xlsx on request. Returns
 * the file names written.
 */
export async function writeResults(result: SimulationResult, out: string, options: WriteResultsOptions = {}): Promise<string[]> {
  return (await writeRunFolder(out, result.scenario, async () => result, options)).written;
}

/**
 * The same, for a run made while its folder is being written: `produce` runs first, given the temporary folder,
 * and may write timeseries.csv into it as it goes (then its result's timeseries is empty). A failing `produce`
 * leaves `out` as it was, like any failure here.
 */
export async function writeRunFolder(
  out: string,
  scenarioName: string,
  produce: (folder: string) => Promise<SimulationResult>,
  options: WriteResultsOptions = {},
): Promise<{ result: SimulationResult; written: string[] }> {
  let result: SimulationResult | undefined;
  let written: string[] = [];
  await writeFolderAtomically(
    out,
    { kind: 'run', name: scenarioName },
    async (folder) => {
      result = await produce(folder);
      written = await fillRunFolder(folder, result, options);
    },
    options,
  );
  return { result: result!, written };
}

async function fillRunFolder(folder: string, result: SimulationResult, options: WriteResultsOptions): Promise<string[]> {
  const at = (name: string) => join(folder, name);
  const written = ['summary.json', 'failovers.csv'];
  writeFileSync(at('summary.json'), summaryJson(result), 'utf8');
  // Each table goes out row by row (csvFileWriter.ts): only one batch of rows is formatted at a time.
  writeCsvFile(at('failovers.csv'), failoversTable, eachFailover(result.failovers));
  if (result.timeseries.length > 0) writeCsvFile(at('timeseries.csv'), timeseriesTable(hasDirection(result.timeseries)), result.timeseries);
  // Or streamed into the folder while the run was made.
  if (existsSync(at('timeseries.csv'))) written.push('timeseries.csv');
  if (result.planRuns.length > 0) {
    writeCsvFile(at('plans.csv'), plansTable, result.planRuns);
    written.push('plans.csv');
  }
  if (result.cycle !== null) {
    writeCsvFile(at('lifecycle.csv'), lifecycleTable, result.cycle.phases);
    written.push('lifecycle.csv');
  }
  const { scenario } = options;
  if (scenario !== undefined) {
    writeFileSync(at('scenario.resolved.json'), `${JSON.stringify(resolvedScenario(scenario), null, 2)}\n`, 'utf8');
    writeCsvFile(at('compatibility.csv'), compatibilityTable, compatibilityFindings(scenario));
    written.push('scenario.resolved.json', 'compatibility.csv');
  }
  if (options.xlsx) {
    await writeWorkbook(folder);
    written.push(WORKBOOK_FILE);
  }
  return written;
}
