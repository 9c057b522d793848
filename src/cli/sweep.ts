// rposim sweep <sweep.yaml>: run a parameter sweep (or one shard of it) on every core.
import { exitCodeFor, type CliCommand } from './command.js';
import { basename, extname, join } from 'node:path';
import type { Argv } from 'yargs';
import { loadSweepFile } from '../io/loadSweep.js';
import type { FailureInfo } from '../sweep/manifest.js';
import { runSweep } from '../sweep/runSweep.js';
import { heapLimitMb } from './guardedSimulation.js';
import { stopBatchOnSignals } from './interrupts.js';
import { loadSpecOrReport } from './loadSpecOrReport.js';
import { createProgress } from './progress.js';
import { reportOnFolder, reportOption } from './report.js';
import { resolveShard } from './shardOption.js';

export const command = 'sweep <file>';
export const describe = 'Run a sweep: a base scenario varied along axes, each point replicated over seeds';

export interface SweepArgs {
  file: string;
  out?: string;
  workers?: number;
  resume: boolean;
  retryFailed?: boolean;
  shard?: string;
  shardCount?: number;
  report: boolean;
}

export const builder = (yargs: Argv) =>
  yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'sweep file (YAML)' })
    .option('out', { type: 'string', describe: 'output folder (default: results/<sweep file name>)' })
    .option('workers', { type: 'number', describe: 'worker processes (default: all cores)' })
    .option('resume', { type: 'boolean', default: false, describe: 'keep runs already in the output folder, compute only the missing ones' })
    .option('retry-failed', { type: 'boolean', default: false, describe: 'resume, and recompute the runs recorded as failed too' })
    .option('shard', { type: 'string', describe: 'run only shard i of n, 0-based (e.g. 0/4); merge the shards with rposim merge' })
    .option('shard-count', { type: 'number', describe: 'number of shards when the index comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID' })
    .option('report', reportOption);

/** The first 20 failed runs on stderr: `place` says where a run sits in the study, `file` lists them all. */
export function reportFailures<F extends { run: number; replication: number; seed: number; error: string }>(
  failures: F[],
  place: (failure: F) => string,
  file: string,
): void {
  if (failures.length === 0) return;
  process.stderr.write(`${failures.length} run(s) failed:\n`);
  for (const f of failures.slice(0, 20)) process.stderr.write(`  run ${f.run} (${place(f)}, replication ${f.replication}, seed ${f.seed}): ${f.error}\n`);
  if (failures.length > 20) process.stderr.write(`  … and ${failures.length - 20} more: see the error column of runs.csv and ${file}\n`);
}

/** A sweep's (or a merge's) failed runs, each at its design point. */
export const reportSweepFailures = (failures: FailureInfo[]): void => reportFailures(failures, (f) => `point ${f.point}`, 'sweep.json');

export const handler = async (argv: SweepArgs): Promise<number> => {
  const out = argv.out ?? join('results', basename(argv.file, extname(argv.file)));
  const shard = resolveShard({ shard: argv.shard, shardCount: argv.shardCount }, process.env);
  if (!shard.ok) {
    process.stderr.write(`rposim sweep: ${shard.error}\n`);
    return 2;
  }
  const loaded = await loadSpecOrReport(loadSweepFile(argv.file));
  if (loaded === null) return 2;

  const interrupt = stopBatchOnSignals();
  const progress = createProgress(process.stderr);
  try {
    const outcome = await runSweep(loaded.sweep, {
      out,
      workers: argv.workers,
      // The same heap limit as a single run's (RPOSIM_MAX_HEAP_MB, or this process's).
      heapLimitMb: heapLimitMb(),
      resume: argv.resume || argv.retryFailed === true,
      retryFailed: argv.retryFailed,
      shard: shard.shard,
      signal: interrupt.signal,
      onProgress: (p) => progress.update(p),
      clock: () => performance.now(),
    });
    progress.finish();
    const shardFlag = shard.shard ? ` --shard ${shard.shard.index}/${shard.shard.count}` : '';
    if (outcome.status === 'interrupted') {
      reportSweepFailures(outcome.failures);
      process.stderr.write(
        `Interrupted: ${outcome.computed} run(s) computed this time; finished runs are kept in ${out}/runs.\n` +
          `Resume with: rposim sweep ${argv.file} --out ${out}${shardFlag} --resume\n`,
      );
      return interrupt.exitCode() || 130;
    }
    reportSweepFailures(outcome.failures);
    if (outcome.failures.length > 0) process.stderr.write(`Failed runs are kept on --resume; to compute them again: rposim sweep ${argv.file} --out ${out}${shardFlag} --retry-failed\n`);
    const wall = outcome.wallSec === null ? '' : ` in ${outcome.wallSec.toFixed(1)} s`;
    if (outcome.status === 'shard-complete') {
      process.stderr.write(
        `Shard ${shard.shard!.index}/${shard.shard!.count}: ${outcome.shardRunCount} runs in ${out}${wall} (${outcome.skipped} already there).\n` +
          `When every shard is done: rposim merge <shard folders…> --out <folder>\n`,
      );
    } else {
      process.stderr.write(`Sweep: ${outcome.runCount} runs${wall} (${outcome.skipped} already there). Wrote ${out}/runs.csv, summary.csv, sweep.json\n`);
      if (argv.report) await reportOnFolder(out);
    }
    return outcome.failures.length > 0 ? 1 : 0;
  } catch (error) {
    progress.finish();
    process.stderr.write(`rposim sweep: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  } finally {
    interrupt.dispose();
  }
};

export const sweepCommand: CliCommand<SweepArgs> = { command, describe, builder: builder as CliCommand<SweepArgs>['builder'], handler };
