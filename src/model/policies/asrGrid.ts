import type { RetentionRule } from '../points/retainedPoints.js';

/**
 * ASR's documented pruning grid (domain.md §2): every point of the last 2 hours is kept; beyond that, one point
 * per bucket: 1 h buckets for a 1-day retention, 2 h for 2–7 days, and for longer retention 2 h buckets for the
 * first 7 days and 4 h beyond. Nothing older than the retention is kept; retention 0 keeps only the newest.
 *
 * Buckets are aligned on absolute source time and the point kept in a bucket is the first one created in it.
 * Because the 1 h, 2 h and 4 h grids nest, "kept at time t" can only turn from true to false as t grows, so
 * pruning gives the same answer whenever it runs. App-consistent points are thinned on the same grid among
 * themselves.
 */
export const KEEP_ALL_SEC = 2 * 3600;
const DAY_SEC = 86_400;
const WEEK_SEC = 7 * DAY_SEC;

export const BUCKETS_SEC = [3600, 7200, 14_400] as const;

/** The bucket size that applies to a point of this age; 0 = kept whatever its bucket; -1 = past retention. */
export function gridBucketSec(ageSec: number, retentionSec: number): number {
  if (ageSec > retentionSec) return -1;
  if (ageSec <= KEEP_ALL_SEC) return 0;
  if (retentionSec <= DAY_SEC) return 3600;
  if (retentionSec <= WEEK_SEC || ageSec <= WEEK_SEC) return 7200;
  return 14_400;
}

/** Bit i of the result is set when the point is the first created in its BUCKETS_SEC[i] bucket. */
export function firstInBucketFlags(sourceTimeSec: number, previousSourceTimeSec: number | null): number {
  let flags = 0;
  for (let i = 0; i < BUCKETS_SEC.length; i++) {
    const size = BUCKETS_SEC[i]!;
    if (previousSourceTimeSec === null || Math.floor(previousSourceTimeSec / size) !== Math.floor(sourceTimeSec / size)) {
      flags |= 1 << i;
    }
  }
  return flags;
}

/** Whether the grid keeps a point at time nowSec, given its first-in-bucket flags. */
export function keptByGrid(sourceTimeSec: number, flags: number, nowSec: number, retentionSec: number): boolean {
  const bucket = gridBucketSec(nowSec - sourceTimeSec, retentionSec);
  if (bucket < 0) return false;
  if (bucket === 0) return true;
  return (flags & (1 << BUCKETS_SEC.indexOf(bucket as (typeof BUCKETS_SEC)[number]))) !== 0;
}

/** The grid as a retention rule for a given retention window. */
export function asrGridRule(retentionSec: number): RetentionRule {
  return {
    keepAllSec: retentionSec === 0 ? 0 : KEEP_ALL_SEC,
    appGridOfTheirOwn: true,
    flags: firstInBucketFlags,
    keeps: (sourceSec, flags, nowSec) => retentionSec > 0 && keptByGrid(sourceSec, flags, nowSec, retentionSec),
  };
}
