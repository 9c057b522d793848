import type { ArgumentsCamelCase, Argv } from 'yargs';
import { InputError } from '../io/inputError.js';

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

/** 2 for a problem with what the user gave (InputError); 1 for the rest: I/O failures (EACCES, EROFS, ENOSPC…) and bugs. */
export const exitCodeFor = (error: unknown): number => (error instanceof InputError ? EXIT_USAGE : EXIT_FAILURE);
