import type { RandomStream } from '../engine/random.js';
import type { PlanAction, RecoveryPlanSpec } from '../scenario/types.js';
import { sampleDistribution } from './sampleDistribution.js';

/** Drawn durations of a plan's actions: [group][action], before and after the group's failovers. */
export interface PlanActionDraws {
  before: number[][];
  after: number[][];
}

/** One stream per action of a plan, [group][action], before and after the group's failovers. */
export interface PlanActionStreams {
  before: RandomStream[][];
  after: RandomStream[][];
}

/**
 * A stream per action, labelled by the action's name (`<name>`, then `<name>#2`… for repeats within the plan),
 * not by the plan: two plans with the same actions (e.g. the same plan with another failover choice) draw the
 * same durations at every disaster, so they differ by their choice alone.
 */
export function planActionStreams(plan: RecoveryPlanSpec, stream: (actionLabel: string) => RandomStream): PlanActionStreams {
  const seen = new Map<string, number>();
  const streamOf = (action: PlanAction) => {
    const n = (seen.get(action.name) ?? 0) + 1;
    seen.set(action.name, n);
    return stream(n === 1 ? action.name : `${action.name}#${n}`);
  };
  // Plan order (each group's actions before, then after) numbers the repeats.
  const streams: PlanActionStreams = { before: [], after: [] };
  for (const group of plan.groups) {
    streams.before.push(group.actionsBefore.map(streamOf));
    streams.after.push(group.actionsAfter.map(streamOf));
  }
  return streams;
}

/** Draws each action's duration from its own stream. */
export function drawPlanActions(plan: RecoveryPlanSpec, streams: PlanActionStreams): PlanActionDraws {
  return {
    before: plan.groups.map((g, i) => g.actionsBefore.map((a, k) => sampleDistribution(a.durationSec, streams.before[i]![k]!))),
    after: plan.groups.map((g, i) => g.actionsAfter.map((a, k) => sampleDistribution(a.durationSec, streams.after[i]![k]!))),
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
