/**
 * The virtual time of a shared pool: V(t) = ∫ level dt, the bytes each member at the level has received since
 * time 0. A stream that follows the level has moved c·(V(t) − V(t₀)) since t₀, however often the level changed
 * in between, so a level change costs one breakpoint here instead of a visit to every member.
 *
 * Breakpoints (time, V) are kept from the oldest instant still asked about (trimBefore); V is linear between
 * them and after the newest at the current level.
 * NOTE: growable columns with a head index, like WriteCurve.
 */
export class LevelClock {
  private times = new Float64Array(64);
  private values = new Float64Array(64);
  private head = 0;
  private tail = 1;
  private levelNow = 0;

  get level(): number {
    return this.levelNow;
  }

  /** The level changes at nowSec (≥ the newest breakpoint). */
  setLevel(nowSec: number, level: number): void {
    if (level === this.levelNow) return;
    const v = this.valueAt(nowSec);
    const last = this.tail - 1;
    if (this.times[last] === nowSec) {
      this.values[last] = v;
    } else {
      if (this.tail === this.times.length) this.grow();
      this.times[this.tail] = nowSec;
      this.values[this.tail] = v;
      this.tail++;
    }
    this.levelNow = level;
  }

  /** V(t) for t at or after the oldest breakpoint kept. */
  valueAt(t: number): number {
    const last = this.tail - 1;
    const tLast = this.times[last]!;
    if (t >= tLast) return this.values[last]! + (t > tLast ? this.levelNow * (t - tLast) : 0);
    const k = this.segmentOf(t);
    const t0 = this.times[k]!;
    const t1 = this.times[k + 1]!;
    const v0 = this.values[k]!;
    return t1 === t0 ? v0 : v0 + ((this.values[k + 1]! - v0) * (t - t0)) / (t1 - t0);
  }

  /**
   * The first instant at or after fromSec at which V reaches v (V is non-decreasing; Infinity when it never
   * does at the current level).
   */
  timeAt(v: number, fromSec: number): number {
    const last = this.tail - 1;
    if (v <= this.valueAt(fromSec)) return fromSec;
    if (v >= this.values[last]!) {
      const tLast = Math.max(this.times[last]!, fromSec);
      const vLast = this.valueAt(tLast);
      if (v <= vLast) return tLast;
      return this.levelNow > 0 ? tLast + (v - vLast) / this.levelNow : Infinity;
    }
    // The first breakpoint with V ≥ v, by binary search; V is linear on the segment before it.
    let lo = this.segmentOf(fromSec) + 1;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! >= v) hi = mid;
      else lo = mid + 1;
    }
    const t0 = this.times[lo - 1]!;
    const v0 = this.values[lo - 1]!;
    const t1 = this.times[lo]!;
    const v1 = this.values[lo]!;
    const t = v1 === v0 ? t1 : t0 + ((v - v0) * (t1 - t0)) / (v1 - v0);
    return Math.max(fromSec, Math.min(t1, t));
  }

  /** Forgets breakpoints no longer needed to answer questions at or after t. */
  trimBefore(t: number): void {
    while (this.tail - this.head > 1 && this.times[this.head + 1]! <= t) this.head++;
  }

  /** Index of the segment [times[k], times[k+1]) holding t (t within the kept breakpoints). */
  private segmentOf(t: number): number {
    let lo = this.head;
    let hi = this.tail - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Compacts in place when at least half is consumed, else doubles. */
  private grow(): void {
    const kept = this.tail - this.head;
    if (kept * 2 <= this.times.length) {
      this.times.copyWithin(0, this.head, this.tail);
      this.values.copyWithin(0, this.head, this.tail);
    } else {
      const times = new Float64Array(this.times.length * 2);
      const values = new Float64Array(this.times.length * 2);
      times.set(this.times.subarray(this.head, this.tail));
      values.set(this.values.subarray(this.head, this.tail));
      this.times = times;
      this.values = values;
    }
    this.tail = kept;
    this.head = 0;
  }
}
