import { storeAsDoubles } from '../../engine/doubleFields.js';
import { RpoAccumulator } from '../../metrics/rpoAccumulator.js';
import { GrowableSeries } from '../growableSeries.js';
import type { PointPolicy, WorkloadView } from '../policies/pointPolicy.js';
import type { PointKind } from '../points/pointList.js';
import type { PointStore } from '../points/pointStore.js';
import { TagClock } from '../points/tagClock.js';
import { TagQueue } from '../points/tagQueue.js';
import { timeResolutionSec } from '../timeResolution.js';
import { WriteCurve } from '../writeCurve.js';
import type { LevelClock } from './levelClock.js';
import { ProcessedHistory } from './processedHistory.js';

/** What a stream needs to know about where it runs. */
export interface StreamSettings {
  /** Upload → applied data at the receiver (ASR: about 5 minutes). */
  processingDelaySec: number;
  policy: PointPolicy;
  warmupSec: number;
  /** RPO alerts are raised once the RPO has been above the threshold this long. */
  rpoAlertAfterSec: number;
  measureLag: boolean;
  /** Keep the RPO's largest value in each day (RpoSummary.peakPerDaySec). */
  dailyPeaks: boolean;
}

/**
 * One VM's replication stream on one leg, as a fluid: cumulative bytes written into the stream (W), taken by
 * the sender into its cache (S), uploaded (U) and processed at the receiver (P, undelayed: applied data is P
 * one processing delay later). Every stage is FIFO, so a stream position has one source time (WriteCurve) and
 * recovery-point tags are positions in the stream.
 *
 * State is *anchored*: the replication domain sets the stream's rates and guarantees they stay constant, and
 * that no queue empties, until it anchors the stream again (advanceTo) at the stream's next change. Between
 * anchors every position is exact arithmetic from the anchor, so observers (disasters, samples) evaluate the
 * stream without touching its state, and observing never changes a result.
 *
 * Tags are placed lazily: the tag at instant t is W(t) after all changes at t, known from the anchor, so it
 * is materialised whenever the stream is next looked at, with no event for the tag itself.
 *
 * A stream whose upload gets the uplink's fair-share level, and whose processing keeps up with its upload, is
 * *linked* to the uplink's virtual clock: between anchors it has uploaded (and processed) linkFactor × (V(t) −
 * V at the anchor), so the level can change any number of times without the stream being touched.
 */
export class Stream {
  /** Whether the stream has started (initial copy begun, or protected from the start). */
  active = false;
  /** When replication was stopped for good (failed over, or failover cancelled); null = running. */
  stoppedSec: number | null = null;

  anchorSec = 0;
  written = 0;
  ingested = 0;
  uploaded = 0;
  /** Processed bytes of the undelayed processor. */
  processed = 0;
  /** Source bytes uploaded per unit of the uplink's virtual time while linked; 0 = not linked. */
  linkFactor = 0;
  /** The uplink's virtual time at the anchor, while linked. */
  linkValue = 0;
  /** The workload's write rate, whether or not the stream captures it. */
  workloadRate = 0;
  ingestRate = 0;
  uploadRate = 0;
  processRate = 0;
  /** Set by the domain: the sender is throttling this stream (bitmap mode at the source). */
  throttled = false;
  throttledSec = 0;

  /** A position the domain waits for processing to reach (a resync completed, a transfer drained); Infinity: none. */
  watchedPosition = Infinity;

  /** Bytes copied first (initial replication or resync), not written by the workload. */
  chunkBytes = 0;
  initialReplicationBytes = 0;
  initialReplicationDoneSec: number | null = null;
  firstPointSec: number | null = null;
  /** The first instant a point became usable while still within the RPO threshold (the RPO is back under it). */
  firstTimelyPointSec: number | null = null;

  peakSourceBacklog = 0;
  peakCache = 0;
  peakUnuploaded = 0;

  readonly points: PointStore;
  readonly rpo: RpoAccumulator;
  /**
   * With measureLag: (time, lag) breakpoints of the replication lag t − W⁻¹(U(t)) from the end of the initial
   * copy on, linear between consecutive entries; two entries at one time are a jump.
   */
  readonly lagSteps: GrowableSeries | null;
  /** The stream position whose source time the last lag step read (U + tolerance at that anchor). */
  private lagReadBytes = 0;

  private readonly curve = new WriteCurve();
  /** The workload's bytes over time, kept only for point stores that answer for any past instant (journals). */
  private readonly workloadCurve: WriteCurve | null;
  private readonly history: ProcessedHistory;
  private readonly tagClock: TagClock;
  private readonly tags = new TagQueue();
  private readonly delaySec: number;
  private readonly thresholdSec: number;

  constructor(
    /** Index of the stream in its replication domain. */
    readonly index: number,
    settings: StreamSettings,
    /** The uplink's virtual clock, for linked streams (null: never linked). */
    private readonly clock: LevelClock | null = null,
  ) {
    storeAsDoubles(this, 'anchorSec', 'written', 'ingested', 'uploaded', 'processed', 'linkFactor', 'linkValue', 'workloadRate', 'ingestRate', 'uploadRate', 'processRate', 'throttledSec', 'chunkBytes', 'initialReplicationBytes', 'peakSourceBacklog', 'peakCache', 'peakUnuploaded', 'lagReadBytes');
    this.delaySec = settings.processingDelaySec;
    this.thresholdSec = settings.policy.rpoThresholdSec;
    this.workloadCurve = settings.policy.needsWorkloadHistory ? new WriteCurve() : null;
    const workload: WorkloadView = {
      curve: this.workloadCurve ?? new WriteCurve(),
      writtenAt: (t) => this.workloadWrittenAt(t),
      rate: () => this.churnRate,
    };
    this.points = settings.policy.createStore(workload);
    this.rpo = new RpoAccumulator(settings.warmupSec, settings.policy.rpoThresholdSec, settings.rpoAlertAfterSec, settings.dailyPeaks);
    this.tagClock = new TagClock(settings.policy.tagSeries);
    this.history = new ProcessedHistory(settings.processingDelaySec, clock);
    this.lagSteps = settings.measureLag ? new GrowableSeries() : null;
  }

  /** The rate at which the stream grows: the workload's while the stream runs, else nothing. */
  get churnRate(): number {
    return this.active ? this.workloadRate : 0;
  }

  // ── Positions, exact at any time at or after the anchor ──

  writtenAt(t: number): number {
    return this.written + this.churnRate * (t - this.anchorSec);
  }
  ingestedAt(t: number): number {
    return Math.min(this.writtenAt(t), this.ingested + this.ingestRate * (t - this.anchorSec));
  }
  uploadedAt(t: number): number {
    const moved = this.linkFactor > 0 ? this.linkFactor * (this.clock!.valueAt(t) - this.linkValue) : this.uploadRate * (t - this.anchorSec);
    return Math.min(this.ingestedAt(t), this.uploaded + moved);
  }
  processedAt(t: number): number {
    if (this.linkFactor > 0) return this.uploadedAt(t);
    return Math.min(this.uploadedAt(t), this.processed + this.processRate * (t - this.anchorSec));
  }
  /** Bytes applied at the receiver at t: what the undelayed processor had done at t − D. */
  appliedAt(t: number): number {
    const at = t - this.delaySec;
    const applied = at >= this.anchorSec ? this.processedAt(at) : this.history.processedAt(at);
    return Math.min(this.uploadedAt(t), applied);
  }
  /** Source time of the newest data such that everything written before it is uploaded. */
  uploadedSourceTime(t: number): number {
    // Within rounding of a position counts as there, as for a tag's crossing: the lag then never exceeds the RPO.
    return this.curve.sourceTimeOf(this.uploadedAt(t) + this.tolerance, t, this.writtenAt(t), this.churnRate);
  }
  /**
   * What the workload had written by t, on the same scale as the workloadBytes of this stream's points: the
   * stream without its copied chunks, or the VM's own count when the stream carries snapshot deltas instead.
   */
  workloadWrittenAt(t: number): number {
    return this.workloadSource === null ? this.writtenAt(t) - this.chunkBytes : this.workloadSource(t);
  }

  /** The VM's own count of written bytes, when the stream does not carry every write (delta syncs). */
  workloadSource: ((t: number) => number) | null = null;

  // At the anchor (what the domain shares rates on).
  get sourceBacklog(): number {
    return this.written - this.ingested;
  }
  get cache(): number {
    return this.ingested - this.uploaded;
  }
  get unprocessed(): number {
    return this.uploaded - this.processed;
  }
  get unuploaded(): number {
    return this.written - this.uploaded;
  }

  /** Bytes below which a queue counts as empty: absorbs rounding in long sums of rate × time. */
  get tolerance(): number {
    return 1e-3 + this.written * 1e-12;
  }

  // ── Changes (each at the current instant, after anchoring) ──

  /** Starts the stream: `bytes` (initial replication, a resync) are copied first, stamped with the start time. */
  start(nowSec: number, bytes: number): void {
    if (this.stoppedSec !== null) return;
    this.advanceTo(nowSec);
    this.active = true;
    this.curve.append(nowSec, this.written);
    this.written += bytes;
    this.chunkBytes += bytes;
    this.initialReplicationBytes = this.uploaded + bytes;
    this.curve.append(nowSec, this.written);
    this.workloadCurve?.append(nowSec, this.written - this.chunkBytes);
    this.history.record(nowSec, this.processed);
    this.tagClock.start(nowSec);
    this.notePeaks();
    if (bytes === 0) this.finishInitialReplication(nowSec);
  }

  /**
   * Stops replication for good: no more writes are captured, no tags are placed, and tags not yet usable are
   * dropped, so no recovery point is created after this instant (a cancelled failover leaves the VM unprotected).
   */
  stop(nowSec: number): void {
    this.advanceTo(nowSec);
    this.active = false;
    this.stoppedSec = nowSec;
    this.tagClock.stop();
    this.tags.clear();
    // The domain sets the rates to zero as the stream leaves the shares (streamStopped).
  }

  setChurnRate(nowSec: number, bytesPerSec: number): void {
    this.advanceTo(nowSec);
    this.workloadRate = bytesPerSec;
    if (this.active) {
      this.curve.append(nowSec, this.written);
      this.workloadCurve?.append(nowSec, this.written - this.chunkBytes);
    }
  }

  burst(nowSec: number, bytes: number): void {
    if (!this.active) return;
    this.advanceTo(nowSec);
    this.curve.append(nowSec, this.written);
    this.workloadCurve?.append(nowSec, this.written - this.chunkBytes);
    this.written += bytes;
    this.curve.append(nowSec, this.written);
    this.workloadCurve?.append(nowSec, this.written - this.chunkBytes);
    this.notePeaks();
  }

  /**
   * Places a tag now at the end of the stream, for products whose points are not periodic (a delta sync's
   * instance); `workloadBytes` is what the workload had written at the instance's time.
   */
  tag(nowSec: number, kind: 'crash-consistent' | 'app-consistent', workloadBytes: number): void {
    if (!this.active) return;
    this.advanceTo(nowSec);
    this.curve.append(nowSec, this.written);
    this.tags.place(nowSec, this.written, workloadBytes, kind);
  }

  setRates(ingestRate: number, uploadRate: number, processRate: number): void {
    this.ingestRate = ingestRate;
    this.uploadRate = uploadRate;
    this.processRate = processRate;
  }

  /**
   * From its anchor (now) on, the stream uploads factor × the uplink's level and processing keeps up: it
   * follows the virtual clock until it is next anchored.
   */
  link(factor: number): void {
    this.linkFactor = factor;
    this.linkValue = this.clock!.valueAt(this.anchorSec);
    this.history.linkNewest(factor, this.linkValue);
  }

  /** The instant of the next periodic tag not yet placed (Infinity before the stream starts, or after it stops). */
  get nextTagSec(): number {
    return this.tagClock.peekSec;
  }

  /** Position of the newest tag placed and not yet usable (-Infinity: none). */
  get newestTagPosition(): number {
    return this.tags.newestPosition;
  }

  /** The oldest instant this stream may still ask the uplink's clock about. */
  get oldestClockQuerySec(): number {
    return Math.min(this.linkFactor > 0 ? this.anchorSec : Infinity, this.history.oldestSec);
  }

  /**
   * Moves the anchor to nowSec at the current rates: the state there becomes the new anchor, queues within
   * rounding of empty are emptied, and tags and points due by then are settled.
   */
  advanceTo(nowSec: number): void {
    const fromSec = this.anchorSec;
    const dt = nowSec - fromSec;
    if (dt < 0) throw new RangeError(`stream ${this.index}: advance to ${nowSec} before its anchor ${fromSec}`);
    this.settleTags(nowSec, false);
    if (!this.active) {
      this.anchorSec = nowSec;
      return;
    }
    const uploadedBefore = this.uploaded;
    if (dt > 0) {
      const uploaded = this.uploadedAt(nowSec);
      const processed = this.processedAt(nowSec);
      this.written = this.writtenAt(nowSec);
      this.ingested = Math.min(this.written, this.ingested + this.ingestRate * dt);
      this.uploaded = uploaded;
      this.processed = processed;
      if (this.throttled) this.throttledSec += dt;
    }
    // Even when it was anchored at this very instant: a linked stream leaves the clock (the level may have moved
    // since it was linked, and the domain's sums already say so), and a queue due to empty within the clock's
    // resolution is empty now (else the domain, which finds it due, would anchor it here for ever).
    this.leaveClock();
    this.snapEmptyQueues(nowSec);
    this.history.record(nowSec, this.processed);
    this.notePeaks();
    this.anchorSec = nowSec;
    if (dt > 0 && this.lagSteps !== null && this.lagSteps.length > 0) this.recordLag(fromSec, uploadedBefore, nowSec);
    if (this.initialReplicationDoneSec === null && this.uploaded >= this.initialReplicationBytes - this.slack(nowSec, this.uploadRate)) {
      // Exact: the domain schedules a change at the instant the copy is uploaded.
      this.finishInitialReplication(nowSec);
    }
  }

  /** Unlinked at its anchor: it moves at the level's current rate until the domain says otherwise. */
  private leaveClock(): void {
    if (this.linkFactor === 0) return;
    this.uploadRate = this.processRate = this.linkFactor * this.clock!.level;
    this.linkFactor = 0;
  }

  /** Settles tags and points up to and including nowSec, without moving the anchor: an observer's view. */
  observe(nowSec: number): void {
    this.settleTags(nowSec, true);
  }

  /**
   * Seconds from the anchor to this stream's next change of demand (a queue empties, the copy is uploaded), or
   * to processing reaching the watched position.
   * For a linked stream, only the change that does not depend on the level (the source backlog); the domain
   * finds the others from the clock.
   */
  secondsToNextChange(): number {
    if (!this.active) return Infinity;
    if (this.linkFactor > 0) {
      const backlogRate = this.churnRate - this.ingestRate;
      return this.sourceBacklog > this.tolerance && backlogRate < 0 ? this.sourceBacklog / -backlogRate : Infinity;
    }
    const tolerance = this.tolerance;
    let next = Infinity;
    if (this.processed < this.watchedPosition && this.processRate > 0) next = (this.watchedPosition - this.processed) / this.processRate;
    const backlogRate = this.churnRate - this.ingestRate;
    if (this.sourceBacklog > tolerance && backlogRate < 0) next = Math.min(next, this.sourceBacklog / -backlogRate);
    const cacheRate = this.ingestRate - this.uploadRate;
    if (this.cache > tolerance && cacheRate < 0) next = Math.min(next, this.cache / -cacheRate);
    const unprocessedRate = this.uploadRate - this.processRate;
    if (this.unprocessed > tolerance && unprocessedRate < 0) next = Math.min(next, this.unprocessed / -unprocessedRate);
    if (this.initialReplicationDoneSec === null && this.uploadRate > 0) {
      next = Math.min(next, Math.max(0, this.initialReplicationBytes - this.uploaded) / this.uploadRate);
    }
    return next;
  }

  /** Frees memory no longer needed to answer questions at or after nowSec (the retention grid, the write curve). */
  compact(nowSec: number): void {
    this.observe(nowSec);
    this.points.prune(nowSec);
    // The lag observer walks the write curve from the anchor's upload position at the next anchor: keep it.
    this.curve.forgetBelow(this.lagSteps === null ? this.uploadedAt(nowSec) : this.uploaded);
  }

  // ── Tags and points ──

  /**
   * Places the periodic tags due by nowSec (strictly before it when the anchor is about to move there, since
   * changes at nowSec come first), marks those processing has passed, and releases the points now usable.
   */
  private settleTags(nowSec: number, inclusive: boolean): void {
    const clock = this.tagClock;
    this.advanceQueue(nowSec);
    // Nothing left in the queue, and no queue on the data path: each tag is passed as it is placed and usable a
    // processing delay later, so it need not go through the queue.
    // NOTE: most of a healthy VM's tags; the queue would give the same points, in the same order.
    if (this.tags.isEmpty && this.passesThrough) {
      while (this.tagDue(nowSec, inclusive) && clock.peekSec + this.delaySec <= nowSec) {
        const atSec = clock.peekSec;
        this.release(atSec, this.tagPosition(atSec) - this.chunkBytes, atSec + this.delaySec, clock.peekKind);
        clock.take();
      }
    }
    let placed = false;
    while (this.tagDue(nowSec, inclusive)) {
      this.placeTag(clock.peekSec, clock.peekKind);
      clock.take();
      placed = true;
    }
    if (placed) this.advanceQueue(nowSec);
  }

  /** Whether the next periodic tag is due: before nowSec, or at it too when inclusive. */
  private tagDue(nowSec: number, inclusive: boolean): boolean {
    const atSec = this.tagClock.peekSec;
    return atSec < nowSec || (inclusive && atSec === nowSec);
  }

  /** Everything written is processed as it is written (no queue anywhere), at the anchor's rates. */
  private get passesThrough(): boolean {
    return this.processed === this.written && this.processRate === this.churnRate && this.linkFactor === 0;
  }

  /** Marks the queued tags processing has passed by nowSec, and releases the points usable by then. */
  private advanceQueue(nowSec: number): void {
    const tags = this.tags;
    // When processing reaches each tag, from the anchor alone: the same whenever the stream is looked at, so
    // observing never changes a result (a clamp to "now" would).
    while (tags.pendingCount > 0) {
      const position = tags.nextPosition;
      let reachedSec: number;
      // Within rounding of the processed position counts as reached (as queues within it count as empty).
      if (position <= this.processed + this.tolerance) reachedSec = this.anchorSec;
      // Everything written is processed as it is written (no queue anywhere): a tag is passed when it is placed.
      else if (this.passesThrough) reachedSec = tags.nextSourceSec;
      else if (this.linkFactor > 0) reachedSec = this.clock!.timeAt(this.linkValue + (position - this.uploaded) / this.linkFactor, this.anchorSec);
      else reachedSec = this.processRate > 0 ? this.anchorSec + (position - this.processed) / this.processRate : Infinity;
      if (!(reachedSec <= nowSec)) break;
      // A tag placed after the anchor is not passed before it was placed (processing never gets ahead of the data).
      tags.cross(Math.max(reachedSec, tags.nextSourceSec) + this.delaySec);
    }
    while (tags.nextUsableSec <= nowSec) {
      this.release(tags.headSourceSec, tags.headWorkloadBytes, tags.nextUsableSec, tags.headKind);
      tags.dropHead();
    }
  }

  /** A point becomes usable: into the store and the RPO sawtooth. */
  private release(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind): void {
    this.points.add(sourceSec, workloadBytes, usableSec, kind);
    this.rpo.step(usableSec, sourceSec);
    if (this.firstPointSec === null) this.firstPointSec = usableSec;
    if (this.firstTimelyPointSec === null && usableSec - sourceSec <= this.thresholdSec) this.firstTimelyPointSec = usableSec;
  }

  private placeTag(atSec: number, kind: PointKind): void {
    const position = this.tagPosition(atSec);
    this.tags.place(atSec, position, position - this.chunkBytes, kind);
  }

  /** The stream position of a tag at atSec, made a breakpoint of the write curve. */
  private tagPosition(atSec: number): number {
    const position = this.writtenAt(atSec);
    // A breakpoint at every tag makes "when was this position written" exact there: at a near-idle VM the
    // inverse of a tiny write rate would otherwise turn a rounding in bytes into seconds before the tag.
    this.curve.append(atSec, position);
    return position;
  }

  // ── Bookkeeping at anchors ──

  private finishInitialReplication(nowSec: number): void {
    this.initialReplicationDoneSec = nowSec;
    this.pushAnchorLag(nowSec);
  }

  private notePeaks(): void {
    this.peakSourceBacklog = Math.max(this.peakSourceBacklog, this.sourceBacklog);
    this.peakCache = Math.max(this.peakCache, this.cache);
    this.peakUnuploaded = Math.max(this.peakUnuploaded, this.unuploaded);
  }

  /** Bytes that count as nothing: rounding in long sums of rate × time, and what flows within the clock's resolution. */
  private slack(nowSec: number, rate: number): number {
    return this.tolerance + Math.abs(rate) * timeResolutionSec(nowSec);
  }

  // Processing then reaches the exact end of an idle stream, where the tags sit.
  private snapEmptyQueues(nowSec: number): void {
    if (this.written - this.ingested <= this.slack(nowSec, this.ingestRate)) this.ingested = this.written;
    if (this.ingested - this.uploaded <= this.slack(nowSec, this.uploadRate)) this.uploaded = this.ingested;
    if (this.uploaded - this.processed <= this.slack(nowSec, this.processRate)) this.processed = this.uploaded;
  }

  /**
   * Lag breakpoints of one anchor-to-anchor step: U grew linearly from uploadedFrom, and W⁻¹ is linear between
   * the write curve's breakpoints, so the lag is linear between the instants U crosses them (at a crossing the
   * lag is t − that breakpoint's time; a flat stretch of W gives two crossings at one instant: a drop).
   */
  private recordLag(fromSec: number, uploadedFrom: number, toSec: number): void {
    const rate = (this.uploaded - uploadedFrom) / (toSec - fromSec);
    if (rate > 0) {
      // The breakpoints from where the last anchor's lag read W⁻¹ to where this one's does, both within rounding
      // of U: one just above U (the end of a burst, an ulp over the upload) is crossed by now, and gives the
      // lag's left limit before the drop to the anchor's lag.
      this.curve.forEachBreakpointIn(this.lagReadBytes, this.uploaded + this.tolerance, (sourceSec, bytes) => {
        const crossingSec = Math.min(toSec, fromSec + Math.max(0, bytes - uploadedFrom) / rate);
        this.pushLag(crossingSec, crossingSec - sourceSec);
      });
    }
    this.pushAnchorLag(toSec);
  }

  /** The lag at an anchor: W⁻¹ of what is uploaded, within rounding (uploadedSourceTime). */
  private pushAnchorLag(nowSec: number): void {
    this.lagReadBytes = this.uploaded + this.tolerance;
    this.pushLag(nowSec, nowSec - this.uploadedSourceTime(nowSec));
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
}
