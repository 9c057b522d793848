import yargs from 'yargs';
import { VERSION } from '../version.js';
import { type CliCommand, EXIT_OK, EXIT_USAGE, exitCodeFor } from './command.js';
import { commands } from './commands.js';

/** Raised by yargs' fail hook: bad arguments, unknown command or option, a rejected --seed. */
class UsageError extends Error {}

/**
 * Parse `args` (without node and script), run the chosen command, return the exit code. Errors never escape:
 * users see `rposim: <message>`, the stack only with RPOSIM_DEBUG=1.
 */
export async function runCli(args: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const parser = yargs(args)
    .scriptName('rposim')
    .usage('$0 <command> [options]\n\nSimulate Azure Site Recovery replication: RPO, data loss and downtime per failover choice.')
    .strict()
    .demandCommand(1, 'Name a command.')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(VERSION)
    .wrap(null)
    // Return instead of exiting, so the exit code is decided here and pending output is flushed.
    .exitProcess(false)
    .fail((message, error) => {
      // recommendCommands' message alone ("Did you mean run?") does not say what was wrong.
      const text = /^Did you mean/.test(message ?? '') ? `unknown command "${args[0]}": did you mean${message.slice('Did you mean'.length)}` : message;
      throw new UsageError(text || error?.message || 'invalid arguments');
    });
  for (const command of commands) {
    parser.command({
      command: command.command,
      describe: command.describe,
      builder: command.builder,
      handler: async (argv) => {
        exitCode = await runHandler(command, argv);
      },
    });
  }
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    if (!(error instanceof UsageError)) return reportError(error);
    console.error(`rposim: ${error.message}\nRun "rposim --help" for usage.`);
    return EXIT_USAGE;
  }
}

/** Handler errors are caught here, not in yargs' fail hook, which would count them as usage errors. */
async function runHandler(command: CliCommand<unknown>, argv: Parameters<CliCommand<unknown>['handler']>[0]): Promise<number> {
  try {
    return await command.handler(argv);
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (process.env.RPOSIM_DEBUG === '1') {
    // console.error inspects the error: stack and cause chain, for whoever debugs rposim itself.
    console.error(error);
  } else {
    console.error(`rposim: ${error instanceof Error ? error.message : String(error)}`);
  }
  return exitCodeFor(error);
}
