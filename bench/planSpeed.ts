import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, type CommandUsage, measuredNode } from './measuredCommand.js';

/**
 * `rposim plan` on one VM with a 31-day per-minute trace (44,640 rows from scripts/make-synthetic-trace.mjs,
 * as docs/plan.md measures it), at the default recovery-point measure: the process's CPU and wall time, Node's
 * start-up included; the fastest of `repeats` runs.
 */
export function planSpeed(repeats: number): CommandUsage & { runs: number } {
  const folder = mkdtempSync(join(tmpdir(), 'rposim-bench-plan-'));
  try {
    const trace = join(folder, 'trace31.csv');
    writeFileSync(trace, execFileSync(process.execPath, [resolve('scripts/make-synthetic-trace.mjs'), '31', '2'], { maxBuffer: 64 * 1024 * 1024 }));
    const args = ['plan', trace, '--rpo', '15m', '--compliance', '100%,99%,90%', '--bandwidth', '100Mbps', '--out', join(folder, 'out')];
    const runs = Array.from({ length: repeats }, () => measuredNode(CLI, args));
    return { ...runs.reduce((best, run) => (run.cpuSec < best.cpuSec ? run : best)), runs: repeats };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
