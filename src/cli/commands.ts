import type { CliCommand } from './command.js';
import { checkModel } from './checkModel.js';
import { compareCommand } from './compare.js';
import { importCommand } from './import.js';
import { mergeCommand } from './merge.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { run } from './run.js';
import { schemaCommand } from './schema.js';
import { sweepCommand } from './sweep.js';
import { validate } from './validate.js';

/**
 * Every command, listed explicitly: yargs' commandDir cannot load ES modules. Each command's argument type
 * differs; runCli only passes yargs' parsed arguments through, so the list erases them.
 */
export const commands: ReadonlyArray<CliCommand<any>> = [run, validate, sweepCommand, compareCommand, mergeCommand, planCommand, importCommand, checkModel, reportCommand, schemaCommand];
