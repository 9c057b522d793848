import { makeRoom } from '../columnQueue.js';
import type { LevelClock } from './levelClock.js';

/**
 * Cloud processing with a fixed delay D between upload and applied data. A constant-rate FIFO queue is time
 * invariant, so delaying its input by D delays its output by D: the data applied at t equals what an undelayed
 * processor had processed at t − D. The stream runs the undelayed processor; this keeps its path back to D
 * before the newest anchor: one entry per anchor, the processor then moving linearly to the next entry, or
 * following a pool's virtual clock (factor × ΔV) while the stream's upload follows the level (linked).
 * NOTE: growable columns with a head index; entries older than needed are dropped on every record.
 */
export class ProcessedHistory {
  private times = new Float64Array(8);
  private bytes = new Float64Array(8);
  /** Bytes per unit of virtual time on the segment from this entry (0: linear to the next entry). */
  private factors = new Float64Array(8);
  private clockValues = new Float64Array(8);
  private head = 0;
  private tail = 0;

  constructor(
    private readonly delaySec: number,
    private readonly clock: LevelClock | null = null,
  ) {}

  /** Records P(timeSec) = processedBytes at an anchor (times non-decreasing). */
  record(timeSec: number, processedBytes: number): void {
    if (this.tail > this.head && this.times[this.tail - 1] === timeSec) {
      this.bytes[this.tail - 1] = processedBytes;
      this.factors[this.tail - 1] = 0;
      return;
    }
    if (this.tail === this.times.length) this.grow();
    this.times[this.tail] = timeSec;
    this.bytes[this.tail] = processedBytes;
    this.factors[this.tail] = 0;
    this.tail++;
    // Queries come at or after the newest record: nothing before the last entry at or before timeSec − D is needed.
    const oldestNeeded = timeSec - this.delaySec;
    while (this.head + 1 < this.tail && this.times[this.head + 1]! <= oldestNeeded) this.head++;
  }

  /** From the newest entry on, the processor follows the clock: factor bytes per unit of V from V = clockValue. */
  linkNewest(factor: number, clockValue: number): void {
    this.factors[this.tail - 1] = factor;
    this.clockValues[this.tail - 1] = clockValue;
  }

  /**
   * Processed bytes of the undelayed processor at atSec (≥ the oldest record kept, before the newest);
   * 0 before the first record.
   */
  processedAt(atSec: number): number {
    if (this.tail === this.head || atSec < this.times[this.head]!) return 0;
    let k = this.head;
    while (k + 1 < this.tail && this.times[k + 1]! <= atSec) k++;
    const b0 = this.bytes[k]!;
    if (this.factors[k]! > 0) {
      const followed = b0 + this.factors[k]! * (this.clock!.valueAt(atSec) - this.clockValues[k]!);
      return k + 1 < this.tail ? Math.min(followed, this.bytes[k + 1]!) : followed;
    }
    if (k + 1 === this.tail) return b0;
    const t0 = this.times[k]!;
    const t1 = this.times[k + 1]!;
    return t1 === t0 ? b0 : b0 + ((this.bytes[k + 1]! - b0) * (atSec - t0)) / (t1 - t0);
  }

  /** The oldest instant still needed (for trimming the clock). */
  get oldestSec(): number {
    return this.tail > this.head ? this.times[this.head]! : Infinity;
  }

  private grow(): void {
    [this.times, this.bytes, this.factors, this.clockValues] = makeRoom([this.times, this.bytes, this.factors, this.clockValues], this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
  }
}
