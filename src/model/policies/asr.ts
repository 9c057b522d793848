import type { AsrPolicySpec, ProductChoice } from '../../scenario/types.js';
import { GridPoints } from '../points/gridPoints.js';
import { asrGridRule } from './asrGrid.js';
import type { ChoiceRule, PointPolicy, TagSeries } from './pointPolicy.js';

/**
 * ASR, classic (configuration server) and modernized (replication appliance): a crash-consistent tag every
 * 5 minutes (fixed), an app-consistent one every 1–12 hours or none, and the documented pruning grid over the
 * retention window. The two architectures differ in how failback is set up, not in their points.
 */
export function asrPolicy(spec: AsrPolicySpec): PointPolicy {
  const tagSeries: TagSeries[] = [{ intervalSec: spec.crashConsistentIntervalSec, kind: 'crash-consistent' }];
  if (spec.appConsistentIntervalSec > 0) tagSeries.push({ intervalSec: spec.appConsistentIntervalSec, kind: 'app-consistent' });
  return {
    tagSeries,
    deltaSync: null,
    rpoThresholdSec: spec.rpoThresholdSec,
    needsWorkloadHistory: false,
    rpoIsReplicationLag: false,
    createStore: () => new GridPoints(asrGridRule(spec.retentionSec)),
    choice: (choice) => asrChoice(choice, spec.appConsistentIntervalSec > 0),
  };
}

function asrChoice(choice: ProductChoice, appOn: boolean): ChoiceRule {
  const appOff = { unavailable: 'no app-consistent point: app-consistent points are off' };
  switch (choice) {
    case 'latest':
      return { recovers: 'uploaded' };
    case 'latest-processed':
      return { recovers: 'newest' };
    case 'latest-app-consistent':
      return appOn ? { recovers: 'newest-app' } : appOff;
    case 'latest-multi-vm-processed':
      return { recovers: 'group', app: false };
    case 'latest-multi-vm-app-consistent':
      return appOn ? { recovers: 'group', app: true } : appOff;
    case 'custom':
      return { recovers: 'retained-before' };
  }
}
