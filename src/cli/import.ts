import { basename, dirname, extname, join } from 'node:path';
import { ImportError } from '../io/import/importError.js';
import { planImport, type PoweredOffChoice } from '../io/import/importPlan.js';
import { importReport } from '../io/import/importReport.js';
import { emptyInventory, type Inventory, mergeInventories } from '../io/import/inventory.js';
import { readChurnExport } from '../io/import/readChurnExport.js';
import { readPhysicalServers } from '../io/import/readPhysicalServers.js';
import { readRvtools } from '../io/import/readRvtools.js';
import { scenarioYaml } from '../io/import/scenarioYaml.js';
import { validateImport } from '../io/import/validateImport.js';
import { ImportTargetExists, writeImport } from '../io/import/writeImport.js';
import { formatIssues } from '../scenario/issues.js';
import { parseFraction, parseRate } from '../scenario/units.js';
import { type CliCommand, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './command.js';

interface ImportArgs {
  scenario: string;
  rvtools: string | undefined;
  physical: string | undefined;
  churn: string[];
  growth: string;
  poweredOff: PoweredOffChoice;
  defaultChurn: string;
  name: string | undefined;
  dayFirst: boolean;
  force: boolean;
}

const FILE_ACCESS_CODES = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'ENOTDIR']);

export const importCommand: CliCommand<ImportArgs> = {
  command: 'import <scenario>',
  describe: 'Write a commented scenario (and churn traces) from an RVTools export, a physical-server list and measured churn',
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file to write (.yaml); traces go to <name>-traces/ beside it' })
      .option('rvtools', { type: 'string', describe: 'RVTools export: .xlsx, or a folder of its CSV files (vInfo, vDisk, vPartition)' })
      .option('physical', { type: 'string', describe: 'Physical servers CSV: name,os,disks,used,dhcp' })
      .option('churn', { type: 'string', array: true, nargs: 1, default: [] as string[], describe: 'Measured churn CSV (repeatable): a vCenter/PowerCLI Get-Stat export (virtualDisk.write.average) or time,vm,disk,bytes_written' })
      .option('growth', { type: 'string', default: '0%', describe: 'Churn growth written as the traces’ scale (the Deployment Planner uses 30%)' })
      .option('powered-off', { choices: ['comment', 'skip', 'include'] as const, default: 'comment' as PoweredOffChoice, describe: 'VMs not powered on: listed commented out, left out, or included' })
      .option('default-churn', { type: 'string', default: '10 GB/day', describe: 'Churn of machines without measurements (an assumption to edit)' })
      .option('name', { type: 'string', describe: 'Scenario name (default: the file name)' })
      .option('day-first', { type: 'boolean', default: false, describe: 'Timestamps like 15/01/2024 are day first (en-GB), not month first (en-US)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the scenario and its traces folder if they exist' }) as never,
  async handler(argv) {
    const growth = parseFraction(argv.growth);
    const defaultChurn = parseRate(argv.defaultChurn);
    const bad =
      argv.rvtools === undefined && argv.physical === undefined && argv.churn.length === 0 ? 'give at least one of --rvtools, --physical, --churn'
      : !/\.ya?ml$/i.test(argv.scenario) ? `the scenario to write must be a .yaml file, found ${argv.scenario}`
      : !growth.ok || growth.value < 0 ? `--growth: expected a fraction >= 0 like 30% or 0.3, found ${argv.growth}`
      : !defaultChurn.ok || defaultChurn.value < 0 ? `--default-churn: expected a data rate like "10 GB/day", found ${argv.defaultChurn}`
      : null;
    if (bad !== null || !growth.ok) {
      console.error(`rposim import: ${bad}`);
      return EXIT_USAGE;
    }
    const stem = basename(argv.scenario, extname(argv.scenario));
    let plan;
    try {
      const parts: Inventory[] = [];
      if (argv.rvtools !== undefined) parts.push(await readRvtools(argv.rvtools));
      if (argv.physical !== undefined) parts.push(await readPhysicalServers(argv.physical));
      const inventory = parts.length > 0 ? mergeInventories(parts) : emptyInventory();
      const churn = [];
      for (const file of argv.churn) churn.push(await readChurnExport(file, { dayFirst: argv.dayFirst }));
      plan = planImport(inventory, churn, {
        name: argv.name ?? stem,
        growth: growth.value,
        poweredOff: argv.poweredOff,
        defaultChurn: argv.defaultChurn.trim(),
        traceFolder: `${stem}-traces`,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof ImportError) {
        console.error(`rposim import: ${error.message}`);
        return EXIT_USAGE;
      }
      if (code !== undefined && FILE_ACCESS_CODES.has(code)) {
        console.error(`rposim import: cannot read ${(error as NodeJS.ErrnoException).path ?? 'an input'} (${code})`);
        return EXIT_USAGE;
      }
      throw error;
    }
    if (plan.vms.every((vm) => vm.commentedOut)) {
      console.error('rposim import: no machine to replicate in the inputs (powered-off VMs are commented out: --powered-off include keeps them)');
      return EXIT_USAGE;
    }
    const yaml = scenarioYaml(plan);
    // The text is ours: if it does not validate, the import has a bug; say so and write nothing.
    const checked = validateImport(plan, yaml, argv.scenario);
    if (!checked.ok) {
      console.error(`rposim import: the scenario would not validate (a bug in the import):\n${formatIssues(checked.errors)}`);
      return EXIT_FAILURE;
    }
    try {
      await writeImport(plan, yaml, argv.scenario, argv.force);
    } catch (error) {
      if (!(error instanceof ImportTargetExists)) throw error;
      console.error(`rposim import: ${error.message}`);
      return EXIT_USAGE;
    }
    console.log(importReport(plan));
    const traces = plan.traces.length === 0 ? '' : ` and ${plan.traces.length} trace file(s) in ${join(dirname(argv.scenario), plan.options.traceFolder)}/`;
    console.log(`\nWrote ${argv.scenario}${traces}: ${checked.scenario.vms.length} VMs, validated.`);
    console.log(`Edit its placeholders (uplink bandwidth, process server), then: rposim run ${argv.scenario}`);
    return EXIT_OK;
  },
};
