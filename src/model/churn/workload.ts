import { storeAsDoubles } from '../../engine/doubleFields.js';
import type { Stream } from '../fluid/stream.js';
import type { ReplicationDomain } from '../replicationDomain.js';

/** The stream a workload feeds, in its domain. */
export interface FeedTarget {
  stream: Stream;
  domain: ReplicationDomain;
}

/**
 * A VM's writes: the sum of its churn components, wherever the VM runs. The workload feeds the stream that
 * currently replicates every write: the forward stream, then after a failover nothing until the reverse leg's
 * resync starts, and so on through the cycle (none at all for products that copy snapshots, which read
 * writtenAt at each sync instead).
 */
export class Workload {
  private readonly componentRates: Float64Array;
  rateBytesPerSec = 0;
  private written = 0;
  private anchorSec = 0;

  constructor(
    componentCount: number,
    /** The stream fed now, or null: writes accumulate as changes no replica has. */
    public target: FeedTarget | null,
  ) {
    storeAsDoubles(this, 'rateBytesPerSec', 'written', 'anchorSec');
    this.componentRates = new Float64Array(componentCount);
  }

  /** Bytes written since time 0, at t (at or after the last change). */
  writtenAt(t: number): number {
    return this.written + this.rateBytesPerSec * (t - this.anchorSec);
  }

  /** From now on, writes go into `target` (anchored now), at the current rate. */
  feed(nowSec: number, target: FeedTarget | null): void {
    this.target = target;
    if (target === null) return;
    target.domain.anchor(target.stream);
    target.stream.setChurnRate(nowSec, this.rateBytesPerSec);
    target.domain.markDirty(target.stream);
    target.domain.requestRecompute();
  }

  /** Sets one component's rate, and the fed stream's. */
  setComponentRate(nowSec: number, component: number, bytesPerSec: number): void {
    this.written = this.writtenAt(nowSec);
    this.anchorSec = nowSec;
    this.componentRates[component] = bytesPerSec;
    let sum = 0;
    for (let k = 0; k < this.componentRates.length; k++) sum += this.componentRates[k]!;
    this.rateBytesPerSec = sum;
    this.changeTarget((stream) => stream.setChurnRate(nowSec, sum));
  }

  burst(nowSec: number, bytes: number): void {
    this.written = this.writtenAt(nowSec) + bytes;
    this.anchorSec = nowSec;
    this.changeTarget((stream) => stream.burst(nowSec, bytes));
  }

  /** The fed stream is anchored before the change and shared again after it. */
  private changeTarget(change: (stream: Stream) => void): void {
    const target = this.target;
    if (target === null) return;
    target.domain.anchor(target.stream);
    change(target.stream);
    target.domain.markDirty(target.stream);
    target.domain.requestRecompute();
  }
}
