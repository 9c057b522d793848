// rposim compare <compare.yaml>: strategies side by side on common random numbers, ranked by an objective.
import type { Argv } from 'yargs';
import { basename, extname, join } from 'node:path';
import { runCompare } from '../compare/runCompare.js';
import { formatCompare } from '../io/formatCompare.js';
import { loadCompareFile } from '../io/loadCompare.js';
import { SweepStoreError } from '../io/sweepStore.js';
import { formatIssues } from '../scenario/issues.js';
import { parseFraction } from '../scenario/units.js';
import { VERSION } from '../version.js';
import type { CliCommand } from './command.js';
import { onInterrupt } from './interrupt.js';
import { createProgress } from './progress.js';
import { reportFailures } from './sweep.js';

export const command = 'compare <file>';
export const describe = 'Compare strategies (policies, bandwidths, any field) on one workload with common random numbers';

export interface CompareArgs {
  file: string;
  out?: string;
  replications?: number;
  precision?: string;
  workers?: number;
  resume: boolean;
}

export const builder = (yargs: Argv) =>
  yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'compare file (YAML)' })
    .option('out', { type: 'string', describe: 'output folder (default: results/<compare file name>)' })
    .option('replications', { type: 'number', describe: "replications of every strategy (replaces the file's; no precision target)" })
    .option('precision', { type: 'string', describe: 'add replications until every paired difference has a 95% CI within ±this of the larger mean, e.g. 5%' })
    .option('workers', { type: 'number', describe: 'worker threads (default: all cores; 1 runs inline)' })
    .option('resume', { type: 'boolean', default: false, describe: 'keep runs already in the output folder, compute only the missing ones' })
    .conflicts('replications', 'precision');

/** The options' own mistakes, in the words of the file's checks. */
function optionProblem(argv: CompareArgs): string | null {
  if (argv.replications !== undefined && !(Number.isInteger(argv.replications) && argv.replications >= 2)) {
    return `--replications: expected a whole number ≥ 2, found ${argv.replications}`;
  }
  if (argv.precision !== undefined) {
    const p = parseFraction(argv.precision);
    if (!p.ok || p.value <= 0 || p.value >= 1) return `--precision: expected a fraction above 0 and below 1, such as 5% or 0.05, found ${argv.precision}`;
  }
  return null;
}

export const handler = async (argv: CompareArgs): Promise<number> => {
  const problem = optionProblem(argv);
  if (problem !== null) {
    process.stderr.write(`rposim compare: ${problem}\n`);
    return 2;
  }
  const loaded = await loadCompareFile(argv.file);
  if (!loaded.ok) {
    process.stderr.write(`${formatIssues(loaded.errors)}\n`);
    return 2;
  }
  const out = argv.out ?? join('results', basename(argv.file, extname(argv.file)));
  const precision = argv.precision === undefined ? undefined : (parseFraction(argv.precision) as { value: number }).value;
  const interrupt = onInterrupt();
  const progress = createProgress(process.stderr, undefined, 'compare');
  try {
    const outcome = await runCompare(loaded.compare, {
      out,
      workers: argv.workers,
      resume: argv.resume,
      replications: argv.replications,
      precision,
      signal: interrupt.signal,
      onProgress: (p) => progress.update(p),
      clock: () => performance.now(),
    });
    progress.finish();
    reportFailures(outcome.failures);
    if (outcome.status === 'interrupted') {
      const again = [argv.replications === undefined ? '' : ` --replications ${argv.replications}`, argv.precision === undefined ? '' : ` --precision ${argv.precision}`].join('');
      process.stderr.write(
        `Interrupted: ${outcome.computed} run(s) computed this time; finished runs are kept in ${out}/runs.\n` +
          `Resume with: rposim compare ${argv.file} --out ${out}${again} --resume\n`,
      );
      return interrupt.exitCode() || 130;
    }
    process.stdout.write(formatCompare(outcome.analysis!, { file: argv.file, version: VERSION }));
    const wall = outcome.wallSec === null ? '' : ` in ${outcome.wallSec.toFixed(1)} s`;
    process.stderr.write(`Compare: ${outcome.replications} replications × ${loaded.compare.spec.strategies.length} strategies${wall} (${outcome.skipped} runs already there). Wrote ${out}/compare.csv, pairs.csv, runs.csv, compare.json\n`);
    return outcome.failures.length > 0 ? 1 : 0;
  } catch (error) {
    progress.finish();
    process.stderr.write(`rposim compare: ${(error as Error).message}\n`);
    // A folder holding runs of another comparison is the user's to fix (another --out): like bad input.
    return error instanceof SweepStoreError ? 2 : 1;
  } finally {
    interrupt.dispose();
  }
};

export const compareCommand: CliCommand<CompareArgs> = { command, describe, builder: builder as CliCommand<CompareArgs>['builder'], handler };
