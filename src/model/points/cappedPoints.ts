import { PointList, type PointKind } from './pointList.js';
import type { PointRef, PointStore } from './pointStore.js';

/**
 * A rule that keeps a bounded set of points chosen over the whole list (vSphere Replication's slots, Veeam's
 * restore-point count): given every point's source time, oldest first, and the time, which ones stay. Once a
 * point is dropped it never comes back (later points and later times only drop more).
 */
export type CapRule = (sourcesSec: readonly number[], nowSec: number) => boolean[];

/**
 * Points under a cap rule; the newest point and the newest app-consistent point are always kept. A handful of
 * points, so every question is a scan.
 */
export class CappedPoints implements PointStore {
  private readonly list = new PointList();
  created = 0;

  constructor(private readonly rule: CapRule) {}

  add(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    this.list.push(sourceSec, workloadBytes, usableSec, kind, 0);
    this.created++;
  }

  newest(): PointRef | null {
    return this.ref(this.list.length - 1);
  }

  newestAppConsistent(): PointRef | null {
    return this.ref(this.newestAppIndex());
  }

  newestRetainedAtOrBefore(latestSourceSec: number, nowSec: number): PointRef | null {
    const kept = this.kept(nowSec);
    for (let i = this.list.length - 1; i >= 0; i--) if (kept[i] && this.list.sourceSec(i) <= latestSourceSec) return this.ref(i);
    return null;
  }

  oldestRetained(nowSec: number): PointRef | null {
    const kept = this.kept(nowSec);
    for (let i = 0; i < this.list.length; i++) if (kept[i]) return this.ref(i);
    return null;
  }

  retainedCount(nowSec: number): number {
    return this.kept(nowSec).filter(Boolean).length;
  }

  prune(nowSec: number): void {
    const kept = this.kept(nowSec);
    this.list.retain((i) => kept[i]!);
  }

  keepOnly(point: PointRef, usableSec: number): void {
    this.list.clear();
    this.list.push(point.sourceTimeSec, point.workloadBytes, usableSec, point.kind, 0);
  }

  /** The rule's answer, with the newest point and the newest app-consistent point always kept. */
  private kept(nowSec: number): boolean[] {
    const sources = Array.from({ length: this.list.length }, (_, i) => this.list.sourceSec(i));
    const kept = this.rule(sources, nowSec);
    if (kept.length > 0) kept[kept.length - 1] = true;
    const app = this.newestAppIndex();
    if (app >= 0) kept[app] = true;
    return kept;
  }

  private newestAppIndex(): number {
    let i = this.list.length - 1;
    while (i >= 0 && this.list.kind(i) !== 'app-consistent') i--;
    return i;
  }

  private ref(i: number): PointRef | null {
    if (i < 0) return null;
    return { sourceTimeSec: this.list.sourceSec(i), workloadBytes: this.list.workloadBytes(i), kind: this.list.kind(i) };
  }
}
