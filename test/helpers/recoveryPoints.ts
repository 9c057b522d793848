import { asrGridRule } from '../../src/model/policies/asrGrid.js';
import type { PointKind } from '../../src/model/points/pointList.js';
import { RetainedPoints } from '../../src/model/points/retainedPoints.js';

export type { PointKind };

export interface RecoveryPoint {
  sourceTimeSec: number;
  streamBytes: number;
  kind: PointKind;
  usableSec: number;
}

/** ASR retention over RetainedPoints, handing back the very objects added (tests compare identities). */
export class RecoveryPoints {
  private readonly store: RetainedPoints;
  private readonly added = new Map<number, RecoveryPoint>();

  constructor(retentionSec: number) {
    this.store = new RetainedPoints(asrGridRule(retentionSec));
  }

  get created(): number {
    return this.store.created;
  }

  add(point: RecoveryPoint): void {
    this.store.add(point.sourceTimeSec, point.streamBytes, point.streamBytes, point.usableSec, point.kind);
    this.added.set(point.sourceTimeSec, point);
  }

  prune(nowSec: number): void {
    this.store.prune(nowSec);
  }

  retainedAt(nowSec: number): RecoveryPoint[] {
    return this.store.retainedAt(nowSec).map((i) => this.at(i)!);
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

  private at(i: number): RecoveryPoint | null {
    return i < 0 ? null : this.added.get(this.store.list.sourceSec(i))!;
  }
}
