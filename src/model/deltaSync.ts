import type { Environment } from '../engine/environment.js';
import type { Workload } from './churn/workload.js';
import type { Stream } from './fluid/stream.js';
import type { DeltaSync } from './policies/pointPolicy.js';
import { PRIORITY } from './priorities.js';
import type { ReplicationDomain } from './replicationDomain.js';

/**
 * Feeds a stream with snapshot deltas instead of every write (vSphere Replication, Veeam replication): the first
 * instance is the initial copy; at each later sync start, the unique share of what the workload wrote since
 * the previous start goes into the stream at once, with the instance's tag after it. When the transfer has
 * completed (the stream has drained), the product's scheduler picks the next start.
 */
export class DeltaSyncSource {
  private lastStartSec = Number.NaN;
  private lastWrittenBytes = 0;

  constructor(
    private readonly env: Environment,
    private readonly domain: ReplicationDomain,
    private readonly stream: Stream,
    private readonly workload: Workload,
    private readonly sync: DeltaSync,
    private readonly horizonSec: number,
  ) {
    stream.workloadSource = (t) => workload.writtenAt(t);
    domain.onStarted(stream, this.started);
  }

  /** The stream started with the initial copy: that is the first instance, fixed now. */
  private readonly started = (nowSec: number): void => {
    this.instance(nowSec);
  };

  /** The last instance's transfer completed: schedule the next sync. */
  private readonly drained = (nowSec: number): void => {
    const nextSec = this.sync.nextStartSec(this.lastStartSec, nowSec);
    if (nextSec < this.horizonSec) this.env.scheduleAt(Math.max(nowSec, nextSec), this.syncNow, PRIORITY.stateChange);
  };

  private readonly syncNow = (): void => {
    if (this.stream.stoppedSec !== null) return;
    const nowSec = this.env.now;
    const written = this.workload.writtenAt(nowSec);
    this.domain.anchor(this.stream);
    this.stream.burst(nowSec, this.sync.uniqueFraction * (written - this.lastWrittenBytes));
    this.instance(nowSec);
  };

  private instance(nowSec: number): void {
    this.lastStartSec = nowSec;
    this.lastWrittenBytes = this.workload.writtenAt(nowSec);
    this.stream.tag(nowSec, this.sync.pointKind, this.lastWrittenBytes);
    this.domain.watch(this.stream, this.stream.written, this.drained);
  }
}
