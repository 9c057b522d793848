import type { PointKind } from '../points/pointList.js';
import type { RetentionRule } from '../points/retainedPoints.js';

/** A series of recovery-point tags placed in a continuous stream at every multiple of intervalSec. */
export interface TagSeries {
  intervalSec: number;
  kind: PointKind;
}

/**
 * A product's recovery-point policy: when points come to exist and which are kept. One implementation per
 * product under model/policies/; the model knows only this interface.
 */
export interface PointPolicy {
  /** Tag series of a continuous stream; where two fall at one instant the later series' kind wins. */
  readonly tagSeries: readonly TagSeries[];
  readonly retention: RetentionRule;
  /** RPO alert threshold (alerts only; never changes replication). */
  readonly rpoThresholdSec: number;
}
