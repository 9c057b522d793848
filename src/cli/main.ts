#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { runCli } from './runCli.js';
import { guardTerminalOutput } from './terminalOutput.js';

guardTerminalOutput(process.stdout);
guardTerminalOutput(process.stderr);
// Set, not process.exit(): lets stdout and stderr drain before the process ends.
process.exitCode = await runCli(hideBin(process.argv));
