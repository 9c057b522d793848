import type { ZertoPolicySpec } from '../../scenario/types.js';
import { JournalPoints } from '../points/journalPoints.js';
import type { ChoiceRule, PointPolicy, TagSeries } from './pointPolicy.js';

/**
 * Zerto: a journal of every write with a crash-consistent checkpoint every 5 seconds, and tagged app-consistent
 * checkpoints at an interval if set. Any checkpoint in the journal can be recovered; the journal reaches back
 * its configured history, or less when its hard limit fills (the oldest checkpoints are then promoted to the
 * replica). "Latest" is the newest checkpoint; Zerto's virtual protection groups give multi-VM consistency.
 */
export function zertoPolicy(spec: ZertoPolicySpec): PointPolicy {
  const tagSeries: TagSeries[] = [{ intervalSec: spec.checkpointIntervalSec, kind: 'crash-consistent' }];
  if (spec.appConsistentIntervalSec > 0) tagSeries.push({ intervalSec: spec.appConsistentIntervalSec, kind: 'app-consistent' });
  const tagged = spec.appConsistentIntervalSec > 0;
  const untagged = { unavailable: 'no tagged app-consistent checkpoints configured (zerto appConsistentInterval)' };
  return {
    tagSeries,
    deltaSync: null,
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: true,
    rpoIsReplicationLag: false,
    createStore: (workload) => new JournalPoints(spec.checkpointIntervalSec, spec.journalHistorySec, spec.journalLimitBytes, workload),
    choice: (choice): ChoiceRule => {
      switch (choice) {
        case 'latest':
          return { recovers: 'newest' };
        case 'latest-processed':
          return { unavailable: 'Zerto has no "latest processed": latest is the newest checkpoint in the journal' };
        case 'latest-app-consistent':
          return tagged ? { recovers: 'newest-app' } : untagged;
        case 'latest-multi-vm-processed':
          return { recovers: 'group', app: false };
        case 'latest-multi-vm-app-consistent':
          return tagged ? { recovers: 'group', app: true } : untagged;
        case 'custom':
          return { recovers: 'retained-before' };
      }
    },
  };
}
