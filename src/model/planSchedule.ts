import type { RandomStream } from '../engine/random.js';
import type { RecoveryPlanSpec } from '../scenario/types.js';
import { sampleDistribution } from './sampleDistribution.js';

/** Drawn durations of a plan's actions: [group][action], before and after the group's failovers. */
export interface PlanActionDraws {
  before: number[][];
  after: number[][];
}

/** Draws every action in plan order, so that a change of one duration does not shift the others. */
export function drawPlanActions(plan: RecoveryPlanSpec, rng: RandomStream): PlanActionDraws {
  return {
    before: plan.groups.map((g) => g.actionsBefore.map((a) => sampleDistribution(a.durationSec, rng))),
    after: plan.groups.map((g) => g.actionsAfter.map((a) => sampleDistribution(a.durationSec, rng))),
  };
}

export interface PlanRun {
  /** Seconds from the plan's start until its last group finished. */
  makespanSec: number;
  /** When each VM's failover finished, from the plan's start. */
  vmEndSec: Map<string, number>;
  /** Per group, what finished last ("vm web-1", "action switch-dns"): together, the critical path. */
  critical: string[];
}

/**
 * Runs a recovery plan (domain.md §3): groups in order, each starting when the previous one has finished;
 * a group runs its actionsBefore one after another, then its VM failovers in parallel — at most maxParallel at
 * once (0 = unlimited), each VM taking the first free slot in list order — then its actionsAfter. A group
 * finishes when its last step does; that step is on the critical path (a tie goes to the later step).
 */
export function schedulePlan(plan: RecoveryPlanSpec, vmSec: (vm: string) => number, actions: PlanActionDraws): PlanRun {
  let clock = 0;
  const vmEndSec = new Map<string, number>();
  const critical: string[] = [];
  plan.groups.forEach((group, g) => {
    let last = { endSec: clock, label: 'nothing' };
    const step = (endSec: number, label: string) => {
      if (endSec >= last.endSec) last = { endSec, label };
    };
    group.actionsBefore.forEach((action, k) => {
      clock += actions.before[g]![k]!;
      step(clock, `action ${action.name}`);
    });
    const slots = group.maxParallel === 0 ? group.vms.length : group.maxParallel;
    const free: number[] = Array.from({ length: Math.max(1, slots) }, () => clock);
    for (const vm of group.vms) {
      const slot = free.indexOf(Math.min(...free));
      const endSec = free[slot]! + vmSec(vm);
      free[slot] = endSec;
      vmEndSec.set(vm, endSec);
      step(endSec, `vm ${vm}`);
    }
    clock = last.endSec;
    group.actionsAfter.forEach((action, k) => {
      clock += actions.after[g]![k]!;
      step(clock, `action ${action.name}`);
    });
    critical.push(last.label);
  });
  return { makespanSec: clock, vmEndSec, critical };
}
