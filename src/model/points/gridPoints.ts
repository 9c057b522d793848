import { PointList, type PointKind } from './pointList.js';
import type { PointRef, PointStore } from './pointStore.js';

/**
 * A product's retention rule as a time-consistent grid: a point's flags are fixed when it arrives (from its
 * source time and the previous point's), and whether it is kept at time t can only turn from true to false as
 * t grows, so pruning gives the same set whenever it runs.
 */
export interface GridRule {
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
/** oldestRetained looks at this many of the oldest points before it prunes. */
const SCAN_BEFORE_PRUNING = 8;
const LOW_MASK = (1 << APP_SHIFT) - 1;

/** Points under a grid rule (ASR's pruning grid, AWS DRS's tiers), each kept as a row of a PointList. */
export class GridPoints implements PointStore {
  readonly list = new PointList();
  created = 0;
  private lastSourceSec: number | null = null;
  private lastAppSourceSec: number | null = null;
  private newestAppSourceSec = Number.NaN;

  constructor(private readonly rule: GridRule) {}

  add(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    let flags = this.rule.flags(sourceSec, this.lastSourceSec) & LOW_MASK;
    if (kind === 'app-consistent') {
      if (this.rule.appGridOfTheirOwn) flags |= (this.rule.flags(sourceSec, this.lastAppSourceSec) & LOW_MASK) << APP_SHIFT;
      this.lastAppSourceSec = sourceSec;
      this.newestAppSourceSec = sourceSec;
    }
    this.lastSourceSec = sourceSec;
    this.list.push(sourceSec, workloadBytes, usableSec, kind, flags);
    this.created++;
  }

  newest(): PointRef | null {
    return this.ref(this.list.length - 1);
  }

  newestAppConsistent(): PointRef | null {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list.kind(i) === 'app-consistent') return this.ref(i);
    return null;
  }

  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): PointRef | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      if (this.list.sourceSec(i) <= latestSourceSec && this.isKept(i, nowSec)) return this.ref(i);
    }
    return null;
  }

  oldestRetained(nowSec: number): PointRef | null {
    // The first point pruning at nowSec would leave (young, or kept by the rule). Usually the first or second.
    // NOTE: pruning at every timeseries sample cost 5 µs (a month of 1-minute samples, 0.25 s, in rposim plan).
    const { list } = this;
    for (let i = 0; i < Math.min(list.length, SCAN_BEFORE_PRUNING); i++) {
      if (nowSec - list.sourceSec(i) <= this.rule.keepAllSec || this.isKept(i, nowSec)) return this.ref(i);
    }
    // Pruning is time-consistent (the same set whenever it runs), so pruning first changes no answer and keeps
    // this from scanning every point since the last prune (5 a second at the analytical checks' 0.2 s tags).
    this.prune(nowSec);
    return list.length === 0 ? null : this.ref(0);
  }

  retainedCount(nowSec: number): number {
    let count = 0;
    for (let i = 0; i < this.list.length; i++) if (this.isKept(i, nowSec)) count++;
    return count;
  }

  prune(nowSec: number): void {
    const { list } = this;
    // NOTE: points younger than keepAllSec are all kept and sit at the end: only the older ones need a look.
    let older = 0;
    while (older < list.length && nowSec - list.sourceSec(older) > this.rule.keepAllSec) older++;
    if (older === 0) return;
    list.retain((i) => this.isKept(i, nowSec), older);
  }

  keepOnly(point: PointRef, usableSec: number): void {
    this.list.clear();
    this.list.push(point.sourceTimeSec, point.workloadBytes, usableSec, point.kind, 0);
    this.newestAppSourceSec = point.kind === 'app-consistent' ? point.sourceTimeSec : Number.NaN;
  }

  private isKept(i: number, nowSec: number): boolean {
    const { list, rule } = this;
    const sourceSec = list.sourceSec(i);
    if (i === list.length - 1 || sourceSec === this.newestAppSourceSec) return true;
    const flags = list.flags(i);
    if (rule.keeps(sourceSec, flags & LOW_MASK, nowSec)) return true;
    return list.kind(i) === 'app-consistent' && rule.appGridOfTheirOwn && rule.keeps(sourceSec, flags >>> APP_SHIFT, nowSec);
  }

  private ref(i: number): PointRef | null {
    if (i < 0) return null;
    return { sourceTimeSec: this.list.sourceSec(i), workloadBytes: this.list.workloadBytes(i), kind: this.list.kind(i) };
  }
}
