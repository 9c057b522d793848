import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { largeSiteInput } from './largeSite.js';
import { CLI, type CommandUsage, measuredNode } from './measuredCommand.js';

export interface HorizonRun extends CommandUsage {
  vms: number;
  days: number;
  timeseriesMb: number;
}

/**
 * `rposim run` as a user runs it, on largeSite(vms) over `days` with a 5-minute timeseries, written by the
 * CLI's own writers into a temporary folder (deleted afterwards): the process's CPU time and peak RSS.
 */
export function horizonRun(vms: number, days: number): HorizonRun {
  const folder = mkdtempSync(join(tmpdir(), 'rposim-bench-horizon-'));
  try {
    const file = join(folder, 'site.yaml');
    writeFileSync(file, stringify(largeSiteInput(vms, days, '5m')));
    const out = join(folder, 'out');
    const usage = measuredNode(CLI, ['run', file, '--out', out, '--quiet']);
    return { vms, days, ...usage, timeseriesMb: statSync(join(out, 'timeseries.csv')).size / 1e6 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
