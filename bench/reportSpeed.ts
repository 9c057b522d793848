import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeSiteInput } from './largeSite.js';
import { CLI, type CommandUsage, measuredNode } from './measuredCommand.js';

export interface ReportSpeed {
  vms: number;
  days: number;
  failoversMb: number;
  run: CommandUsage;
  report: CommandUsage;
}

/**
 * `rposim report` on the folder of a large site's run (`rposim run --no-timeseries`): its failovers.csv holds
 * disasters × VMs × choices rows (400,000 at 1,000 VMs), which the report reads whole for its figures and CDF.
 * Both commands are measured as users run them, Node's start-up included.
 */
export function reportSpeed(vms: number, days: number): ReportSpeed {
  const folder = mkdtempSync(join(tmpdir(), 'rposim-bench-report-'));
  try {
    const scenario = join(folder, 'site.json');
    writeFileSync(scenario, JSON.stringify(largeSiteInput(vms, days)));
    const out = join(folder, 'out');
    const run = measuredNode(CLI, ['run', scenario, '--no-timeseries', '--quiet', '--out', out]);
    const report = measuredNode(CLI, ['report', out]);
    return { vms, days, failoversMb: statSync(join(out, 'failovers.csv')).size / 1e6, run, report };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
