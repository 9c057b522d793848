import type { PointKind } from './pointList.js';
import type { RetainedPoints } from './retainedPoints.js';

/** A recovery point as failover sees it: a plain record, made only when a failover is evaluated. */
export interface PointRef {
  sourceTimeSec: number;
  /** Position of the point's tag in the replication stream (bytes written before it). */
  streamBytes: number;
  kind: PointKind;
}

/** The point at index i of a store, or null for -1. */
export function pointRef(points: RetainedPoints, i: number): PointRef | null {
  if (i < 0) return null;
  return { sourceTimeSec: points.list.sourceSec(i), streamBytes: points.list.streamBytes(i), kind: points.list.kind(i) };
}
