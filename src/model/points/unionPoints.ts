import type { PointKind } from './pointList.js';
import type { PointRef, PointStore } from './pointStore.js';

const newer = (a: PointRef | null, b: PointRef | null): PointRef | null => (a === null ? b : b === null || a.sourceTimeSec >= b.sourceTimeSec ? a : b);
const older = (a: PointRef | null, b: PointRef | null): PointRef | null => (a === null ? b : b === null || a.sourceTimeSec <= b.sourceTimeSec ? a : b);

/**
 * Two retention tiers over one stream's points (Veeam CDP: short-term points in a journal, and long-term points
 * kept for days): every point goes to the first tier, and those the second tier selects go there too. A point
 * exists while either tier keeps it.
 */
export class UnionPoints implements PointStore {
  constructor(
    private readonly first: PointStore,
    private readonly second: PointStore,
    private readonly selects: (sourceSec: number, kind: PointKind) => boolean,
  ) {}

  get created(): number {
    return this.first.created;
  }

  add(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    this.first.add(sourceSec, workloadBytes, usableSec, kind);
    if (this.selects(sourceSec, kind)) this.second.add(sourceSec, workloadBytes, usableSec, kind);
  }

  newest(): PointRef | null {
    return this.first.newest();
  }

  newestAppConsistent(): PointRef | null {
    return newer(this.first.newestAppConsistent(), this.second.newestAppConsistent());
  }

  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): PointRef | null {
    return newer(this.first.newestRetainedAtOrBefore(latestSourceSec, nowSec), this.second.newestRetainedAtOrBefore(latestSourceSec, nowSec));
  }

  oldestRetained(nowSec: number): PointRef | null {
    return older(this.first.oldestRetained(nowSec), this.second.oldestRetained(nowSec));
  }

  /** The first tier's points plus the second tier's older than all of them. */
  retainedCount(nowSec: number): number {
    const firstOldest = this.first.oldestRetained(nowSec)?.sourceTimeSec ?? Infinity;
    let count = this.first.retainedCount(nowSec);
    let cursor = this.second.newestRetainedAtOrBefore(firstOldest - 1e-9, nowSec);
    while (cursor !== null) {
      count++;
      cursor = this.second.newestRetainedAtOrBefore(cursor.sourceTimeSec - 1e-9, nowSec);
    }
    return count;
  }

  prune(nowSec: number): void {
    this.first.prune(nowSec);
    this.second.prune(nowSec);
  }

  keepOnly(point: PointRef, usableSec: number): void {
    this.first.keepOnly(point, usableSec);
    this.second.keepOnly(point, usableSec);
  }
}
