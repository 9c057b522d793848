import type { AwsDrsPolicySpec } from '../../scenario/types.js';
import type { GridRule } from '../points/gridPoints.js';
import { GridPoints } from '../points/gridPoints.js';
import type { ChoiceRule, PointPolicy } from './pointPolicy.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const HOURLY = 1;
const DAILY = 2;

/**
 * AWS Elastic Disaster Recovery: continuous block replication to a staging area, launched from the most recent
 * data or from a point-in-time snapshot. Snapshots are taken every 10 minutes and kept 1 hour; the first of each
 * hour is kept 24 hours and the first of each day N days (buckets on absolute time, so the set kept is the
 * same whenever it is pruned). Snapshots are crash-consistent.
 */
export function awsDrsPolicy(spec: AwsDrsPolicySpec): PointPolicy {
  return {
    tagSeries: [{ intervalSec: 10 * MIN, kind: 'crash-consistent' }],
    deltaSync: null,
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: false,
    rpoIsReplicationLag: true,
    createStore: () => new GridPoints(drsTiers(spec.dailyRetentionSec)),
    choice: (choice): ChoiceRule => {
      switch (choice) {
        case 'latest':
          return { recovers: 'uploaded' };
        case 'custom':
          return { recovers: 'retained-before' };
        case 'latest-processed':
          return { unavailable: 'AWS DRS has no "latest processed": launch from the most recent data (latest) or a snapshot (custom)' };
        case 'latest-app-consistent':
        case 'latest-multi-vm-app-consistent':
          return { unavailable: 'AWS DRS snapshots are crash-consistent: no app-consistent point' };
        case 'latest-multi-vm-processed':
          return { unavailable: 'AWS DRS has no multi-VM consistent points' };
      }
    },
  };
}

/** DRS's tiers as a grid rule: every snapshot for 1 h, the first of each hour for 24 h, of each day for N days. */
export function drsTiers(dailyRetentionSec: number): GridRule {
  return {
    keepAllSec: HOUR,
    appGridOfTheirOwn: false,
    flags(sourceSec, previousSourceSec) {
      if (previousSourceSec === null) return HOURLY | DAILY;
      let flags = 0;
      if (Math.floor(sourceSec / HOUR) !== Math.floor(previousSourceSec / HOUR)) flags |= HOURLY;
      if (Math.floor(sourceSec / DAY) !== Math.floor(previousSourceSec / DAY)) flags |= DAILY;
      return flags;
    },
    keeps(sourceSec, flags, nowSec) {
      const age = nowSec - sourceSec;
      if (age <= HOUR) return true;
      if (age <= DAY && (flags & HOURLY) !== 0) return true;
      return age <= dailyRetentionSec && (flags & DAILY) !== 0;
    },
  };
}
