import { makeRoom } from '../columnQueue.js';

/**
 * The virtual time of a shared pool: V(t) = ∫ level dt, the bytes each member at the level has received since
 * time 0. A stream that follows the level has moved c·(V(t) − V(t₀)) since t₀, however often the level changed
 * in between, so a level change costs one breakpoint here instead of a visit to every member.
 *
 * Breakpoints (time, V, level from then on) are kept from the oldest instant still asked about (trimBefore).
 * Every answer is computed from the breakpoint at or before it and that breakpoint's level, the same way
 * whether later breakpoints exist yet or not: a question asked early and the same question asked later get
 * bit-identical answers, so that observing never changes a result.
 * NOTE: growable columns with a head index, like WriteCurve.
 */
export class LevelClock {
  private times = new Float64Array(64);
  private values = new Float64Array(64);
  private levels = new Float64Array(64);
  private head = 0;
  private tail = 1;

  get level(): number {
    return this.levels[this.tail - 1]!;
  }

  /** The level changes at nowSec (≥ the newest breakpoint). */
  setLevel(nowSec: number, level: number): void {
    const last = this.tail - 1;
    if (level === this.levels[last]) return;
    if (this.times[last] === nowSec) {
      this.levels[last] = level;
      return;
    }
    const v = this.valueAt(nowSec);
    if (this.tail === this.times.length) this.grow();
    this.times[this.tail] = nowSec;
    this.values[this.tail] = v;
    this.levels[this.tail] = level;
    this.tail++;
  }

  /** V(t) for t at or after the oldest breakpoint kept. */
  valueAt(t: number): number {
    const k = this.segmentOf(t);
    return t === this.times[k] ? this.values[k]! : this.values[k]! + this.levels[k]! * (t - this.times[k]!);
  }

  /**
   * The first instant at or after fromSec at which V reaches v (V is non-decreasing; Infinity when it never
   * does at the current level).
   */
  timeAt(v: number, fromSec: number): number {
    // The last breakpoint with V < v: V reaches v on its segment.
    let lo = this.tail - 1;
    // NOTE: a value past the newest breakpoint (a tag processing has not reached yet, asked at every look at a
    // congested stream) is on the newest segment, and V(fromSec) < v: neither search is needed.
    if (!(v > this.values[lo]! && fromSec <= this.times[lo]!)) {
      if (v <= this.valueAt(fromSec)) return fromSec;
      lo = this.segmentOf(fromSec);
      let hi = this.tail - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (this.values[mid]! < v) lo = mid;
        else hi = mid - 1;
      }
    }
    const level = this.levels[lo]!;
    if (level <= 0) return lo + 1 < this.tail ? this.times[lo + 1]! : Infinity;
    const t = this.times[lo]! + (v - this.values[lo]!) / level;
    return Math.max(fromSec, lo + 1 < this.tail ? Math.min(this.times[lo + 1]!, t) : t);
  }

  /** Forgets breakpoints no longer needed to answer questions at or after t. */
  trimBefore(t: number): void {
    while (this.tail - this.head > 1 && this.times[this.head + 1]! <= t) this.head++;
  }

  /** Index of the breakpoint at or before t (t within the kept breakpoints). */
  private segmentOf(t: number): number {
    let lo = this.head;
    let hi = this.tail - 1;
    if (t >= this.times[hi]!) return hi;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private grow(): void {
    [this.times, this.values, this.levels] = makeRoom([this.times, this.values, this.levels], this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
  }
}
