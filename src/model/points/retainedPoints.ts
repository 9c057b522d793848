import { PointList, type PointKind } from './pointList.js';

/**
 * A product's retention rule for a stream's usable points. Rules here are time-consistent grids: a point's
 * flags are fixed when it arrives (from its source time and the previous point's), and whether it is kept
 * at time t can only turn from true to false as t grows, so pruning gives the same set whenever it runs.
 */
export interface RetentionRule {
  /** Flags of a new point, from its source time and the previous point's of the same class (null: first). */
  flags(sourceSec: number, previousSourceSec: number | null): number;
  /** Whether the rule keeps, at nowSec, a point with this source time and these flags. */
  keeps(sourceSec: number, flags: number, nowSec: number): boolean;
  /** Points younger than this are always kept: pruning never looks at them. */
  readonly keepAllSec: number;
  /** App-consistent points are also thinned on the grid among themselves (ASR), so one per bucket survives. */
  readonly appGridOfTheirOwn: boolean;
}

const APP_SHIFT = 16;
const LOW_MASK = (1 << APP_SHIFT) - 1;

/**
 * One stream's recovery points that exist: every usable point until the retention rule drops it. The newest
 * point and the newest app-consistent point are always kept: retention 0 means "failover to latest only", and
 * a point processed late (after a long outage) must not vanish the moment it appears. Points are referred to
 * by index into `list` (valid until the next prune).
 */
export class RetainedPoints {
  readonly list = new PointList();
  created = 0;
  private lastSourceSec: number | null = null;
  private lastAppSourceSec: number | null = null;
  private newestAppSourceSec = Number.NaN;

  constructor(private readonly rule: RetentionRule) {}

  add(sourceSec: number, streamBytes: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    let flags = this.rule.flags(sourceSec, this.lastSourceSec) & LOW_MASK;
    if (kind === 'app-consistent') {
      if (this.rule.appGridOfTheirOwn) flags |= (this.rule.flags(sourceSec, this.lastAppSourceSec) & LOW_MASK) << APP_SHIFT;
      this.lastAppSourceSec = sourceSec;
      this.newestAppSourceSec = sourceSec;
    }
    this.lastSourceSec = sourceSec;
    this.list.push(sourceSec, streamBytes, workloadBytes, usableSec, kind, flags);
    this.created++;
  }

  /** Index of the newest point, or -1. */
  newest(): number {
    return this.list.length - 1;
  }

  /** Index of the newest app-consistent point, or -1. */
  newestAppConsistent(): number {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list.kind(i) === 'app-consistent') return i;
    return -1;
  }

  /** Index of the newest point retained at nowSec whose source time is at or before latestSourceSec, or -1. */
  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): number {
    for (let i = this.list.length - 1; i >= 0; i--) {
      if (this.list.sourceSec(i) <= latestSourceSec && this.isKept(i, nowSec)) return i;
    }
    return -1;
  }

  /** Indices of the points retained at nowSec, oldest first. */
  retainedAt(nowSec: number): number[] {
    const kept: number[] = [];
    for (let i = 0; i < this.list.length; i++) if (this.isKept(i, nowSec)) kept.push(i);
    return kept;
  }

  /** Drops the points the rule no longer keeps at nowSec. */
  prune(nowSec: number): void {
    const { list } = this;
    // NOTE: points younger than keepAllSec are all kept and sit at the end: only the older ones need a look.
    let older = 0;
    while (older < list.length && nowSec - list.sourceSec(older) > this.rule.keepAllSec) older++;
    if (older === 0) return;
    list.retain((i) => i >= older || this.isKept(i, nowSec));
  }

  /** Commit: the point the failover used is the only one left (ASR deletes all the others). */
  keepOnly(sourceSec: number, streamBytes: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    this.list.clear();
    this.list.push(sourceSec, streamBytes, workloadBytes, usableSec, kind, 0);
    this.newestAppSourceSec = kind === 'app-consistent' ? sourceSec : Number.NaN;
  }

  isKept(i: number, nowSec: number): boolean {
    const { list, rule } = this;
    const sourceSec = list.sourceSec(i);
    if (i === list.length - 1 || sourceSec === this.newestAppSourceSec) return true;
    const flags = list.flags(i);
    if (rule.keeps(sourceSec, flags & LOW_MASK, nowSec)) return true;
    return list.kind(i) === 'app-consistent' && rule.appGridOfTheirOwn && rule.keeps(sourceSec, flags >>> APP_SHIFT, nowSec);
  }
}
