import { asrGridRule } from '../../src/model/policies/asrGrid.js';
import type { PointKind } from '../../src/model/points/pointList.js';
import { GridPoints } from '../../src/model/points/gridPoints.js';
import type { PointRef } from '../../src/model/points/pointStore.js';

export type { PointKind };

export interface RecoveryPoint {
  sourceTimeSec: number;
  streamBytes: number;
  kind: PointKind;
  usableSec: number;
}

/** ASR retention over GridPoints, handing back the very objects added (tests compare identities). */
export class RecoveryPoints {
  private readonly store: GridPoints;
  private readonly added = new Map<number, RecoveryPoint>();

  constructor(retentionSec: number) {
    this.store = new GridPoints(asrGridRule(retentionSec));
  }

  get created(): number {
    return this.store.created;
  }

  add(point: RecoveryPoint): void {
    this.store.add(point.sourceTimeSec, point.streamBytes, point.usableSec, point.kind);
    this.added.set(point.sourceTimeSec, point);
  }

  prune(nowSec: number): void {
    this.store.prune(nowSec);
  }

  /** Every point retained at nowSec, oldest first: stepping down through the store's own answers. */
  retainedAt(nowSec: number): RecoveryPoint[] {
    const kept: RecoveryPoint[] = [];
    let point = this.store.newestRetainedAtOrBefore(Infinity, nowSec);
    while (point !== null) {
      kept.unshift(this.at(point)!);
      point = this.store.newestRetainedAtOrBefore(point.sourceTimeSec - 1e-6, nowSec);
    }
    return kept;
  }

  newest(): RecoveryPoint | null {
    return this.at(this.store.newest());
  }

  newestAppConsistent(): RecoveryPoint | null {
    return this.at(this.store.newestAppConsistent());
  }

  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): RecoveryPoint | null {
    return this.at(this.store.newestRetainedAtOrBefore(latestSourceSec, nowSec));
  }

  private at(point: PointRef | null): RecoveryPoint | null {
    return point === null ? null : this.added.get(point.sourceTimeSec)!;
  }
}
