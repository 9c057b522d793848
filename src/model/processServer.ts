import { storeAsDoubles } from '../engine/doubleFields.js';
import { ThresholdTracker } from '../metrics/thresholdTracker.js';
import type { ProcessServerSpec } from '../scenario/types.js';
import { Availability } from './availability.js';
import { FairPool } from './fluid/fairPool.js';
import type { LevelClock } from './fluid/levelClock.js';
import type { Stream } from './fluid/stream.js';

/**
 * A process server: it takes data from its VMs' agents at up to its throughput, shared max-min fairly; its cache
 * holds what it took but has not uploaded; it throttles (with hysteresis) when the cache fills; it raises
 * alerts; and it hands out initial-replication slots (ASR runs at most 3 disks at a time).
 *
 * The cache is the sum of its streams' caches. It is kept as one linear function of time, re-anchored whenever
 * a stream's rates or the uplink's level change, so the alerts see exact linear segments without visiting
 * every stream, and summed exactly again at every throttling decision. Streams linked to the uplink's level
 * contribute their intake, minus factor × level.
 */
export class ProcessServer {
  readonly availability = new Availability();
  readonly streams: Stream[] = [];
  /** Each stream's position in `streams`, by stream (domain) index. */
  readonly localIndex = new Map<Stream, number>();
  pool!: FairPool;
  /**
   * ASR's bandwidth throttling: a cap on the server's upload (wire bytes per second), shared max-min fairly among
   * its streams before the uplink shares its bandwidth; null = no cap (the domain creates it with the first cap).
   */
  uploadPool: FairPool | null = null;
  throttled = false;
  peakCacheBytes = 0;

  readonly throttleTracker: ThresholdTracker;
  readonly cacheWarning: ThresholdTracker;
  readonly cacheCritical: ThresholdTracker;
  readonly pendingWarning: ThresholdTracker;
  readonly pendingCritical: ThresholdTracker;

  // The cache as a linear function: cacheBytes at cacheSec, changing at intake − upload, where the upload is
  // the unlinked streams' plus the linked streams' factors × the uplink's level.
  private cacheSec = 0;
  private cacheBytes = 0;
  private intakeSum = 0;
  private unlinkedUploadSum = 0;
  private linkedFactorSum = 0;
  private clock: LevelClock | null = null;

  private readonly waitingForInitialReplication: Stream[] = [];
  private readonly inInitialReplication: Stream[] = [];
  private readonly disksOf = new Map<Stream, { disks: number; copyBytes: (nowSec: number) => number }>();
  private slotsInUse = 0;

  constructor(
    readonly spec: ProcessServerSpec,
    warmupSec: number,
    alertAfterSec: number,
  ) {
    storeAsDoubles(this, 'peakCacheBytes', 'cacheSec', 'cacheBytes', 'intakeSum', 'unlinkedUploadSum', 'linkedFactorSum');
    this.throttleTracker = new ThresholdTracker(0.5, warmupSec);
    this.cacheWarning = new ThresholdTracker(1 - spec.cacheWarningFreeFraction, warmupSec, alertAfterSec);
    this.cacheCritical = new ThresholdTracker(1 - spec.cacheCriticalFreeFraction, warmupSec, alertAfterSec);
    this.pendingWarning = new ThresholdTracker(spec.pendingUploadWarningSec, warmupSec, alertAfterSec);
    this.pendingCritical = new ThresholdTracker(spec.pendingUploadCriticalSec, warmupSec, alertAfterSec);
  }

  get throttleLevelBytes(): number {
    return (1 - this.spec.throttleFreeFraction) * this.spec.cacheBytes;
  }
  get resumeLevelBytes(): number {
    return (1 - this.spec.resumeFreeFraction) * this.spec.cacheBytes;
  }

  /**
   * Adds a stream; it starts at the first sharing with its used disk as the initial copy, or, when `deferred`,
   * only once requestStart is called (a failback resync, a reprotect after failback).
   */
  addStream(stream: Stream, disks: number, usedDiskBytes: number, deferred = false): void {
    this.localIndex.set(stream, this.streams.length);
    this.streams.push(stream);
    this.disksOf.set(stream, { disks, copyBytes: () => usedDiskBytes });
    if (!deferred) this.waitingForInitialReplication.push(stream);
  }

  /** Queues a deferred stream for a copy slot; its copy is `copyBytes(at the instant it gets one)`. */
  requestStart(stream: Stream, copyBytes: (nowSec: number) => number): void {
    this.disksOf.get(stream)!.copyBytes = copyBytes;
    this.waitingForInitialReplication.push(stream);
  }

  /** Called once every stream is added, with the uplink's virtual clock. */
  seal(clock: LevelClock): void {
    this.clock = clock;
    this.pool = new FairPool(this.streams.length);
    this.pool.setCapacity(this.spec.throughputBytesPerSec);
  }

  private get uploadRateSum(): number {
    return this.unlinkedUploadSum + (this.linkedFactorSum > 0 ? this.linkedFactorSum * this.clock!.level : 0);
  }

  get cacheRate(): number {
    return this.intakeSum - this.uploadRateSum;
  }

  /** The cache at t, from its linear function (exact between rate and level changes). */
  cacheAt(t: number): number {
    return Math.max(0, this.cacheBytes + this.cacheRate * (t - this.cacheSec));
  }

  /**
   * Brings the cache function and the alerts up to nowSec: call before any of its streams' rates, or the
   * uplink's level, change.
   * Alerts see the cache fraction and the pending upload (cache ÷ current upload rate) as linear segments.
   */
  advanceTo(nowSec: number): void {
    const t0 = this.cacheSec;
    if (nowSec <= t0) return;
    const c0 = this.cacheBytes;
    const c1 = this.cacheAt(nowSec);
    const capacity = this.spec.cacheBytes;
    const throttled = this.throttled ? 1 : 0;
    this.throttleTracker.segment(t0, throttled, nowSec, throttled);
    this.cacheWarning.segment(t0, c0 / capacity, nowSec, c1 / capacity);
    this.cacheCritical.segment(t0, c0 / capacity, nowSec, c1 / capacity);
    const p0 = this.pendingUploadSec(c0);
    const p1 = this.pendingUploadSec(c1);
    this.pendingWarning.segment(t0, p0, nowSec, p1);
    this.pendingCritical.segment(t0, p0, nowSec, p1);
    this.peakCacheBytes = Math.max(this.peakCacheBytes, c0, c1);
    this.cacheSec = nowSec;
    this.cacheBytes = c1;
  }

  /**
   * A stream's part in the cache's rate changed (after advanceTo(now)): its intake, its upload if unlinked,
   * its factor if linked.
   */
  contributionChanged(intakeDelta: number, unlinkedUploadDelta: number, linkedFactorDelta: number): void {
    this.intakeSum += intakeDelta;
    this.unlinkedUploadSum += unlinkedUploadDelta;
    this.linkedFactorSum += linkedFactorDelta;
  }

  /**
   * Re-sums the cache from the streams (exact): at throttling decisions, and when a stream stops for good (its
   * VM failed over: what it had cached is discarded with its replication).
   */
  resum(nowSec: number): number {
    this.advanceTo(nowSec);
    let cache = 0;
    let intake = 0;
    let upload = 0;
    let factor = 0;
    for (const stream of this.streams) {
      if (stream.stoppedSec !== null) continue;
      cache += stream.ingestedAt(nowSec) - stream.uploadedAt(nowSec);
      intake += stream.ingestRate;
      if (stream.linkFactor > 0) factor += stream.linkFactor;
      else upload += stream.uploadRate;
    }
    this.cacheBytes = cache;
    this.intakeSum = intake;
    this.unlinkedUploadSum = upload;
    this.linkedFactorSum = factor;
    this.peakCacheBytes = Math.max(this.peakCacheBytes, cache);
    return cache;
  }

  /** Seconds from nowSec until the cache reaches the throttle or the resume level at the current rates. */
  secondsToThreshold(nowSec: number): number {
    const cache = this.cacheAt(nowSec);
    if (!this.throttled && this.cacheRate > 0) return Math.max(0, this.throttleLevelBytes - cache) / this.cacheRate;
    if (this.throttled && this.cacheRate < 0) return Math.max(0, cache - this.resumeLevelBytes) / -this.cacheRate;
    return Infinity;
  }

  /** Time to upload what is in the cache at the current rate: ASR's "pending upload" alert measure. */
  pendingUploadSec(cacheBytes: number): number {
    // Rounding in the running sum must not read as a stuck cache.
    if (cacheBytes <= 1e-3 * this.streams.length + 1e-12 * this.spec.cacheBytes) return 0;
    return this.uploadRateSum > 0 ? cacheBytes / this.uploadRateSum : Infinity;
  }

  /**
   * Frees the slots of streams whose copy is uploaded and returns the waiting streams that may start now, in
   * order, while slots allow (streams with nothing to copy start at once). A copy's size is fixed when its slot
   * is granted (a resync copies what differs by then).
   */
  startableStreams(nowSec: number): { stream: Stream; bytes: number }[] {
    for (let i = this.inInitialReplication.length - 1; i >= 0; i--) {
      const stream = this.inInitialReplication[i]!;
      if (stream.initialReplicationDoneSec !== null) {
        this.slotsInUse -= this.slotsFor(stream);
        this.inInitialReplication.splice(i, 1);
      }
    }
    const starting: { stream: Stream; bytes: number }[] = [];
    let blocked = false;
    const waiting = this.waitingForInitialReplication.splice(0);
    for (const stream of waiting) {
      const slots = this.slotsFor(stream);
      const bytes = this.disksOf.get(stream)!.copyBytes(nowSec);
      const copies = bytes > 0;
      if (copies && (blocked || this.slotsInUse + slots > this.spec.initialReplicationDisks)) {
        blocked = true;
        this.waitingForInitialReplication.push(stream);
        continue;
      }
      starting.push({ stream, bytes });
      if (copies) {
        this.slotsInUse += slots;
        this.inInitialReplication.push(stream);
      }
    }
    return starting;
  }

  get hasCopiesInProgressOrWaiting(): boolean {
    return this.inInitialReplication.length > 0 || this.waitingForInitialReplication.length > 0;
  }

  private slotsFor(stream: Stream): number {
    return Math.min(this.disksOf.get(stream)!.disks, this.spec.initialReplicationDisks);
  }
}
