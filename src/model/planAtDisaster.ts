import type { FailoverRecord, PlanRecord } from '../metrics/types.js';
import type { RecoveryPlanSpec } from '../scenario/types.js';
import { type PlanActionDraws, schedulePlan } from './planSchedule.js';

/**
 * A recovery plan run at a disaster: detection and decision once at the start, then the plan's groups, each VM
 * taking its failover time from the same draws as failovers.csv (downtime without the detection). The plan
 * cannot complete when one of its VMs has no recovery point for the plan's choice.
 */
export function planAtDisaster(
  plan: RecoveryPlanSpec,
  disasterSec: number,
  detectionSec: number,
  recordOf: (vm: string) => FailoverRecord,
  actions: PlanActionDraws,
): PlanRecord {
  const base = { plan: plan.name, disasterTimeSec: disasterSec, detectionSec };
  const vms = plan.groups.flatMap((g) => g.vms);
  const missing = vms.find((vm) => recordOf(vm).downtimeSec === null);
  if (missing !== undefined) {
    return { ...base, downtimeSec: null, dataLossSec: null, dataLossBytes: null, criticalPath: '', note: `${missing}: ${recordOf(missing).note}` };
  }
  const run = schedulePlan(plan, (vm) => recordOf(vm).downtimeSec! - recordOf(vm).detectionSec, actions);
  return {
    ...base,
    downtimeSec: detectionSec + run.makespanSec,
    dataLossSec: Math.max(...vms.map((vm) => recordOf(vm).dataLossSec!)),
    dataLossBytes: vms.reduce((sum, vm) => sum + recordOf(vm).dataLossBytes!, 0),
    criticalPath: run.critical.join(' > '),
    note: '',
  };
}
