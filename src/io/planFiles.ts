import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PlanReport, PlanTarget } from '../plan/plan.js';
import { SAFE_CAST } from './csvCells.js';
import { formatDuration, formatPercent } from './humanUnits.js';
import { textTable } from './textTable.js';
import { writeFolderAtomically } from './writeFolderAtomically.js';

/** plan.csv's columns: the target's figures, and why it is unachievable in words. */
const PLAN_CSV_COLUMNS = [
  'rpo_s', 'compliance', 'measure', 'bandwidth_bits_per_s', 'lag_bandwidth_bits_per_s', 'recovery_point_bandwidth_bits_per_s',
  'process_server_bytes_per_s', 'initial_replication_s', 'initial_replication_within_goal', 'unachievable',
] as const;

/** Writes plan.json (the whole report) and plan.csv (one row per target) into `out`, replaced as a whole. */
export async function writePlanFiles(report: PlanReport, out: string): Promise<void> {
  await writeFolderAtomically(out, { kind: 'plan', name: report.scenario }, async (folder) => {
    await writeFile(join(folder, 'plan.json'), `${JSON.stringify(report, null, 2)}\n`);
    const rows = report.targets.map((t) =>
      PLAN_CSV_COLUMNS.map((c) => (c === 'unachievable' ? unachievableText(report, t) : String(t[c] ?? ''))),
    );
    await writeFile(join(folder, 'plan.csv'), stringify([[...PLAN_CSV_COLUMNS], ...rows], { cast: SAFE_CAST }));
  });
}

export function mbps(bitsPerSec: number | null): string {
  return bitsPerSec === null ? 'n/a' : `${(bitsPerSec / 1e6).toFixed(2)} Mbps`;
}

/** A bandwidth cell: a null answer means that no bandwidth meets the target. */
const answer = (bitsPerSec: number | null) => (bitsPerSec === null ? 'unachievable' : mbps(bitsPerSec));

/** Why no bandwidth meets the target, in words; '' when one does. */
export function unachievableText(report: PlanReport, target: PlanTarget): string {
  const u = target.unachievable;
  if (u === null) return '';
  const R = formatDuration(report.rpo_s);
  const q = formatPercent(target.compliance);
  const best = `even at unlimited bandwidth ${u.worst_vm} is within ${R} only ${percentBelow(u.best_compliance, target.compliance)} of the time`;
  if (u.floor_rpo_s > report.rpo_s) {
    return (
      `the RPO (age of the newest usable recovery point) is never under the processing delay ` +
      `(${formatDuration(report.processing_delay_s)}) and a new point comes every ${formatDuration(report.point_interval_s)}, ` +
      `so ${best}; ${q} needs an RPO target of at least ${formatDuration(u.floor_rpo_s)} (processing delay + ${q} × point interval)`
    );
  }
  const limits = [`max replication rate ${megabytes(u.worst_vm_max_replication_bytes_per_s)}`];
  if (target.measure === 'recovery-point') limits.push(`apply rate ${megabytes(u.worst_vm_apply_bytes_per_s)}`);
  if (u.outages) limits.push('outages of its process server or uplink');
  return `${best}: not the uplink but its own limits hold it back (${limits.join(', ')})`;
}

const megabytes = (bytesPerSec: number) => `${(bytesPerSec / 1e6).toFixed(bytesPerSec < 1e7 ? 1 : 0)} MB/s`;

/** A percentage with enough decimals to read below `target` (99.97% rather than a rounded 100.0%). */
function percentBelow(fraction: number, target: number): string {
  for (let decimals = 1; decimals < 4; decimals++) {
    const text = (fraction * 100).toFixed(decimals);
    if (Number(text) < target * 100) return `${text}%`;
  }
  return `${(fraction * 100).toFixed(4)}%`;
}

/** The terminal report: targets, rules of thumb, and the achievable RPO at a given bandwidth. */
export function formatPlan(report: PlanReport): string {
  const lines: string[] = [];
  lines.push(`Plan for ${report.scenario}: RPO target ${formatDuration(report.rpo_s)}`);
  const noTraces = report.churn_not_from_traces.length > 0
    ? ` (needs churn made only of traces; this scenario also has ${report.churn_not_from_traces.join(', ')})`
    : '';
  lines.push(`  exact c* for lag ≤ R (sup bytes in [s,u] / ((u−s)+R)): ${mbps(report.exact_lag_bandwidth_bits_per_s)}${noTraces}`);
  lines.push('');
  lines.push(
    textTable(
      ['compliance', 'bandwidth', 'lag measure', 'recovery-point measure', 'PS throughput', 'initial copy', 'within goal'],
      report.targets.map((t) => [
        formatPercent(t.compliance),
        answer(t.bandwidth_bits_per_s),
        answer(t.lag_bandwidth_bits_per_s),
        answer(t.recovery_point_bandwidth_bits_per_s),
        t.process_server_bytes_per_s === null ? '-' : `${(t.process_server_bytes_per_s / 1e6).toFixed(2)} MB/s`,
        t.initial_replication_s === null ? 'n/a' : formatDuration(t.initial_replication_s),
        t.initial_replication_within_goal === null ? 'n/a' : t.initial_replication_within_goal ? 'yes' : 'NO',
      ]),
    ),
  );
  for (const t of report.targets) {
    if (t.unachievable !== null) lines.push(`  ${formatPercent(t.compliance)} is unachievable (${t.measure} measure): ${unachievableText(report, t)}.`);
  }
  lines.push('');
  lines.push(...rulesOfThumb(report));
  const a = report.achievable;
  if (a !== null) {
    lines.push('');
    lines.push(`Achievable at ${mbps(a.bandwidth_bits_per_s)} (${a.measure}), worst VM ${a.vm}: p50 ${formatDuration(a.p50_s)}, p95 ${formatDuration(a.p95_s)}, p99 ${formatDuration(a.p99_s)}, max ${formatDuration(a.max_s)}; within R ${formatPercent(a.compliance)}, ${a.violations} violation(s)`);
    lines.push(`  peak RPO per day after the warm-up: ${a.peak_per_day_s.map((s) => formatDuration(s)).join(', ')}`);
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const fluid = report.fluid_evaluations > 0 ? ` and ${count(report.fluid_evaluations, 'fluid evaluation')}` : '';
  lines.push(`(${count(report.simulations, 'simulation')}${fluid})`);
  return lines.join('\n');
}

/** The rules of thumb, judged against the strictest achievable target. */
function rulesOfThumb(report: PlanReport): string[] {
  const achieved = report.targets.filter((t) => t.bandwidth_bits_per_s !== null);
  const strictest = achieved.reduce<PlanTarget | null>((a, b) => (a === null || b.compliance > a.compliance ? b : a), null);
  const measure = report.targets[0]?.measure ?? 'recovery-point';
  const against = strictest === null ? 'no target is achievable' : `vs ${mbps(strictest.bandwidth_bits_per_s)} for ${formatPercent(strictest.compliance)}`;
  const verdict = (bitsPerSec: number): string => {
    if (strictest === null) return '-';
    const need = strictest.bandwidth_bits_per_s!;
    return bitsPerSec < need ? `under-sizes by ${formatPercent(1 - bitsPerSec / need)}` : `over-sizes by ${formatPercent(bitsPerSec / need - 1)}`;
  };
  const lines = [
    `Rules of thumb (compliance at R with the ${measure} measure; ${against}):`,
    textTable(
      ['rule', 'bandwidth', 'compliance', 'verdict'],
      report.rules_of_thumb.map((r) => [r.rule, mbps(r.bandwidth_bits_per_s), formatPercent(r.compliance), verdict(r.bandwidth_bits_per_s)]),
    ),
  ];
  if (report.churn_not_from_traces.length > 0) {
    lines.push(`  (the planner's rule, p95 churn + 30%, is left out: it needs the churn per interval in advance, i.e. churn made only of traces)`);
  }
  return lines;
}
