import { formatSummary } from '../io/formatSummary.js';
import { formatBytes } from '../io/humanUnits.js';
import { InputError } from '../io/inputError.js';
import { checkOutputFolder } from '../io/outputFolder.js';
import { writeResults } from '../io/writeResults.js';
import { parseFraction } from '../scenario/units.js';
import { simulate } from '../simulate.js';
import { simulateToPrecision } from '../simulateToPrecision.js';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from './command.js';
import { defaultOutFolder } from './defaultOutFolder.js';
import { endCleanlyOnSignals } from './interrupts.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';
import { runProgress } from './runProgress.js';
import { parseSeed } from './seedOption.js';

interface RunArgs {
  scenario: string;
  seed: number | undefined;
  out: string | undefined;
  timeseries: boolean;
  quiet: boolean;
  precision: string | undefined;
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
        describe: 'Add replications with derived seeds (doubling from 4, up to 64) until the mean data loss has a 95% CI half-width within this fraction of it, e.g. 5%',
      }),
  async handler(argv) {
    const loaded = await loadScenarioOrReport(argv.scenario);
    if ('exitCode' in loaded) return loaded.exitCode;
    const scenario = argv.timeseries
      ? loaded.scenario
      : { ...loaded.scenario, output: { ...loaded.scenario.output, sampleIntervalSec: 0 } };
    const seed = argv.seed ?? scenario.seed;
    const out = argv.out ?? defaultOutFolder(scenario.name);
    // A folder derived from the scenario name may only hold that scenario's results ("a/b" and "a-b" share one).
    const folderOptions = { sameNameOnly: argv.out === undefined };
    // Checked again when writing; here so that a refused folder costs no simulation.
    await checkOutputFolder(out, { kind: 'run', name: scenario.name }, folderOptions);
    let result;
    if (argv.precision === undefined) {
      const progress = runProgress(process.stderr, `simulating ${scenario.name}`);
      result = simulate(scenario, { seed, onProgress: progress.update });
      progress.finish();
    } else {
      const target = parseFraction(argv.precision);
      if (!target.ok || target.value <= 0) {
        console.error(`rposim run: --precision: expected ${target.ok ? 'a fraction > 0' : target.expected}, found ${argv.precision}`);
        return EXIT_USAGE;
      }
      const run = simulateToPrecision(scenario, { seed, relativeHalfWidth: target.value });
      result = {
        ...run.result,
        precision: {
          replications: run.replications,
          choice: run.choice,
          meanDataLossBytes: run.meanDataLossBytes.mean,
          ci95: run.meanDataLossBytes.ci95,
          relativeHalfWidth: run.relativeHalfWidth,
          target: target.value,
          met: run.met,
        },
      };
      const [low, high] = run.meanDataLossBytes.ci95;
      console.error(
        `precision: ${run.replications} replications, mean data loss ${formatBytes(run.meanDataLossBytes.mean)} ` +
          `(95% CI ${formatBytes(low)} – ${formatBytes(high)}, ±${(run.relativeHalfWidth * 100).toFixed(1)}%)` +
          `${run.met ? '' : ' — target not met at the cap of 64 replications'}; summary.json has it under "precision", the other figures are replication 1's`,
      );
    }
    try {
      await endCleanlyOnSignals(() => writeResults(result, out, folderOptions));
    } catch (error) {
      if (error instanceof InputError) throw error;
      // The file system's message alone ("EEXIST: file already exists, mkdir 'x'") does not say what was being done.
      throw new Error(`cannot write results to ${out}: ${(error as Error).message}`, { cause: error });
    }
    if (!argv.quiet) console.log(formatSummary(result));
    // Last line: the folder, so scripts can take it with `tail -n 1`.
    console.log(argv.quiet ? out : `Results written to ${out}`);
    return EXIT_OK;
  },
};
