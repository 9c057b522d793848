import { formatDuration } from '../../io/humanUnits.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { note, table } from '../html.js';

interface PlanRun {
  plan: string;
  disasterSec: number;
  downtimeSec: number;
  detectionSec: number;
  criticalPath: string;
}

/** The run at the p-quantile of downtime (nearest rank), among runs sorted by downtime. */
const atQuantile = (sorted: PlanRun[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/**
 * Recovery plans at a typical (median downtime) and a p95 disaster: detection, then the plan's groups up to
 * the end of its critical path (plans.csv holds what finished each group last, not each step's times).
 */
export const recoveryPlans: ReportSection = {
  id: 'recovery-plans',
  title: 'Recovery plans',
  applies: (context) => context.folder.files.has('plans.csv'),
  async render(context) {
    const byPlan = new Map<string, PlanRun[]>();
    for await (const row of context.folder.rows('plans.csv')) {
      if (!row['downtime_s']) continue;
      const run = { plan: row['plan'] ?? '', disasterSec: Number(row['disaster_time_s']), downtimeSec: Number(row['downtime_s']), detectionSec: Number(row['detection_s'] ?? 0), criticalPath: row['critical_path'] ?? '' };
      byPlan.set(run.plan, [...(byPlan.get(run.plan) ?? []), run]);
    }
    const picked = [...byPlan].flatMap(([plan, runs]) => {
      const sorted = [...runs].sort((a, b) => a.downtimeSec - b.downtimeSec);
      return [
        { label: `${plan} · typical`, run: atQuantile(sorted, 0.5) },
        { label: `${plan} · p95`, run: atQuantile(sorted, 0.95) },
      ];
    });
    if (picked.length === 0) return note('No recovery plan completed at any disaster (a VM of each plan had no recovery point).');
    const segments = picked.flatMap(({ label, run }) => [
      { row: label, step: 'detection and decision', start: 0, end: run.detectionSec / 60 },
      { row: label, step: 'plan groups (critical path)', start: run.detectionSec / 60, end: run.downtimeSec / 60 },
    ]);
    const parts = [
      await chart('plan-gantt', 'Recovery plans at the disaster with the median downtime and at the one at the 95th percentile: minutes from the disaster until the plan has brought its applications up.', {
        height: Math.max(40, 26 * picked.length),
        data: { values: segments },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'row', type: 'nominal', title: null, sort: null },
          x: { field: 'start', type: 'quantitative', title: 'minutes after the disaster' },
          x2: { field: 'end' },
          color: { field: 'step', type: 'nominal', title: null, sort: null },
        },
      }),
      table(
        ['plan', 'disaster at', 'downtime', 'detection', 'critical path'],
        picked.map(({ label, run }) => [label, formatDuration(run.disasterSec), formatDuration(run.downtimeSec), formatDuration(run.detectionSec), run.criticalPath]),
        { numeric: [1, 2, 3] },
      ),
    ];
    const summaries = context.summary?.plans ?? [];
    if (summaries.length > 0) {
      parts.push(
        table(
          ['plan', 'choice', 'completed', 'downtime mean / p95 / max', 'commonest critical path'],
          summaries.map((p) => [p.name, p.choice, `${p.available}/${p.available + p.unavailable}`, `${formatDuration(p.downtimeSec.mean)} / ${formatDuration(p.downtimeSec.p95)} / ${formatDuration(p.downtimeSec.max)}`, p.commonestCriticalPath]),
          { numeric: [2, 3], caption: 'Over every disaster' },
        ),
      );
    }
    return parts.join('\n');
  },
};
