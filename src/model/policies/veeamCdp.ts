import type { VeeamCdpPolicySpec } from '../../scenario/types.js';
import { GridPoints } from '../points/gridPoints.js';
import { JournalPoints } from '../points/journalPoints.js';
import { UnionPoints } from '../points/unionPoints.js';
import type { ChoiceRule, PointPolicy, TagSeries } from './pointPolicy.js';

/**
 * Veeam CDP: every write through an I/O filter; a short-term restore point every RPO (default 15 s) kept for
 * the short-term retention (default 4 h), and long-term points every N hours (default 8) kept D days (default
 * 7), crash- or app-consistent. Short-term points are a journal (every one in range exists); long-term points
 * are the tags at multiples of the long-term interval, each kept for the long-term retention.
 */
export function veeamCdpPolicy(spec: VeeamCdpPolicySpec): PointPolicy {
  const tagSeries: TagSeries[] = [{ intervalSec: spec.rpoSec, kind: 'crash-consistent' }];
  const longTerm = spec.longTermIntervalSec;
  if (longTerm > 0) tagSeries.push({ intervalSec: longTerm, kind: spec.longTermKind });
  const appPoints = longTerm > 0 && spec.longTermKind === 'app-consistent';
  const noApp = { unavailable: 'Veeam CDP short-term points are crash-consistent; long-term points are not app-consistent here' };
  return {
    tagSeries,
    deltaSync: null,
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: true,
    rpoIsReplicationLag: false,
    createStore: (workload) => {
      const shortTerm = new JournalPoints(spec.rpoSec, spec.shortTermRetentionSec, null, workload);
      if (longTerm === 0) return shortTerm;
      const longTermPoints = new GridPoints({
        keepAllSec: 0,
        appGridOfTheirOwn: false,
        flags: () => 0,
        keeps: (sourceSec, _flags, nowSec) => nowSec - sourceSec <= spec.longTermRetentionSec,
      });
      return new UnionPoints(shortTerm, longTermPoints, (sourceSec) => sourceSec % longTerm === 0);
    },
    choice: (choice): ChoiceRule => {
      switch (choice) {
        case 'latest':
          return { recovers: 'newest' };
        case 'latest-processed':
          return { unavailable: 'Veeam CDP has no "latest processed": latest is the newest restore point' };
        case 'latest-app-consistent':
          return appPoints ? { recovers: 'newest-app' } : noApp;
        case 'latest-multi-vm-processed':
        case 'latest-multi-vm-app-consistent':
          return { unavailable: 'Veeam CDP has no multi-VM consistent points' };
        case 'custom':
          return { recovers: 'retained-before' };
      }
    },
  };
}
