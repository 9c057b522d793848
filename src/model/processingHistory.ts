/**
 * Cloud processing with a fixed delay D between upload and applied data. A constant-rate FIFO queue is time
 * invariant, so delaying its input by D delays its output by D: the data applied at t equals what an undelayed
 * processor had processed at t − D. We simulate the undelayed processor and keep its recent history (the last D
 * seconds) to answer "how much was applied at t".
 */
export class ProcessingHistory {
  private times: number[] = [0];
  private bytes: number[] = [0];
  private head = 0;

  constructor(private readonly delaySec: number) {}

  record(timeSec: number, processedBytes: number): void {
    const last = this.times.length - 1;
    if (this.times[last] === timeSec) {
      this.bytes[last] = processedBytes;
      return;
    }
    this.times.push(timeSec);
    this.bytes.push(processedBytes);
    this.forgetBefore(timeSec - this.delaySec);
  }

  /** Bytes applied at nowSec (at or after the last record): the undelayed processed bytes at nowSec − D. */
  appliedAt(nowSec: number): number {
    const at = nowSec - this.delaySec;
    this.forgetBefore(at);
    const t0 = this.times[this.head]!;
    if (at <= t0 || this.head + 1 >= this.times.length) return at < t0 ? 0 : this.bytes[this.head]!;
    const t1 = this.times[this.head + 1]!;
    const b0 = this.bytes[this.head]!;
    const b1 = this.bytes[this.head + 1]!;
    return b0 + ((b1 - b0) * (at - t0)) / (t1 - t0);
  }

  /** Records older than the newest one at or before `at` are never needed again (time only moves forward). */
  private forgetBefore(at: number): void {
    while (this.head + 1 < this.times.length && this.times[this.head + 1]! <= at) this.head++;
    if (this.head > 4096) {
      this.times = this.times.slice(this.head);
      this.bytes = this.bytes.slice(this.head);
      this.head = 0;
    }
  }
}
