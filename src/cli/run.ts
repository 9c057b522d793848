import { formatPrecision, formatSummary } from '../io/formatSummary.js';
import { InputError } from '../io/inputError.js';
import { checkOutputFolder } from '../io/outputFolder.js';
import { MAX_WORKBOOK_ROWS } from '../io/resultsWorkbook.js';
import { writeRunFolder } from '../io/writeResults.js';
import { parseFraction } from '../scenario/units.js';
import { join } from 'node:path';
import { choiceVariants } from '../metrics/choiceLabel.js';
import type { PrecisionMetric, SimulationResult } from '../metrics/types.js';
import { PRODUCT_CHOICES, type FailoverChoice, type Scenario } from '../scenario/types.js';
import { PRECISION_METRICS, PrecisionInputError } from '../simulateToPrecision.js';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from './command.js';
import { defaultOutFolder } from './defaultOutFolder.js';
import { runGuarded } from './guardedSimulation.js';
import { endCleanlyOnSignals } from './interrupts.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';
import { runProgress } from './runProgress.js';
import { reportOnFolder, reportOption } from './report.js';
import { parseSeed } from './seedOption.js';

interface RunArgs {
  scenario: string;
  seed: number | undefined;
  out: string | undefined;
  timeseries: boolean;
  quiet: boolean;
  precision: string | undefined;
  metric: PrecisionMetric | undefined;
  choice: FailoverChoice | undefined;
  report: boolean;
  xlsx: boolean;
}

export const run: CliCommand<RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and write summary.json, failovers.csv and timeseries.csv',
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
      .option('seed', {
        type: 'string',
        coerce: parseSeed,
        describe: "Random seed (non-negative integer); default: the scenario's seed",
      })
      .option('out', { type: 'string', describe: 'Output folder, replaced as a whole (only a folder rposim wrote); default: results/<scenario name>' })
      .option('timeseries', { type: 'boolean', default: true, describe: 'Write timeseries.csv (--no-timeseries: skip it)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print only the output folder' })
      .option('precision', {
        type: 'string',
        describe: 'Add replications with derived seeds (doubling from 4, up to 64) until the mean of --metric for --choice has a 95% CI half-width within this fraction of it, e.g. 5%',
      })
      .option('metric', {
        choices: Object.keys(PRECISION_METRICS) as PrecisionMetric[],
        implies: 'precision',
        describe: 'With --precision: the figure whose mean is driven to the target (default data-loss-sec)',
      })
      .option('choice', {
        choices: PRODUCT_CHOICES,
        implies: 'precision',
        describe: "With --precision: the failover choice it is taken from (default latest-processed, or the scenario's first choice with a non-zero mean)",
      })
      .option('report', reportOption)
      .option('xlsx', { type: 'boolean', default: false, describe: 'Also write results.xlsx: the per-VM summary, failovers, plans and lifecycle tables in one workbook' }),
  async handler(argv) {
    const loaded = await loadScenarioOrReport(argv.scenario, { compatibility: true });
    if ('exitCode' in loaded) return loaded.exitCode;
    const scenario = argv.timeseries
      ? loaded.scenario
      : { ...loaded.scenario, output: { ...loaded.scenario.output, sampleIntervalSec: 0 } };
    if (argv.xlsx) warnOfLongFailovers(scenario);
    const seed = argv.seed ?? scenario.seed;
    const out = argv.out ?? defaultOutFolder(scenario.name);
    // A folder derived from the scenario name may only hold that scenario's results ("a/b" and "a-b" share one).
    const folderOptions = { sameNameOnly: argv.out === undefined };
    // Checked again when writing; here so that a refused folder costs no simulation.
    await checkOutputFolder(out, { kind: 'run', name: scenario.name }, folderOptions);
    const target = argv.precision === undefined ? null : parseFraction(argv.precision);
    if (target !== null && (!target.ok || target.value <= 0)) {
      console.error(`rposim run: --precision: expected ${target.ok ? 'a fraction > 0' : target.expected}, found ${argv.precision}`);
      return EXIT_USAGE;
    }
    // The simulation runs while the results folder is being written: its timeseries goes straight into the
    // temporary folder, and a failed or interrupted run leaves the previous results as they were.
    const runSimulation = async (timeseriesPath: string): Promise<SimulationResult> => {
      if (target === null) {
        const progress = runProgress(process.stderr, `simulating ${scenario.name}`);
        try {
          return await runGuarded({ kind: 'simulate', scenario, timeseriesPath, options: { seed } }, progress.update);
        } finally {
          progress.finish();
        }
      }
      const run = await runGuarded({ kind: 'precision', scenario, timeseriesPath, options: { seed, relativeHalfWidth: target.value, metric: argv.metric, choice: argv.choice } });
      return {
        ...run.result,
        // The seed the user gave, which reproduces the whole run; the files are replication 1's.
        seed,
        precision: {
          metric: run.metric,
          choice: run.choice,
          seed,
          firstReplicationSeed: run.result.seed,
          replications: run.replications,
          maxReplications: run.maxReplications,
          mean: run.estimate.mean,
          ci95: run.estimate.ci95,
          relativeHalfWidth: run.relativeHalfWidth,
          target: target.value,
          met: run.met,
        },
      };
    };
    let simulationError: unknown = null;
    const simulateInto = (folder: string): Promise<SimulationResult> =>
      runSimulation(join(folder, 'timeseries.csv')).catch((error: unknown) => {
        simulationError = error;
        throw error;
      });
    let result: SimulationResult;
    try {
      ({ result } = await endCleanlyOnSignals(() => writeRunFolder(out, scenario.name, simulateInto, { ...folderOptions, scenario, xlsx: argv.xlsx })));
    } catch (error) {
      if (error instanceof PrecisionInputError) {
        console.error(`rposim run: --precision: ${error.message}`);
        return EXIT_USAGE;
      }
      // The simulation's own errors (out of memory, a timeseries that cannot be written) say what failed.
      if (error instanceof InputError || error === simulationError) throw error;
      // The file system's message alone ("EEXIST: file already exists, mkdir 'x'") does not say what was being done.
      throw new Error(`cannot write results to ${out}: ${(error as Error).message}`, { cause: error });
    }
    if (argv.quiet && result.precision !== undefined) console.error(formatPrecision(result.precision));
    if (argv.report) await reportOnFolder(out);
    if (!argv.quiet) console.log(formatSummary(result));
    // Last line: the folder, so scripts can take it with `tail -n 1`.
    console.log(argv.quiet ? out : `Results written to ${out}`);
    return EXIT_OK;
  },
};

/** Said before the run: a workbook leaves out a failovers table longer than it takes (resultsWorkbook.ts). */
function warnOfLongFailovers(scenario: Scenario): void {
  const disasters = scenario.disasters.timesSec.length + scenario.disasters.randomCount;
  const rows = disasters * scenario.vms.length * choiceVariants(scenario.failover.choices, scenario.disasters.dwellSec).length;
  if (rows <= MAX_WORKBOOK_ROWS) return;
  console.error(
    `warning: --xlsx: failovers.csv will have ${rows.toLocaleString('en-US')} rows (disasters × VMs × choices), more than results.xlsx ` +
      `takes (${MAX_WORKBOOK_ROWS.toLocaleString('en-US')}: it is built in memory); its failovers sheet will say so, and failovers.csv will have every row`,
  );
}
