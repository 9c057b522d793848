import type { RecoveryPointPolicy } from '../../scenario/types.js';
import { asrGridRule } from './asrGrid.js';
import type { PointPolicy, TagSeries } from './pointPolicy.js';

/**
 * ASR (classic configuration-server architecture): a crash-consistent tag every 5 minutes (fixed), an
 * app-consistent one every 1–12 hours or none, and the documented pruning grid over the retention window.
 */
export function asrPolicy(spec: RecoveryPointPolicy): PointPolicy {
  const tagSeries: TagSeries[] = [{ intervalSec: spec.crashConsistentIntervalSec, kind: 'crash-consistent' }];
  if (spec.appConsistentIntervalSec > 0) tagSeries.push({ intervalSec: spec.appConsistentIntervalSec, kind: 'app-consistent' });
  return { tagSeries, retention: asrGridRule(spec.retentionSec), rpoThresholdSec: spec.rpoThresholdSec };
}
