import type { RandomStream } from '../../engine/random.js';
import type { Scenario, VmSpec } from '../../scenario/types.js';
import { drawPlanActions, planActionStreams, schedulePlan } from '../planSchedule.js';

/**
 * When each VM's step (a failover, a failback) ends if every VM runs its own from `startSec`, except that VMs
 * in a recovery plan follow the plan's order (groups in turn, maxParallel, actions in between).
 */
export function planOrder<T extends { vm: { spec: VmSpec } }>(
  scenario: Scenario,
  items: readonly T[],
  startSec: number,
  stepSec: (item: T) => number,
  stream: (label: string) => RandomStream,
  label: string,
): Map<T, number> {
  const ends = new Map(items.map((item) => [item, startSec + stepSec(item)]));
  const byName = new Map(items.map((item) => [item.vm.spec.name, item]));
  for (const plan of scenario.recoveryPlans) {
    const members = plan.groups.flatMap((g) => g.vms);
    if (!members.every((name) => byName.has(name))) continue;
    const actions = drawPlanActions(plan, planActionStreams(plan, (action) => stream(`cycle/plan-action/${label}/${action}`)));
    const run = schedulePlan(plan, (name) => stepSec(byName.get(name)!), actions);
    for (const [name, endSec] of run.vmEndSec) ends.set(byName.get(name)!, startSec + endSec);
  }
  return ends;
}
