import type { RecoveryPlanSpec } from '../scenario/types.js';
import type { CyclePlanSummary, CycleVmSummary, LifecyclePhase, LongestPhase } from './types.js';

/** Total length of the union of intervals: an application is down while any of its VMs is. */
function unionSec(intervals: readonly { startSec: number; endSec: number }[]): number {
  const sorted = [...intervals].filter((i) => i.endSec > i.startSec).sort((a, b) => a.startSec - b.startSec);
  let total = 0;
  let end = -Infinity;
  for (const { startSec, endSec } of sorted) {
    if (endSec <= end) continue;
    total += endSec - Math.max(startSec, end);
    end = endSec;
  }
  return total;
}

/** The phase whose span over the rows (first start to last end of that phase) is longest; ties: the earlier phase. */
function longestPhase(rows: readonly LifecyclePhase[]): LongestPhase {
  const spans = new Map<LifecyclePhase['phase'], { startSec: number; endSec: number }>();
  for (const row of rows) {
    const span = spans.get(row.phase);
    spans.set(row.phase, span ? { startSec: Math.min(span.startSec, row.startSec), endSec: Math.max(span.endSec, row.endSec) } : { ...row });
  }
  let best: LongestPhase = { phase: rows[0]!.phase, durationSec: -1 };
  for (const [phase, span] of spans) if (span.endSec - span.startSec > best.durationSec) best = { phase, durationSec: span.endSec - span.startSec };
  return best;
}

/** What a VM's cycle summary takes from the simulation besides its phases. */
export type CycleFacts = Pick<CycleVmSummary, 'recoveryPointsAfterCommit' | 'recoveryPointsCreatedAfterFailover' | 'failoverToProtectedInAzureSec' | 'legs'>;

export function cycleVmSummaries(phases: readonly LifecyclePhase[], vms: readonly string[], facts: ReadonlyMap<string, CycleFacts>): CycleVmSummary[] {
  return vms.map((name) => {
    const rows = phases.filter((p) => p.vm === name);
    const sum = (pick: (p: LifecyclePhase) => number) => rows.reduce((total, p) => total + pick(p), 0);
    return {
      name,
      downtimeSec: sum((p) => (p.down ? p.durationSec : 0)),
      dataLossSec: sum((p) => p.dataLossSec),
      dataLossBytes: sum((p) => p.dataLossBytes),
      unprotectedSec: sum((p) => (p.protected ? 0 : p.durationSec)),
      longestPhase: longestPhase(rows),
      ...facts.get(name)!,
    };
  });
}

export function cyclePlanSummaries(phases: readonly LifecyclePhase[], plans: readonly RecoveryPlanSpec[]): CyclePlanSummary[] {
  return plans.map((plan) => {
    const members = new Set(plan.groups.flatMap((g) => g.vms));
    const rows = phases.filter((p) => members.has(p.vm));
    return {
      name: plan.name,
      downtimeSec: unionSec(rows.filter((p) => p.down)),
      dataLossSec: Math.max(0, ...rows.map((p) => p.dataLossSec)),
      dataLossBytes: rows.reduce((total, p) => total + p.dataLossBytes, 0),
      unprotectedSec: unionSec(rows.filter((p) => !p.protected)),
      longestPhase: rows.length > 0 ? longestPhase(rows) : { phase: 'failover-to-azure', durationSec: 0 },
    };
  });
}
