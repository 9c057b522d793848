import { firstInBucketFlags, KEEP_ALL_SEC, keptByGrid } from './retentionGrid.js';

export type PointKind = 'crash-consistent' | 'app-consistent';

export interface RecoveryPoint {
  sourceTimeSec: number;
  /** Position of the point's tag in the VM's replication stream (bytes written before it). */
  streamBytes: number;
  kind: PointKind;
  usableSec: number;
}

/**
 * A VM's usable recovery points under the retention grid. App-consistent points are thinned on the same grid
 * among themselves, so the grid keeps one of each kind per bucket. The newest point and the newest
 * app-consistent point are always kept: retention 0 means "failover to latest only", and a point that is
 * processed late (after a long outage) must not vanish the moment it appears.
 */
export class RecoveryPoints {
  private points: { point: RecoveryPoint; flags: number; appFlags: number }[] = [];
  private lastSourceSec: number | null = null;
  private lastAppSourceSec: number | null = null;
  private newestApp: RecoveryPoint | null = null;
  created = 0;

  constructor(private readonly retentionSec: number) {}

  add(point: RecoveryPoint): void {
    const flags = firstInBucketFlags(point.sourceTimeSec, this.lastSourceSec);
    let appFlags = 0;
    if (point.kind === 'app-consistent') {
      appFlags = firstInBucketFlags(point.sourceTimeSec, this.lastAppSourceSec);
      this.lastAppSourceSec = point.sourceTimeSec;
      this.newestApp = point;
    }
    this.lastSourceSec = point.sourceTimeSec;
    this.points.push({ point, flags, appFlags });
    this.created++;
  }

  /** Commit: the failover's point is the only one left (ASR deletes all the others). */
  keepOnly(point: RecoveryPoint): void {
    this.points = [{ point, flags: 0, appFlags: 0 }];
    this.newestApp = point.kind === 'app-consistent' ? point : null;
  }

  /** Drops the points the grid no longer keeps at nowSec. */
  prune(nowSec: number): void {
    // NOTE: the grid keeps every point of the last 2 hours, so only the older ones need a look.
    const firstRecent = this.points.findIndex((entry) => nowSec - entry.point.sourceTimeSec <= KEEP_ALL_SEC);
    const older = firstRecent < 0 ? this.points.length : firstRecent;
    const kept = this.points.slice(0, older).filter((entry) => this.isKept(entry, nowSec));
    this.points = older === 0 ? this.points : kept.concat(this.points.slice(older));
  }

  /** The retained points at nowSec, oldest first. */
  retainedAt(nowSec: number): RecoveryPoint[] {
    return this.points.filter((entry) => this.isKept(entry, nowSec)).map((entry) => entry.point);
  }

  newest(): RecoveryPoint | null {
    return this.points.length === 0 ? null : this.points[this.points.length - 1]!.point;
  }

  newestAppConsistent(): RecoveryPoint | null {
    return this.newestApp;
  }

  /** The newest point retained at nowSec whose source time is at or before latestSourceSec. */
  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): RecoveryPoint | null {
    for (let i = this.points.length - 1; i >= 0; i--) {
      const entry = this.points[i]!;
      if (entry.point.sourceTimeSec <= latestSourceSec && this.isKept(entry, nowSec)) return entry.point;
    }
    return null;
  }

  private isKept(entry: { point: RecoveryPoint; flags: number; appFlags: number }, nowSec: number): boolean {
    const { point } = entry;
    if (point === this.newest() || point === this.newestApp) return true;
    if (this.retentionSec === 0) return false;
    if (keptByGrid(point.sourceTimeSec, entry.flags, nowSec, this.retentionSec)) return true;
    return point.kind === 'app-consistent' && keptByGrid(point.sourceTimeSec, entry.appFlags, nowSec, this.retentionSec);
  }
}
