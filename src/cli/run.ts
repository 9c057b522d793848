import { formatSummary } from '../io/formatSummary.js';
import { writeResults } from '../io/writeResults.js';
import { simulate } from '../simulate.js';
import { type CliCommand, EXIT_OK } from './command.js';
import { defaultOutFolder } from './defaultOutFolder.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';
import { parseSeed } from './seedOption.js';

interface RunArgs {
  scenario: string;
  seed: number | undefined;
  out: string | undefined;
  timeseries: boolean;
  quiet: boolean;
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
      .option('out', { type: 'string', describe: 'Output folder, replaced as a whole; default: results/<scenario name>' })
      .option('timeseries', { type: 'boolean', default: true, describe: 'Write timeseries.csv (--no-timeseries: skip it)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print only the output folder' }),
  async handler(argv) {
    const loaded = await loadScenarioOrReport(argv.scenario);
    if ('exitCode' in loaded) return loaded.exitCode;
    const scenario = argv.timeseries
      ? loaded.scenario
      : { ...loaded.scenario, output: { ...loaded.scenario.output, sampleIntervalSec: 0 } };
    const result = simulate(scenario, { seed: argv.seed ?? scenario.seed });
    const out = argv.out ?? defaultOutFolder(scenario.name);
    try {
      await writeResults(result, out);
    } catch (error) {
      // The file system's message alone ("EEXIST: file already exists, mkdir 'x'") does not say what was being done.
      throw new Error(`cannot write results to ${out}: ${(error as Error).message}`, { cause: error });
    }
    if (!argv.quiet) console.log(formatSummary(result));
    // Last line: the folder, so scripts can take it with `tail -n 1`.
    console.log(argv.quiet ? out : `Results written to ${out}`);
    return EXIT_OK;
  },
};
