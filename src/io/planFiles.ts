import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PlanReport } from '../plan/plan.js';
import { formatDuration, formatPercent } from './humanUnits.js';
import { textTable } from './textTable.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

/** Writes plan.json (the whole report) and plan.csv (one row per target) into `out`, replaced as a whole. */
export async function writePlanFiles(report: PlanReport, out: string): Promise<void> {
  await writeFolderAtomically(out, { kind: 'plan', name: report.scenario }, async (folder) => {
    await writeFile(join(folder, 'plan.json'), `${JSON.stringify(report, null, 2)}\n`);
    const columns = Object.keys(report.targets[0] ?? {});
    const rows = report.targets.map((t) => columns.map((c) => String((t as unknown as Record<string, unknown>)[c] ?? '')));
    await writeFile(join(folder, 'plan.csv'), stringify([columns, ...rows]));
  });
}

export function mbps(bitsPerSec: number | null): string {
  return bitsPerSec === null ? 'n/a' : `${(bitsPerSec / 1e6).toFixed(2)} Mbps`;
}

/** The terminal report: targets, rules of thumb, and the achievable RPO at a given bandwidth. */
export function formatPlan(report: PlanReport): string {
  const lines: string[] = [];
  lines.push(`Plan for ${report.scenario}: RPO target ${formatDuration(report.rpo_s)}`);
  lines.push(`  exact c* for lag ≤ R (sup bytes in [s,u] / ((u−s)+R)): ${mbps(report.exact_lag_bandwidth_bits_per_s)}`);
  lines.push('');
  lines.push(
    textTable(
      ['compliance', 'bandwidth', 'lag measure', 'recovery-point measure', 'PS throughput', 'initial copy', 'within goal'],
      report.targets.map((t) => [
        formatPercent(t.compliance),
        mbps(t.bandwidth_bits_per_s),
        mbps(t.lag_bandwidth_bits_per_s),
        mbps(t.recovery_point_bandwidth_bits_per_s),
        `${(t.process_server_bytes_per_s / 1e6).toFixed(2)} MB/s`,
        t.initial_replication_s === null ? 'n/a' : formatDuration(t.initial_replication_s),
        t.initial_replication_within_goal === null ? 'n/a' : t.initial_replication_within_goal ? 'yes' : 'NO',
      ]),
    ),
  );
  lines.push('');
  const strictest = report.targets.reduce((a, b) => (b.compliance > a.compliance ? b : a), report.targets[0]!);
  lines.push(`Rules of thumb (compliance at R with the ${strictest.measure} measure; vs ${mbps(strictest.bandwidth_bits_per_s)} for ${formatPercent(strictest.compliance)}):`);
  lines.push(
    textTable(
      ['rule', 'bandwidth', 'compliance', 'verdict'],
      report.rules_of_thumb.map((r) => [
        r.rule,
        mbps(r.bandwidth_bits_per_s),
        formatPercent(r.compliance),
        r.bandwidth_bits_per_s < strictest.bandwidth_bits_per_s
          ? `under-sizes by ${formatPercent(1 - r.bandwidth_bits_per_s / strictest.bandwidth_bits_per_s)}`
          : `over-sizes by ${formatPercent(r.bandwidth_bits_per_s / strictest.bandwidth_bits_per_s - 1)}`,
      ]),
    ),
  );
  const a = report.achievable;
  if (a !== null) {
    lines.push('');
    lines.push(`Achievable at ${mbps(a.bandwidth_bits_per_s)} (${a.measure}): p50 ${formatDuration(a.p50_s)}, p95 ${formatDuration(a.p95_s)}, p99 ${formatDuration(a.p99_s)}, max ${formatDuration(a.max_s)}; within R ${formatPercent(a.compliance)}, ${a.violations} violation(s)`);
    lines.push(`  peak RPO per day: ${a.peak_per_day_s.map((s) => formatDuration(s)).join(', ')}`);
  }
  lines.push(`(${report.simulations} simulations)`);
  return lines.join('\n');
}
