import type { VsphereReplicationPolicySpec } from '../../scenario/types.js';
import { CappedPoints, type CapRule } from '../points/cappedPoints.js';
import type { ChoiceRule, PointPolicy } from './pointPolicy.js';

const DAY = 86_400;

/**
 * vSphere Replication: periodic delta syncs. A sync starts when the latest instance ages toward the RPO: the
 * scheduler aims to finish the next transfer by then, estimating it from recent transfers (the documentation
 * says "the last few"; assumption: the last one), so the next start is the last start + RPO − the last transfer's
 * duration, and never before that transfer has completed: transfers longer than about RPO/2 cause periodic
 * violations. An instance's time is its sync's start.
 *
 * Point-in-time instances: N a day for D days (N × D ≤ 24), by the slot rule below. Which instance of a slot
 * stays is not spelled out beyond the documentation's example; keeping the first is the reading under which
 * its "3 a day for 5 days gives 15 instances and the latest" holds (assumption), and it never changes a kept
 * instance as later ones arrive.
 */
export function vsphereReplicationPolicy(spec: VsphereReplicationPolicySpec): PointPolicy {
  const kind = spec.quiescing ? 'app-consistent' : 'crash-consistent';
  return {
    tagSeries: [],
    deltaSync: {
      uniqueFraction: spec.uniqueFraction,
      pointKind: kind,
      nextStartSec: (lastStartSec, completedSec) => Math.max(completedSec, lastStartSec + spec.rpoSec - (completedSec - lastStartSec)),
    },
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: false,
    rpoIsReplicationLag: false,
    createStore: () => new CappedPoints(slots(spec.instancesPerDay, spec.instanceDays)),
    choice: (choice): ChoiceRule => {
      switch (choice) {
        case 'latest':
          return { recovers: 'newest' };
        case 'latest-processed':
          return { unavailable: 'vSphere Replication has no "latest processed": latest is the newest instance' };
        case 'latest-app-consistent':
          return spec.quiescing ? { recovers: 'newest-app' } : { unavailable: 'instances are crash-consistent without guest quiescing' };
        case 'latest-multi-vm-processed':
        case 'latest-multi-vm-app-consistent':
          return { unavailable: 'vSphere Replication has no multi-VM consistent instances' };
        case 'custom':
          return { recovers: 'retained-before' };
      }
    },
  };
}

/**
 * The slot rule, applied to the instances as they stand (vSphere re-assesses them when a sync completes): the
 * latest instance is set aside (always kept, not counted); the day is cut into slots of 24 h / N on absolute
 * time, and of the N × D slots ending with the latest instance's, each keeps its first instance; every other
 * instance expires. So at most N × D instances besides the latest (3 a day for 5 days: 15 and the latest).
 * N = 0: the latest only.
 */
export function slots(perDay: number, days: number): CapRule {
  if (perDay === 0) return (sources) => sources.map(() => false);
  const width = DAY / perDay;
  const count = perDay * days;
  return (sources) => {
    const kept = sources.map(() => false);
    const latest = sources.length - 1;
    if (latest < 0) return kept;
    const current = Math.floor(sources[latest]! / width);
    let previousSlot = Number.NaN;
    // Oldest first: the first instance met in a slot is the one it keeps.
    for (let i = 0; i < latest; i++) {
      const slot = Math.floor(sources[i]! / width);
      if (slot === previousSlot) continue;
      previousSlot = slot;
      kept[i] = current - slot < count;
    }
    return kept;
  };
}
