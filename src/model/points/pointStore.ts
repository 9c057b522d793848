import type { PointKind } from './pointList.js';

/** A recovery point as failover sees it: a plain record, made only when a question is asked. */
export interface PointRef {
  sourceTimeSec: number;
  /** What the workload had written when the point was taken (data loss in bytes is measured against it). */
  workloadBytes: number;
  kind: PointKind;
}

/**
 * The recovery points of one stream that exist: every usable point until the product's retention drops it.
 * Every store keeps the newest point and the newest app-consistent point whatever their age. Points arrive
 * in source-time order, each once it is usable.
 */
export interface PointStore {
  /** Points that became usable so far. */
  readonly created: number;
  add(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void;
  newest(): PointRef | null;
  newestAppConsistent(): PointRef | null;
  /** The newest point retained at nowSec whose source time is at or before latestSourceSec. */
  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): PointRef | null;
  /** The oldest point retained at nowSec: what the history reaches back to. */
  oldestRetained(nowSec: number): PointRef | null;
  retainedCount(nowSec: number): number;
  /** Forgets what nowSec no longer keeps (only memory: answers at nowSec and later do not change). */
  prune(nowSec: number): void;
  /** Commit: the failover's point is the only one left (ASR deletes all the others). */
  keepOnly(point: PointRef, usableSec: number): void;
}
