import type { VmSpec } from '../scenario/types.js';
import { GrowableSeries } from './growableSeries.js';
import { ProcessingHistory } from './processingHistory.js';
import { RecoveryPoints, type PointKind, type RecoveryPoint } from './recoveryPoints.js';
import { timeResolutionSec } from './timeResolution.js';
import { WriteCurve } from './writeCurve.js';

/**
 * One VM's replication stream as a fluid: cumulative bytes written at the source (W), taken by the process
 * server into its cache (S), uploaded to Azure (U) and processed there (P). Every stage is FIFO, so a stream
 * position has one source time (WriteCurve) and recovery-point tags are positions in the stream.
 *
 * Rates are constant between the events that the replication domain schedules, so advancing is exact
 * arithmetic; the domain guarantees that no queue empties between two advances.
 */
export class VmReplication {
  /** Whether the stream has started (initial replication began, or the VM was protected at start). */
  active = false;
  /** When replication was stopped for good (the VM failed over, or its failover was cancelled); null = running. */
  stoppedSec: number | null = null;
  written = 0;
  ingested = 0;
  uploaded = 0;
  /** Processed bytes of an undelayed processor; applied bytes are this, D seconds later. */
  processed = 0;

  churnRate = 0;
  ingestRate = 0;
  uploadRate = 0;
  lastSec = 0;

  initialReplicationBytes = 0;
  initialReplicationDoneSec: number | null = null;
  firstPointSec: number | null = null;

  readonly points: RecoveryPoints;
  /** (usable time, source time) of every point as it became usable: the RPO sawtooth. */
  readonly rpoSteps = new GrowableSeries();
  /**
   * With measureLag: (time, lag) breakpoints of the replication lag t − W⁻¹(U(t)) from the end of initial
   * replication on, linear between consecutive entries; two entries at one time are a jump.
   */
  readonly lagSteps: GrowableSeries | null;

  peakSourceBacklog = 0;
  peakCache = 0;
  peakUnuploaded = 0;
  /** Set by the replication domain: the VM's process server is throttling it (bitmap mode at the source). */
  throttled = false;
  throttledSec = 0;

  private readonly componentRates: number[];
  private readonly curve = new WriteCurve();
  private readonly history: ProcessingHistory;
  // Tags not yet processed (FIFO), then tags processed but not yet applied (FIFO, usable after the delay).
  private pendingTags: RecoveryPoint[] = [];
  private pendingHead = 0;
  private inFlight: RecoveryPoint[] = [];
  private inFlightHead = 0;

  constructor(
    readonly spec: VmSpec,
    readonly index: number,
    private readonly processingDelaySec: number,
    retentionSec: number,
    measureLag = false,
  ) {
    this.lagSteps = measureLag ? new GrowableSeries() : null;
    this.componentRates = spec.churn.map(() => 0);
    this.points = new RecoveryPoints(retentionSec);
    this.history = new ProcessingHistory(processingDelaySec);
  }

  /** Bytes below which a queue counts as empty: absorbs rounding in long sums of rate × time. */
  get tolerance(): number {
    return 1e-3 + this.written * 1e-12;
  }

  get sourceBacklog(): number {
    return this.written - this.ingested;
  }
  get cache(): number {
    return this.ingested - this.uploaded;
  }
  get unuploaded(): number {
    return this.written - this.uploaded;
  }
  get effectiveChurnRate(): number {
    return this.active ? this.churnRate : 0;
  }

  /** Bytes applied in Azure at nowSec (the VM must have been advanced to nowSec). */
  appliedAt(nowSec: number): number {
    return Math.min(this.uploaded, this.history.appliedAt(nowSec));
  }

  /** Source time of the newest data such that everything written before it is uploaded. */
  uploadedSourceTime(nowSec: number): number {
    return this.curve.sourceTimeOf(this.uploaded, nowSec, this.written, this.effectiveChurnRate);
  }

  /** Starts the replication stream: initial replication copies `bytes` first, stamped with the start time. */
  startStream(nowSec: number, bytes: number): void {
    if (this.stoppedSec !== null) return;
    this.advance(nowSec);
    this.active = true;
    this.initialReplicationBytes = bytes;
    this.curve.append(nowSec, this.written);
    this.written += bytes;
    this.curve.append(nowSec, this.written);
    if (bytes === 0) this.finishInitialReplication(nowSec);
  }

  /**
   * Stops replication for good: no more writes are captured, no tags are placed, and tags not yet usable are
   * dropped, so no recovery point is created after this instant (a cancelled failover leaves the VM unprotected).
   */
  stop(nowSec: number): void {
    this.advance(nowSec);
    this.active = false;
    this.stoppedSec = nowSec;
    this.pendingTags = [];
    this.pendingHead = 0;
    this.inFlight = [];
    this.inFlightHead = 0;
    this.setRates(0, 0);
  }

  setChurnComponentRate(nowSec: number, component: number, bytesPerSec: number): void {
    this.advance(nowSec);
    this.componentRates[component] = bytesPerSec;
    let sum = 0;
    for (const rate of this.componentRates) sum += rate;
    this.churnRate = sum;
    if (this.active) this.curve.append(nowSec, this.written);
  }

  burst(nowSec: number, bytes: number): void {
    if (!this.active) return;
    this.advance(nowSec);
    this.curve.append(nowSec, this.written);
    this.written += bytes;
    this.curve.append(nowSec, this.written);
    this.peakSourceBacklog = Math.max(this.peakSourceBacklog, this.sourceBacklog);
    this.peakUnuploaded = Math.max(this.peakUnuploaded, this.unuploaded);
  }

  /** Places a recovery-point tag at the current end of the stream; an app-consistent tag at the same instant as a crash-consistent one upgrades it. */
  tag(nowSec: number, kind: PointKind): void {
    if (!this.active) return;
    this.advance(nowSec);
    const last = this.pendingTags.length > this.pendingHead ? this.pendingTags[this.pendingTags.length - 1]! : null;
    if (last && last.sourceTimeSec === nowSec) {
      if (kind === 'app-consistent') last.kind = kind;
      return;
    }
    // A breakpoint at every tag makes "when was this position written" exact there: at a near-idle VM the
    // inverse of a tiny write rate would otherwise turn a rounding in bytes into seconds before the tag.
    this.curve.append(nowSec, this.written);
    this.pendingTags.push({ sourceTimeSec: nowSec, streamBytes: this.written, kind, usableSec: Infinity });
  }

  setRates(ingestRate: number, uploadRate: number): void {
    this.ingestRate = ingestRate;
    this.uploadRate = uploadRate;
  }

  /** Advances the stream to nowSec at the current rates and makes points usable whose time has come. */
  advance(nowSec: number): void {
    const fromSec = this.lastSec;
    const uploadedBefore = this.uploaded;
    const dt = nowSec - fromSec;
    if (this.active) {
      if (dt > 0) {
        this.written += this.churnRate * dt;
        this.ingested = Math.min(this.written, this.ingested + this.ingestRate * dt);
        this.uploaded = Math.min(this.ingested, this.uploaded + this.uploadRate * dt);
      }
      // Before processing: processing then reaches the exact end of an idle stream, where the tags sit.
      this.snapEmptyQueues(nowSec);
      if (dt > 0) {
        this.advanceProcessing(fromSec, nowSec, uploadedBefore);
        if (this.throttled) this.throttledSec += dt;
        this.peakSourceBacklog = Math.max(this.peakSourceBacklog, this.sourceBacklog);
        this.peakCache = Math.max(this.peakCache, this.cache);
        this.peakUnuploaded = Math.max(this.peakUnuploaded, this.unuploaded);
      }
    }
    if (dt > 0) this.lastSec = nowSec;
    if (dt > 0 && this.lagSteps !== null && this.lagSteps.length > 0) this.recordLag(fromSec, uploadedBefore, nowSec);
    if (this.active && this.initialReplicationDoneSec === null && this.uploaded >= this.initialReplicationBytes - this.slack(nowSec, this.uploadRate)) {
      // Exact: the domain schedules an event for the instant the initial copy is uploaded.
      this.finishInitialReplication(nowSec);
    }
    this.releaseAppliedPoints(nowSec);
  }

  private finishInitialReplication(nowSec: number): void {
    this.initialReplicationDoneSec = nowSec;
    this.pushLag(nowSec, nowSec - this.uploadedSourceTime(nowSec));
  }

  /**
   * Lag breakpoints of one step: U grew linearly from uploadedFrom, and W⁻¹ is linear between the write
   * curve's breakpoints, so the lag is linear between the instants U crosses them (at a crossing the lag is
   * t − that breakpoint's time; a flat stretch of W gives two crossings at one instant: a drop).
   */
  private recordLag(fromSec: number, uploadedFrom: number, toSec: number): void {
    const rate = (this.uploaded - uploadedFrom) / (toSec - fromSec);
    if (rate > 0) {
      this.curve.forEachBreakpointIn(uploadedFrom, this.uploaded, (sourceSec, bytes) => {
        const crossingSec = Math.min(toSec, fromSec + (bytes - uploadedFrom) / rate);
        this.pushLag(crossingSec, crossingSec - sourceSec);
      });
    }
    this.pushLag(toSec, toSec - this.uploadedSourceTime(toSec));
  }

  private pushLag(timeSec: number, lagSec: number): void {
    const steps = this.lagSteps;
    if (steps === null) return;
    const last = steps.length - 1;
    const t = last >= 0 ? Math.max(timeSec, steps.x[last]!) : timeSec; // rounding must not step back in time
    const lag = Math.max(0, lagSec);
    if (last >= 0 && steps.x[last] === t && steps.y[last] === lag) return;
    steps.push(t, lag);
  }

  /** Bytes that count as nothing: rounding in long sums of rate × time, and what flows within the clock's resolution. */
  private slack(nowSec: number, rate: number): number {
    return this.tolerance + Math.abs(rate) * timeResolutionSec(nowSec);
  }

  private snapEmptyQueues(nowSec: number): void {
    if (this.written - this.ingested <= this.slack(nowSec, this.ingestRate)) this.ingested = this.written;
    if (this.ingested - this.uploaded <= this.slack(nowSec, this.uploadRate)) this.uploaded = this.ingested;
  }

  /** Time until the next instant at which this VM's demand on its process server or uplink changes. */
  secondsToNextChange(): number {
    if (!this.active) return Infinity;
    const tolerance = this.tolerance;
    let next = Infinity;
    const backlogRate = this.churnRate - this.ingestRate;
    if (this.sourceBacklog > tolerance && backlogRate < 0) next = Math.min(next, this.sourceBacklog / -backlogRate);
    const cacheRate = this.ingestRate - this.uploadRate;
    if (this.cache > tolerance && cacheRate < 0) next = Math.min(next, this.cache / -cacheRate);
    if (this.initialReplicationDoneSec === null && this.uploadRate > 0) {
      next = Math.min(next, Math.max(0, this.initialReplicationBytes - this.uploaded) / this.uploadRate);
    }
    return next;
  }

  forgetHistoryBefore(): void {
    this.curve.forgetBelow(this.uploaded);
  }

  private advanceProcessing(fromSec: number, toSec: number, uploadedBefore: number): void {
    const applyRate = this.spec.applyRateBytesPerSec;
    const upload = this.uploadRate;
    const dt = toSec - fromSec;
    const start = this.processed;
    let firstRate: number;
    let switchSec: number; // when the processing backlog empties (the rate changes to the upload rate)
    if (uploadedBefore - start > this.tolerance) {
      firstRate = applyRate;
      switchSec = upload < applyRate ? fromSec + (uploadedBefore - start) / (applyRate - upload) : Infinity;
    } else {
      firstRate = Math.min(upload, applyRate);
      switchSec = Infinity;
    }
    let end: number;
    if (switchSec >= toSec) {
      end = start + firstRate * dt;
    } else {
      const atSwitch = start + firstRate * (switchSec - fromSec);
      end = atSwitch + upload * (toSec - switchSec);
      this.history.record(switchSec, atSwitch);
    }
    this.processed = Math.min(this.uploaded, end);
    // Rounding must not leave the processor a hair short of the stream's end: a tag there would never cross.
    if (this.uploaded - this.processed <= this.tolerance) this.processed = this.uploaded;
    this.history.record(toSec, this.processed);
    this.processTagsUpTo(fromSec, toSec, start, firstRate, switchSec, upload);
  }

  /** Tags the processor passed in this step become usable one processing delay after the crossing. */
  private processTagsUpTo(fromSec: number, toSec: number, start: number, firstRate: number, switchSec: number, laterRate: number): void {
    const atSwitch = switchSec === Infinity ? Infinity : start + firstRate * (switchSec - fromSec);
    while (this.pendingHead < this.pendingTags.length) {
      const tag = this.pendingTags[this.pendingHead]!;
      // A tag at the end of an idle stream sits exactly at `uploaded`: processing reaches it because the
      // processed bytes are snapped to `uploaded` above, so no tolerance is needed here.
      if (tag.streamBytes > this.processed) break;
      let crossingSec: number;
      if (tag.streamBytes <= start) crossingSec = fromSec;
      else if (tag.streamBytes <= atSwitch) crossingSec = fromSec + (tag.streamBytes - start) / firstRate;
      else crossingSec = switchSec + (tag.streamBytes - atSwitch) / laterRate;
      crossingSec = Math.min(crossingSec, toSec); // rounding of the division must not pass the step's end
      tag.usableSec = Math.max(crossingSec, tag.sourceTimeSec) + this.processingDelaySec;
      this.inFlight.push(tag);
      this.pendingHead++;
    }
    if (this.pendingHead > 1024) {
      this.pendingTags = this.pendingTags.slice(this.pendingHead);
      this.pendingHead = 0;
    }
  }

  private releaseAppliedPoints(nowSec: number): void {
    while (this.inFlightHead < this.inFlight.length && this.inFlight[this.inFlightHead]!.usableSec <= nowSec) {
      const point = this.inFlight[this.inFlightHead++]!;
      this.points.add(point);
      this.rpoSteps.push(point.usableSec, point.sourceTimeSec);
      if (this.firstPointSec === null) this.firstPointSec = point.usableSec;
    }
    if (this.inFlightHead > 1024) {
      this.inFlight = this.inFlight.slice(this.inFlightHead);
      this.inFlightHead = 0;
    }
  }
}
