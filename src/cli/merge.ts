// rposim merge <dirs...> --out DIR: shard folders → the files an unsharded sweep writes, byte for byte.
import { exitCodeFor, type CliCommand } from './command.js';
import type { Argv } from 'yargs';
import { mergeShards } from '../sweep/merge.js';
import { endCleanlyOnSignals } from './interrupts.js';
import { reportSweepFailures } from './sweep.js';

export const command = 'merge <dirs...>';
export const describe = 'Merge the output folders of sweep shards into one sweep folder';

export interface MergeArgs {
  dirs: string[];
  out: string;
}

export const builder = (yargs: Argv) =>
  yargs
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard output folders' })
    .option('out', { type: 'string', demandOption: true, describe: 'folder for the merged sweep' });

export const handler = async (argv: MergeArgs): Promise<number> => {
  try {
    const outcome = await endCleanlyOnSignals(() => mergeShards(argv.dirs, argv.out));
    reportSweepFailures(outcome.failures);
    process.stderr.write(`Merged ${outcome.runCount} runs from ${argv.dirs.length} folder(s) into ${argv.out}: runs.csv, summary.csv, sweep.json\n`);
    return outcome.failures.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`rposim merge: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
};

export const mergeCommand: CliCommand<MergeArgs> = { command, describe, builder: builder as CliCommand<MergeArgs>['builder'], handler };
