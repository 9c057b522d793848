import type { Stream } from '../fluid/stream.js';

/**
 * A VM's writes: the sum of its churn components, wherever the VM runs. The workload feeds the stream that
 * replicates every write (none for products that copy snapshots, which read writtenAt at each sync instead).
 */
export class Workload {
  private readonly componentRates: Float64Array;
  rateBytesPerSec = 0;
  private written = 0;
  private anchorSec = 0;

  constructor(
    componentCount: number,
    private readonly stream: Stream | null,
  ) {
    this.componentRates = new Float64Array(componentCount);
  }

  /** Bytes written since time 0, at t (at or after the last change). */
  writtenAt(t: number): number {
    return this.written + this.rateBytesPerSec * (t - this.anchorSec);
  }

  /** Sets one component's rate; returns the stream it feeds (null: none). */
  setComponentRate(nowSec: number, component: number, bytesPerSec: number): Stream | null {
    this.written = this.writtenAt(nowSec);
    this.anchorSec = nowSec;
    this.componentRates[component] = bytesPerSec;
    let sum = 0;
    for (let k = 0; k < this.componentRates.length; k++) sum += this.componentRates[k]!;
    this.rateBytesPerSec = sum;
    this.stream?.setChurnRate(nowSec, sum);
    return this.stream;
  }

  burst(nowSec: number, bytes: number): Stream | null {
    this.written = this.writtenAt(nowSec) + bytes;
    this.anchorSec = nowSec;
    this.stream?.burst(nowSec, bytes);
    return this.stream;
  }
}
