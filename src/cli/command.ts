import type { ArgumentsCamelCase, Argv } from 'yargs';

/**
 * One CLI command, as in @wdio/cli: yargs' command module shape, except that the handler returns the
 * process exit code instead of calling process.exit (so it can be tested and output gets flushed).
 */
export interface CliCommand<Args = object> {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<Args>;
  handler: (argv: ArgumentsCamelCase<Args>) => Promise<number>;
}

/** Exit codes: 0 success, 1 the run failed, 2 the user's input (arguments or scenario) is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
