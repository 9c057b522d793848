import type { VeeamReplicationPolicySpec } from '../../scenario/types.js';
import { CappedPoints } from '../points/cappedPoints.js';
import type { ChoiceRule, PointPolicy } from './pointPolicy.js';

/**
 * Veeam snapshot replication: a job every interval copies the blocks changed since the last run; each run is a
 * restore point, and the oldest is dropped beyond the configured count (at most 28). A run cannot start while
 * the previous one is transferring: it starts at the first scheduled instant after (assumption).
 */
export function veeamReplicationPolicy(spec: VeeamReplicationPolicySpec): PointPolicy {
  const interval = spec.intervalSec;
  return {
    tagSeries: [],
    deltaSync: {
      uniqueFraction: spec.uniqueFraction,
      pointKind: spec.applicationAware ? 'app-consistent' : 'crash-consistent',
      nextStartSec: (lastStartSec, completedSec) => Math.max(Math.floor(lastStartSec / interval) + 1, Math.ceil(completedSec / interval)) * interval,
    },
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: false,
    rpoIsReplicationLag: false,
    createStore: () => new CappedPoints((sources) => sources.map((_, i) => i >= sources.length - spec.restorePoints)),
    choice: (choice): ChoiceRule => {
      switch (choice) {
        case 'latest':
          return { recovers: 'newest' };
        case 'latest-processed':
          return { unavailable: 'Veeam replication has no "latest processed": latest is the newest restore point' };
        case 'latest-app-consistent':
          return spec.applicationAware ? { recovers: 'newest-app' } : { unavailable: 'restore points are crash-consistent without application-aware processing' };
        case 'latest-multi-vm-processed':
        case 'latest-multi-vm-app-consistent':
          return { unavailable: 'Veeam replication has no multi-VM consistent restore points' };
        case 'custom':
          return { recovers: 'retained-before' };
      }
    },
  };
}
