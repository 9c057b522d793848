import type { WriteCurve } from '../writeCurve.js';
import { PointList, type PointKind } from './pointList.js';
import type { PointRef, PointStore } from './pointStore.js';

/**
 * A journal of every write with a checkpoint every few seconds (Zerto; Veeam CDP's short-term points): every
 * checkpoint between the oldest the journal still holds and the newest usable one exists, so they are kept as
 * a range, not one by one. The journal reaches back at most `historySec`, and, with a hard limit, only as far as
 * it can hold the writes since: when it is full, the oldest checkpoints go and the history shrinks.
 * Tagged app-consistent checkpoints are kept as a list within the same range.
 */
export class JournalPoints implements PointStore {
  created = 0;
  private firstSourceSec = Number.NaN;
  private newestSourceSec = Number.NaN;
  private newestWorkloadBytes = 0;
  private newestKind: PointKind = 'crash-consistent';
  private readonly apps = new PointList();

  constructor(
    private readonly intervalSec: number,
    private readonly historySec: number,
    private readonly limitBytes: number | null,
    /** The workload's bytes over time, kept back to the oldest checkpoint (the journal's contents). */
    private readonly workload: { curve: WriteCurve; writtenAt(t: number): number; rate(): number },
  ) {}

  add(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    if (Number.isNaN(this.firstSourceSec)) this.firstSourceSec = sourceSec;
    this.newestSourceSec = sourceSec;
    this.newestWorkloadBytes = workloadBytes;
    this.newestKind = kind;
    if (kind === 'app-consistent') this.apps.push(sourceSec, workloadBytes, usableSec, kind, 0);
    this.created++;
  }

  newest(): PointRef | null {
    if (Number.isNaN(this.newestSourceSec)) return null;
    return { sourceTimeSec: this.newestSourceSec, workloadBytes: this.newestWorkloadBytes, kind: this.newestKind };
  }

  newestAppConsistent(): PointRef | null {
    const i = this.apps.length - 1;
    return i < 0 ? null : { sourceTimeSec: this.apps.sourceSec(i), workloadBytes: this.apps.workloadBytes(i), kind: 'app-consistent' };
  }

  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): PointRef | null {
    if (Number.isNaN(this.newestSourceSec)) return null;
    if (latestSourceSec >= this.newestSourceSec) return this.newest();
    const oldest = this.oldestSourceSec(nowSec);
    const checkpoint = Math.floor(latestSourceSec / this.intervalSec) * this.intervalSec;
    if (checkpoint < oldest) return null;
    const app = this.appAt(checkpoint);
    return { sourceTimeSec: checkpoint, workloadBytes: this.bytesAt(checkpoint), kind: app ? 'app-consistent' : 'crash-consistent' };
  }

  oldestRetained(nowSec: number): PointRef | null {
    if (Number.isNaN(this.newestSourceSec)) return null;
    const oldest = this.oldestSourceSec(nowSec);
    if (oldest >= this.newestSourceSec) return this.newest();
    return { sourceTimeSec: oldest, workloadBytes: this.bytesAt(oldest), kind: this.appAt(oldest) ? 'app-consistent' : 'crash-consistent' };
  }

  retainedCount(nowSec: number): number {
    if (Number.isNaN(this.newestSourceSec)) return 0;
    return Math.round((this.newestSourceSec - this.oldestSourceSec(nowSec)) / this.intervalSec) + 1;
  }

  prune(nowSec: number): void {
    if (Number.isNaN(this.newestSourceSec)) return;
    const oldest = this.oldestSourceSec(nowSec);
    const newestApp = this.apps.length - 1;
    this.apps.retain((i) => i === newestApp || this.apps.sourceSec(i) >= oldest);
    this.workload.curve.forgetBeforeTime(oldest);
  }

  keepOnly(point: PointRef, usableSec: number): void {
    this.firstSourceSec = this.newestSourceSec = point.sourceTimeSec;
    this.newestWorkloadBytes = point.workloadBytes;
    this.newestKind = point.kind;
    this.apps.clear();
    if (point.kind === 'app-consistent') this.apps.push(point.sourceTimeSec, point.workloadBytes, usableSec, point.kind, 0);
  }

  /**
   * The oldest checkpoint the journal holds at nowSec: within the history, and (with a hard limit) no further
   * back than the writes the journal can hold; never past the newest. The journal holds what has arrived at the
   * target, so its contents are the writes between its oldest checkpoint and its newest: data still on its way
   * (a backlog at the source) takes no journal space yet.
   */
  oldestSourceSec(nowSec: number): number {
    let oldest = Math.max(this.firstSourceSec, nowSec - this.historySec);
    if (this.limitBytes !== null) {
      const writtenNow = this.workload.writtenAt(nowSec);
      const full = this.workload.curve.sourceTimeOf(this.newestWorkloadBytes - this.limitBytes, nowSec, writtenNow, this.workload.rate());
      oldest = Math.max(oldest, full);
    }
    const onGrid = Math.ceil(oldest / this.intervalSec - 1e-9) * this.intervalSec;
    return Math.min(this.newestSourceSec, Math.max(this.firstSourceSec, onGrid));
  }

  private bytesAt(timeSec: number): number {
    return this.workload.curve.bytesAt(timeSec, this.workload.writtenAt(timeSec), this.workload.rate());
  }

  private appAt(sourceSec: number): boolean {
    for (let i = this.apps.length - 1; i >= 0; i--) {
      const s = this.apps.sourceSec(i);
      if (s === sourceSec) return true;
      if (s < sourceSec) return false;
    }
    return false;
  }
}
