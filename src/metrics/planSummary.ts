import type { RecoveryPlanSpec } from '../scenario/types.js';
import { sampleStats } from './sampleStats.js';
import type { PlanRecord, PlanSummary } from './types.js';

/** A plan's downtime and data loss over the disasters at which every VM of it had a point, and its commonest critical path. */
export function planSummary(plan: RecoveryPlanSpec, records: readonly PlanRecord[]): PlanSummary {
  const mine = records.filter((r) => r.plan === plan.name);
  const completed = mine.filter((r) => r.downtimeSec !== null);
  const downtimes = completed.map((r) => r.downtimeSec!);
  const counts = new Map<string, number>();
  for (const r of completed) counts.set(r.criticalPath, (counts.get(r.criticalPath) ?? 0) + 1);
  let commonest = '';
  for (const [path, n] of counts) if (n > (counts.get(commonest) ?? 0)) commonest = path;
  return {
    name: plan.name,
    choice: plan.choice,
    available: downtimes.length,
    unavailable: mine.length - downtimes.length,
    downtimeSec: sampleStats(downtimes),
    dataLossSec: sampleStats(completed.map((r) => r.dataLossSec!)),
    dataLossBytes: sampleStats(completed.map((r) => r.dataLossBytes!)),
    commonestCriticalPath: commonest,
  };
}
