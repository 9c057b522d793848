import type { TagSeries } from '../policies/pointPolicy.js';
import type { PointKind } from './pointList.js';

/**
 * The instants at which a stream places recovery-point tags: the union of periodic series (every multiple of
 * each interval, from the stream's start on). Where series coincide, one tag is placed, of the kind of the
 * last such series (an app-consistent tag at a crash-consistent instant upgrades it). Instants are index ×
 * interval, never sums of intervals, so the 8,640th 5-minute tag is exactly 30 days.
 */
export class TagClock {
  private readonly indices: Float64Array;
  private nextSec = Infinity;
  private nextKind: PointKind = 'crash-consistent';

  constructor(private readonly series: readonly TagSeries[]) {
    this.indices = new Float64Array(series.length);
  }

  /** The next tag instant not yet taken (Infinity before start or after stop). */
  get peekSec(): number {
    return this.nextSec;
  }

  get peekKind(): PointKind {
    return this.nextKind;
  }

  /** Tags from startSec on (the first may be at startSec itself). */
  start(startSec: number): void {
    this.series.forEach(({ intervalSec }, j) => {
      let k = Math.ceil(startSec / intervalSec);
      while (k > 0 && (k - 1) * intervalSec >= startSec) k--;
      while (k * intervalSec < startSec) k++;
      this.indices[j] = k;
    });
    this.findNext();
  }

  /** Takes the next instant; peekSec then gives the one after. */
  take(): void {
    const taken = this.nextSec;
    for (let j = 0; j < this.series.length; j++) {
      if (this.indices[j]! * this.series[j]!.intervalSec === taken) this.indices[j]!++;
    }
    this.findNext();
  }

  stop(): void {
    this.nextSec = Infinity;
  }

  private findNext(): void {
    let next = Infinity;
    let kind: PointKind = 'crash-consistent';
    for (let j = 0; j < this.series.length; j++) {
      const at = this.indices[j]! * this.series[j]!.intervalSec;
      if (at <= next) {
        next = at;
        kind = this.series[j]!.kind;
      }
    }
    this.nextSec = next;
    this.nextKind = kind;
  }
}
