// rposim compare <compare.yaml>: strategies side by side on common random numbers, ranked by an objective.
import type { Argv } from 'yargs';
import { basename, extname, join } from 'node:path';
import { runCompare } from '../compare/runCompare.js';
import { formatCompare } from '../io/formatCompare.js';
import { loadCompareFile } from '../io/loadCompare.js';
import { parseFraction } from '../scenario/units.js';
import { VERSION } from '../version.js';
import { exitCodeFor, type CliCommand } from './command.js';
import { heapLimitMb } from './guardedSimulation.js';
import { stopBatchOnSignals } from './interrupts.js';
import { loadSpecOrReport } from './loadSpecOrReport.js';
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
  retryFailed?: boolean;
}

export const builder = (yargs: Argv) =>
  yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'compare file (YAML)' })
    .option('out', { type: 'string', describe: 'output folder (default: results/<compare file name>)' })
    .option('replications', { type: 'number', describe: "replications of every strategy (replaces the file's; no precision target)" })
    .option('precision', { type: 'string', describe: 'add replications until every paired difference has a 95% CI within ±this of the larger mean, e.g. 5%' })
    .option('workers', { type: 'number', describe: 'worker processes (default: all cores)' })
    .option('resume', { type: 'boolean', default: false, describe: 'keep runs already in the output folder, compute only the missing ones' })
    .option('retry-failed', { type: 'boolean', default: false, describe: 'resume, and recompute the runs recorded as failed too' })
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

/** The options a resumed comparison must be given again. */
const again = (argv: CompareArgs) =>
  [argv.replications === undefined ? '' : ` --replications ${argv.replications}`, argv.precision === undefined ? '' : ` --precision ${argv.precision}`].join('');

export const handler = async (argv: CompareArgs): Promise<number> => {
  const problem = optionProblem(argv);
  if (problem !== null) {
    process.stderr.write(`rposim compare: ${problem}\n`);
    return 2;
  }
  const loaded = await loadSpecOrReport(loadCompareFile(argv.file));
  if (loaded === null) return 2;
  const out = argv.out ?? join('results', basename(argv.file, extname(argv.file)));
  const precision = argv.precision === undefined ? undefined : (parseFraction(argv.precision) as { value: number }).value;
  const interrupt = stopBatchOnSignals();
  const progress = createProgress(process.stderr, undefined, 'compare');
  try {
    const outcome = await runCompare(loaded.compare, {
      out,
      workers: argv.workers,
      // The same heap limit as a single run's (RPOSIM_MAX_HEAP_MB, or this process's).
      heapLimitMb: heapLimitMb(),
      resume: argv.resume || argv.retryFailed === true,
      retryFailed: argv.retryFailed,
      replications: argv.replications,
      precision,
      signal: interrupt.signal,
      onProgress: (p) => progress.update(p),
      clock: () => performance.now(),
    });
    progress.finish();
    reportFailures(outcome.failures, (f) => `strategy ${f.strategy}`, 'compare.json');
    if (outcome.status === 'interrupted') {
      process.stderr.write(
        `Interrupted: ${outcome.computed} run(s) computed this time; finished runs are kept in ${out}/runs.\n` +
          `Resume with: rposim compare ${argv.file} --out ${out}${again(argv)} --resume\n`,
      );
      return interrupt.exitCode() || 130;
    }
    if (outcome.failures.length > 0) {
      process.stderr.write(`Failed runs are kept on --resume; to compute them again: rposim compare ${argv.file} --out ${out}${again(argv)} --retry-failed\n`);
    }
    process.stdout.write(formatCompare(outcome.analysis!, { file: argv.file, version: VERSION }));
    const wall = outcome.wallSec === null ? '' : ` in ${outcome.wallSec.toFixed(1)} s`;
    process.stderr.write(`Compare: ${outcome.replications} replications × ${loaded.compare.spec.strategies.length} strategies${wall} (${outcome.skipped} runs already there). Wrote ${out}/compare.csv, pairs.csv, runs.csv, compare.json\n`);
    return outcome.failures.length > 0 ? 1 : 0;
  } catch (error) {
    progress.finish();
    process.stderr.write(`rposim compare: ${(error as Error).message}\n`);
    // A folder that is not this comparison's is the user's to fix (another --out): like bad input (2); I/O fails with 1.
    return exitCodeFor(error);
  } finally {
    interrupt.dispose();
  }
};

export const compareCommand: CliCommand<CompareArgs> = { command, describe, builder: builder as CliCommand<CompareArgs>['builder'], handler };
