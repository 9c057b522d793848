import type { VsphereReplicationPolicySpec } from '../../scenario/types.js';
import { CappedPoints, type CapRule } from '../points/cappedPoints.js';
import type { ChoiceRule, PointPolicy } from './pointPolicy.js';

const DAY = 86_400;

/**
 * vSphere Replication: periodic delta syncs. A sync starts when the latest instance ages toward the RPO: the
 * scheduler aims to finish the next transfer by then, estimating it from the last transfer's duration
 * (assumption: the last one); a sync never starts before the previous transfer has completed, so transfers
 * longer than about RPO/2 cause periodic violations. An instance's time is its sync's start.
 *
 * Point-in-time instances: N a day for D days (N × D ≤ 24). The day is cut into slots of 24 h / N on absolute
 * time; of the instances in a slot only the newest stays (the others expire), for the last N × D slots; the
 * latest instance is always kept and not counted (assumption on which instance of a slot stays: the newest).
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

/** The slot rule: the newest instance of each of the last N × D slots of 24 h / N (none: the latest only). */
export function slots(perDay: number, days: number): CapRule {
  if (perDay === 0) return (sources) => sources.map(() => false);
  const width = DAY / perDay;
  const count = perDay * days;
  return (sources, nowSec) => {
    const current = Math.floor(nowSec / width);
    const kept = sources.map(() => false);
    let lastSlot = Number.NaN;
    // Newest first: the first instance met in a slot is its newest.
    for (let i = sources.length - 1; i >= 0; i--) {
      const slot = Math.floor(sources[i]! / width);
      if (slot === lastSlot || current - slot >= count) continue;
      kept[i] = true;
      lastSlot = slot;
    }
    return kept;
  };
}
