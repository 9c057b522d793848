import type { GridRule } from '../points/gridPoints.js';

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
  if (previousSourceTimeSec === null) return 0b111;
  // The grids nest (2 h and 4 h buckets are pairs and quadruples of hours): one division per time suffices,
  // and floor(floor(x) / 2) = floor(x / 2).
  const hour = Math.floor(sourceTimeSec / 3600);
  const previousHour = Math.floor(previousSourceTimeSec / 3600);
  if (hour === previousHour) return 0;
  const twoHours = Math.floor(hour / 2);
  const previousTwoHours = Math.floor(previousHour / 2);
  if (twoHours === previousTwoHours) return 0b001;
  return Math.floor(twoHours / 2) === Math.floor(previousTwoHours / 2) ? 0b011 : 0b111;
}

/** Whether the grid keeps a point at time nowSec, given its first-in-bucket flags. */
export function keptByGrid(sourceTimeSec: number, flags: number, nowSec: number, retentionSec: number): boolean {
  const bucket = gridBucketSec(nowSec - sourceTimeSec, retentionSec);
  if (bucket < 0) return false;
  if (bucket === 0) return true;
  const bit = bucket === 3600 ? 1 : bucket === 7200 ? 2 : 4;
  return (flags & bit) !== 0;
}

/** The grid as a retention rule for a given retention window. */
export function asrGridRule(retentionSec: number): GridRule {
  return new AsrGridRule(retentionSec);
}

class AsrGridRule implements GridRule {
  readonly keepAllSec: number;
  readonly appGridOfTheirOwn = true;

  constructor(private readonly retentionSec: number) {
    this.keepAllSec = retentionSec === 0 ? 0 : KEEP_ALL_SEC;
  }

  flags(sourceSec: number, previousSourceSec: number | null): number {
    return firstInBucketFlags(sourceSec, previousSourceSec);
  }

  keeps(sourceSec: number, flags: number, nowSec: number): boolean {
    return this.retentionSec > 0 && keptByGrid(sourceSec, flags, nowSec, this.retentionSec);
  }
}
