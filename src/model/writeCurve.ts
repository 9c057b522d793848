/**
 * The cumulative bytes a VM has written, W(t), kept as breakpoints of a piecewise-linear curve (a burst is two
 * breakpoints at the same time). It answers "when was byte x written?", which turns a position in the
 * replication stream (bytes uploaded, a recovery point's tag) into a source time, and so into data loss.
 * Only the part of the curve at or after the oldest position still asked about is kept.
 * NOTE: flat growable typed arrays; one curve per VM lives for the whole run.
 */
export class WriteCurve {
  private times = new Float64Array(64);
  private bytes = new Float64Array(64);
  private head = 0;
  private tail = 0;

  /** Records that W(timeSec) = writtenBytes; call before every change of the write rate and around bursts. */
  append(timeSec: number, writtenBytes: number): void {
    if (this.tail > this.head) {
      const last = this.tail - 1;
      // A breakpoint that adds nothing (same time and bytes) is skipped: rate changes at one instant pile up.
      if (this.times[last] === timeSec && this.bytes[last] === writtenBytes) return;
    }
    if (this.tail === this.times.length) this.grow();
    this.times[this.tail] = timeSec;
    this.bytes[this.tail] = writtenBytes;
    this.tail++;
  }

  /**
   * The source time of byte position x: inf{ s : W(s) > x }, i.e. the instant up to which everything before
   * position x had been written. When every written byte is at or below x, that instant is `nowSec`.
   * `rateNow` is the write rate since the last breakpoint.
   */
  sourceTimeOf(x: number, nowSec: number, writtenNow: number, rateNow: number): number {
    if (x >= writtenNow) return nowSec;
    const lo = this.firstAbove(x);
    if (lo === this.tail) {
      // In the open segment after the last breakpoint.
      const t0 = this.times[this.tail - 1]!;
      const w0 = this.bytes[this.tail - 1]!;
      return rateNow > 0 ? Math.min(nowSec, t0 + (x - w0) / rateNow) : nowSec;
    }
    if (lo === this.head) return this.times[lo]!;
    const t0 = this.times[lo - 1]!;
    const t1 = this.times[lo]!;
    if (t1 === t0) return t1;
    const w0 = this.bytes[lo - 1]!;
    const w1 = this.bytes[lo]!;
    return t0 + ((x - w0) * (t1 - t0)) / (w1 - w0);
  }

  /** Calls visit(timeSec, bytes) on each breakpoint with fromBytes < bytes ≤ toBytes, in curve order. */
  forEachBreakpointIn(fromBytes: number, toBytes: number, visit: (timeSec: number, bytes: number) => void): void {
    for (let k = this.firstAbove(fromBytes); k < this.tail && this.bytes[k]! <= toBytes; k++) visit(this.times[k]!, this.bytes[k]!);
  }

  /** Forgets breakpoints no longer needed to answer sourceTimeOf(y) for any y >= x. */
  forgetBelow(x: number): void {
    while (this.tail - this.head > 1 && this.bytes[this.head + 1]! <= x) this.head++;
    if (this.head > 1024 && this.head * 2 > this.tail) this.compact();
  }

  /** W just after timeSec (after every jump at timeSec), for a time within the kept breakpoints or after them. */
  bytesAt(timeSec: number, writtenNow: number, rateNow: number): number {
    // The last breakpoint at or before timeSec, by binary search on time.
    let lo = this.head;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! <= timeSec) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < this.head) return this.tail > this.head ? this.bytes[this.head]! : 0;
    if (k === this.tail - 1) return Math.min(writtenNow, this.bytes[k]! + rateNow * (timeSec - this.times[k]!));
    const t0 = this.times[k]!;
    const t1 = this.times[k + 1]!;
    const w0 = this.bytes[k]!;
    return t1 === t0 ? w0 : w0 + ((this.bytes[k + 1]! - w0) * (timeSec - t0)) / (t1 - t0);
  }

  /** Forgets breakpoints no longer needed to answer bytesAt(t) for any t ≥ timeSec. */
  forgetBeforeTime(timeSec: number): void {
    while (this.tail - this.head > 1 && this.times[this.head + 1]! <= timeSec) this.head++;
    if (this.head > 1024 && this.head * 2 > this.tail) this.compact();
  }

  get breakpoints(): number {
    return this.tail - this.head;
  }

  /** Index of the first kept breakpoint with bytes > x (tail if none), by binary search. */
  private firstAbove(x: number): number {
    let lo = this.head;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bytes[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private compact(): void {
    this.times.copyWithin(0, this.head, this.tail);
    this.bytes.copyWithin(0, this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
  }

  private grow(): void {
    if (this.head > 0) return this.compact();
    const times = new Float64Array(this.times.length * 2);
    const bytes = new Float64Array(this.bytes.length * 2);
    times.set(this.times);
    bytes.set(this.bytes);
    this.times = times;
    this.bytes = bytes;
  }
}
