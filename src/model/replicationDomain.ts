import { storeAsDoubles } from '../engine/doubleFields.js';
import type { Environment, EventId } from '../engine/environment.js';
import type { UplinkSpec } from '../scenario/types.js';
import { Availability } from './availability.js';
import { FairPool } from './fluid/fairPool.js';
import { IndexedHeap } from './fluid/indexedHeap.js';
import type { LevelClock } from './fluid/levelClock.js';
import { LinkedStreams } from './fluid/linkedStreams.js';
import type { Stream } from './fluid/stream.js';
import { PRIORITY } from './priorities.js';
import type { ProcessServer } from './processServer.js';
import { timeResolutionSec } from './timeResolution.js';

/** Per-stream constants of the data path. */
export interface StreamPath {
  stream: Stream;
  server: ProcessServer;
  /** Cap on the stream's intake (ASR: 54 MB/s per VM). */
  maxReplicationBytesPerSec: number;
  /** Receiver's apply rate for this stream (Infinity: only the receiver's own throughput limits it). */
  applyRateBytesPerSec: number;
  /** The receiver whose processing it shares (index into the domain's receivers), or -1: Azure, not shared. */
  receiver: number;
}

/** A receiver that processes the streams of several VMs with one throughput (a master target, an appliance). */
export interface SharedReceiver {
  name: string;
  throughputBytesPerSec: number;
}

const DIRTY = 1;
const TOUCHED = 2;
// A queue empty at the anchor but filling from it on: the stream already wants its backlogged demand.
const FILLING_BACKLOG = 1;
const FILLING_CACHE = 2;
const FILLING_UNPROCESSED = 4;
/**
 * An upload this close below its intake is the intake: (intake ÷ compression) × compression can come out an ulp
 * low, and a cache that "fills" by an ulp a second made a stream's demand flip between its intake and ∞ at every
 * share, moving the uplink's level back and forth at one instant for ever. Relative, and absolute for rates so
 * small (down to subnormal doubles, 1e-323 B/s) that their ulp is not relative any more: a nanobyte a second is a
 * byte in thirty years.
 */
const fillsFaster = (inflow: number, outflow: number) => inflow - outflow > 1e-12 * inflow + 1e-9;

/**
 * An uplink with the process servers behind it and their streams: the unit within which replication rates are
 * coupled. Rates are shared max-min fairly in three stages:
 *  1. each process server's intake among its streams (a stream with a source backlog wants its per-VM maximum,
 *     one without wants its churn);
 *  2. the uplink's bandwidth, in wire bytes after compression, among streams with data in cache (they take all
 *     they can get) or passing through (they want what they take in); a server with an upload cap (ASR's bandwidth
 *     throttling) first shares its cap among its streams, and what each gets is its demand on the uplink (nested
 *     max-min fairness); background traffic on the uplink takes its part of the bandwidth first;
 *  3. processing at the receiver (a stream with unprocessed data is applied at its apply rate, one without at
 *     min(upload, apply rate)).
 * A throttled process server takes in from each stream no more than it uploads for it, so its cache cannot
 * grow: the rest waits at the source (bitmap mode). None is dropped.
 *
 * Sharing is incremental: a change re-shares only the streams whose allocation it moves (the changed stream,
 * and the unlinked streams at a pool's level when the level moves); only those are anchored anew. Streams at
 * the uplink's level whose processing keeps up follow its virtual clock (linked, see Stream) and are not
 * touched when the level moves. The domain keeps each stream's next change (a queue empties, a copy is
 * uploaded) in a heap, or finds it among the linked streams, and each server's next threshold crossing, and
 * wakes once for the earliest.
 */
export class ReplicationDomain {
  readonly availability = new Availability();
  wireBytesSent = 0;
  /** Wire bytes of the link's capacity that background traffic took while the link was up. */
  backgroundBytes = 0;
  readonly streams: Stream[];
  /** Streams that have started (initial replication begun or protected from the start). */
  activeStreamCount = 0;

  private readonly paths: StreamPath[];
  private readonly local: Int32Array;
  private readonly link: FairPool;
  private readonly linked: LinkedStreams;
  private readonly nextChange: IndexedHeap;
  private readonly marks: Uint8Array;
  private readonly filling: Uint8Array;
  /**
   * flow()'s result, (intake, upload): a pair returned as an array was a tenth of what a large site allocated.
   */
  private readonly flowRates = new Float64Array(2);
  private touched: Int32Array;
  private touchedCount = 0;
  private dirtyCount = 0;
  private readonly serverIndex = new Map<ProcessServer, number>();
  private readonly serverCrossingSec: Float64Array;
  private readonly checkThrottle: Uint8Array;
  private readonly checkSlots: Uint8Array;
  private readonly checkCapacity: Uint8Array;
  private readonly checkUpload: Uint8Array;
  /** Some server has an upload cap: sharing has a stage 1½. */
  private uploadCaps = false;
  private linkCapacityChanged = true;
  /** Wire bytes per second background traffic asks of the link, and what it takes of it now. */
  private backgroundRate: number;
  private backgroundTaken = 0;
  private backgroundSec = 0;
  private recomputePending = false;
  private wakeId: EventId | null = null;
  private wakeSec = Infinity;
  /** Wire bytes per second of the unlinked streams; each linked stream adds the level. */
  private unlinkedWireRate = 0;
  private wireSec = 0;
  private currentServer: ProcessServer | null = null;
  private readonly receiverPools: FairPool[];
  private readonly receiverStreams: Stream[][];
  private readonly receiverLocal: Int32Array;
  private readonly checkReceiver: Uint8Array;
  private currentReceiver = 0;
  private readonly startListeners = new Map<Stream, (nowSec: number) => void>();
  private readonly watchers = new Map<Stream, (nowSec: number) => void>();

  constructor(
    private readonly env: Environment,
    readonly spec: UplinkSpec,
    readonly servers: ProcessServer[],
    paths: StreamPath[],
    private readonly clock: LevelClock,
    receivers: readonly SharedReceiver[] = [],
  ) {
    storeAsDoubles(this, 'wireBytesSent', 'backgroundBytes', 'backgroundTaken', 'backgroundSec', 'unlinkedWireRate', 'wireSec');
    this.paths = paths;
    this.streams = paths.map((path) => path.stream);
    const n = Math.max(1, paths.length);
    this.local = Int32Array.from(paths, (path) => path.server.localIndex.get(path.stream)!);
    this.link = new FairPool(n);
    this.linked = new LinkedStreams(n, clock);
    this.nextChange = new IndexedHeap(n);
    this.marks = new Uint8Array(n);
    this.filling = new Uint8Array(n);
    this.touched = new Int32Array(n);
    servers.forEach((server, k) => this.serverIndex.set(server, k));
    this.serverCrossingSec = new Float64Array(servers.length).fill(Infinity);
    this.checkThrottle = new Uint8Array(servers.length);
    this.checkSlots = new Uint8Array(servers.length).fill(1);
    this.checkCapacity = new Uint8Array(servers.length).fill(1);
    this.checkUpload = new Uint8Array(servers.length);
    // A QoS share is reserved for the whole run; a priority profile sets its rate as it goes (setBackgroundRate).
    const background = spec.background;
    this.backgroundRate = background?.kind === 'share' ? background.shareFraction * spec.bandwidthBytesPerSec : 0;
    this.backgroundTaken = this.takenByBackground();
    this.receiverStreams = receivers.map((_, r) => paths.filter((path) => path.receiver === r).map((path) => path.stream));
    this.receiverLocal = Int32Array.from(paths, (path) => (path.receiver < 0 ? -1 : this.receiverStreams[path.receiver]!.indexOf(path.stream)));
    this.receiverPools = receivers.map((receiver, r) => {
      const pool = new FairPool(this.receiverStreams[r]!.length);
      pool.setCapacity(receiver.throughputBytesPerSec);
      return pool;
    });
    this.checkReceiver = new Uint8Array(receivers.length);
  }

  /**
   * Anchors a stream at the current instant before something changes it (its churn, a burst, a stop): a linked
   * stream leaves the clock and moves at the current level until it is shared again.
   */
  anchor(stream: Stream): void {
    const now = this.env.now;
    const i = stream.index;
    if (this.linked.has(stream)) {
      const { server } = this.paths[i]!;
      server.advanceTo(now);
      this.integrateWire(now);
      const upload = stream.linkFactor * this.clock.level;
      this.linked.remove(stream);
      server.contributionChanged(0, upload, -stream.linkFactor);
      this.unlinkedWireRate += upload / server.spec.compressionRatio;
    }
    const copying = stream.initialReplicationDoneSec === null;
    stream.advanceTo(now);
    if (copying && stream.initialReplicationDoneSec !== null) this.checkSlots[this.serverIndex.get(this.paths[i]!.server)!] = 1;
  }

  /** Starts a deferred stream as soon as its server has a copy slot; `copyBytes` sizes the copy then. */
  requestStart(stream: Stream, copyBytes: (nowSec: number) => number): void {
    const { server } = this.paths[stream.index]!;
    server.requestStart(stream, copyBytes);
    this.checkSlots[this.serverIndex.get(server)!] = 1;
    this.requestRecompute();
  }

  /** Calls listener when the stream starts (its initial copy begins). */
  onStarted(stream: Stream, listener: (nowSec: number) => void): void {
    this.startListeners.set(stream, listener);
  }

  /**
   * Calls reached once, at the instant the stream's processing reaches `position` (at once if it has): a resync
   * completed, a snapshot transfer drained. One watch per stream at a time. The stream is anchored now, so that
   * the instant is scheduled from here (from an older anchor it was only seen at the stream's next change).
   */
  watch(stream: Stream, position: number, reached: (nowSec: number) => void): void {
    this.anchor(stream);
    stream.watchedPosition = position;
    this.watchers.set(stream, reached);
    this.markDirty(stream);
    this.requestRecompute();
    this.checkWatch(stream);
  }

  /** A stream's own inputs changed at the current instant (it has been anchored there). */
  markDirty(stream: Stream): void {
    this.mark(stream.index, DIRTY);
  }

  /** The uplink went down or came back. */
  linkChanged = (): void => {
    this.integrateBackground(this.env.now);
    this.backgroundTaken = this.takenByBackground();
    this.linkCapacityChanged = true;
    this.requestRecompute();
  };

  /** Background traffic (strict priority) now asks for this many wire bytes per second: replication gets the rest. */
  setBackgroundRate(wireBytesPerSec: number): void {
    this.backgroundRate = wireBytesPerSec;
    this.linkChanged();
  }

  /** A server's upload cap (ASR's bandwidth throttling) is now this many wire bytes per second. */
  setUploadCap(server: ProcessServer, wireBytesPerSec: number): void {
    const s = this.serverIndex.get(server)!;
    if (server.uploadPool === null) {
      // Its streams' demands on the cap are set at the next sharing.
      this.uploadCaps = true;
      server.uploadPool = new FairPool(server.streams.length);
      for (const stream of server.streams) {
        this.anchor(stream);
        this.markDirty(stream);
      }
    }
    server.uploadPool.setCapacity(wireBytesPerSec);
    this.checkUpload[s] = 1;
    this.requestRecompute();
  }

  /** The bandwidth replication has now: the link's, less what background traffic takes (0 while the link is down). */
  get replicationBandwidth(): number {
    return this.availability.up ? this.spec.bandwidthBytesPerSec - this.backgroundTaken : 0;
  }

  /** A process server went down or came back: its intake stops or resumes, and so do its uploads. */
  serverChanged(server: ProcessServer): void {
    this.checkCapacity[this.serverIndex.get(server)!] = 1;
    for (const stream of server.streams) {
      this.anchor(stream);
      this.markDirty(stream);
    }
    this.requestRecompute();
  }

  /** Asks for one recomputation at the current instant, after every other change at this instant. */
  requestRecompute = (): void => {
    if (this.recomputePending) return;
    this.recomputePending = true;
    this.env.schedule(0, this.recompute, PRIORITY.recompute);
  };

  /** The throughput of the receiver that processes a stream (Infinity: not shared, the stream's own apply rate). */
  receiverThroughputOf(stream: Stream): number {
    const r = this.paths[stream.index]!.receiver;
    return r < 0 ? this.paths[stream.index]!.applyRateBytesPerSec : this.receiverPools[r]!.capacity;
  }

  /** A stream's current upload rate (source bytes per second). */
  uploadRateOf(stream: Stream): number {
    return stream.linkFactor > 0 ? stream.linkFactor * this.clock.level : stream.uploadRate;
  }

  /**
   * The rate at which a shut-down VM's remaining data could still be uploaded: its current share, or an equal
   * share of the uplink among the domain's active streams (an approximation: no new writes after a shutdown).
   */
  finalSyncRateFor(stream: Stream): number {
    const server = this.paths[stream.index]!.server;
    if (!this.availability.up || !server.availability.up) return 0;
    const cap = (server.uploadPool?.capacity ?? Infinity) * server.spec.compressionRatio;
    const equalShare = (this.replicationBandwidth * server.spec.compressionRatio) / Math.max(1, this.activeStreamCount);
    return Math.min(server.spec.throughputBytesPerSec, cap, Math.max(this.uploadRateOf(stream), equalShare));
  }

  /** Stops a stream for good (its VM failed over): it leaves the shares, and what it had cached is dropped. */
  stopStream(stream: Stream): void {
    if (stream.stoppedSec !== null) return;
    this.anchor(stream);
    const wasActive = stream.active;
    stream.stop(this.env.now);
    if (wasActive) this.activeStreamCount--;
    this.filling[stream.index] = 0;
    this.markDirty(stream);
    this.requestRecompute();
  }

  /**
   * Anchors every linked stream (every few hours, as a change of state: before the observers of that instant),
   * so that the clock's history need only reach back a few hours.
   */
  reanchorLinked(): void {
    if (this.linked.size === 0) return;
    this.linked.forEach((stream) => {
      this.anchor(stream);
      this.markDirty(stream);
    });
    this.requestRecompute();
  }

  /** Forgets the clock's history that no stream may still ask about: its memory does not grow with the horizon. */
  trimClock(nowSec: number): void {
    let oldest = nowSec;
    for (const stream of this.streams) oldest = Math.min(oldest, stream.oldestClockQuerySec);
    this.clock.trimBefore(oldest);
  }

  /** Closes the books at the end of the run: every stream and server anchored there, utilisation integrated. */
  finish(endSec: number): void {
    for (const stream of this.streams) this.anchor(stream);
    for (const server of this.servers) server.advanceTo(endSec);
    this.integrateWire(endSec);
    this.integrateBackground(endSec);
  }

  // ── Sharing ──

  private readonly recompute = (): void => {
    this.recomputePending = false;
    const now = this.env.now;
    this.startWaitingStreams(now);
    this.updateThrottling(now);
    // A stream whose queue starts or stops filling wants another demand; when that moves allocations, sharing
    // runs again. Each stream flips at most once per stage, so this ends quickly.
    for (
      let round = 0;
      round < 8 && (this.dirtyCount > 0 || this.linkCapacityChanged || this.checkCapacity.includes(1) || this.checkUpload.includes(1) || this.checkReceiver.includes(1));
      round++
    ) {
      this.share(now);
    }
    this.scheduleWake(now);
  };

  private share(now: number): void {
    const { touched, paths, link } = this;
    // Stage 1: each server's intake. Dirty streams set their demand; a moved level touches its at-level streams.
    const dirty = this.touchedCount;
    for (let k = 0; k < dirty; k++) {
      const i = touched[k]!;
      const { server } = paths[i]!;
      server.pool.setDemand(this.local[i]!, this.intakeDemand(i));
      this.checkCapacity[this.serverIndex.get(server)!] = 1;
    }
    this.servers.forEach((server, s) => {
      if (this.checkCapacity[s] === 0) return;
      this.checkCapacity[s] = 0;
      server.pool.setCapacity(server.availability.up ? server.spec.throughputBytesPerSec : 0);
      const before = server.pool.level;
      this.currentServer = server;
      const level = server.pool.settle(this.touchLocal);
      if (level !== before) server.pool.forEachAtLevel(this.touchLocal);
    });
    // Stage 1½: each throttled server's upload cap, for every stream whose intake may have moved.
    if (this.uploadCaps) this.shareUploadCaps();
    // Stage 2: the uplink, for every stream whose intake or capped upload may have moved.
    for (let k = 0; k < this.touchedCount; k++) {
      const i = touched[k]!;
      link.setDemand(i, this.linkDemand(i));
    }
    if (this.linkCapacityChanged) {
      link.setCapacity(this.replicationBandwidth);
      this.linkCapacityChanged = false;
    }
    const before = link.level;
    const level = link.settle(this.touch);
    if (level !== before) this.levelMoved(now, level);
    // Stage 3: shared receivers, for every touched stream whose upload may have moved.
    if (this.receiverPools.length > 0) this.shareReceivers(now);
    // Stage 4: apply the new rates to every touched stream; collect flips for another round.
    const count = this.touchedCount;
    this.touchedCount = 0;
    this.dirtyCount = 0;
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      this.marks[i] = 0;
      this.apply(i, now);
    }
  }

  private shareUploadCaps(): void {
    const count = this.touchedCount;
    for (let k = 0; k < count; k++) {
      const i = this.touched[k]!;
      const { server } = this.paths[i]!;
      if (server.uploadPool === null) continue;
      server.uploadPool.setDemand(this.local[i]!, this.uncappedLinkDemand(i));
      this.checkUpload[this.serverIndex.get(server)!] = 1;
    }
    this.servers.forEach((server, s) => {
      if (this.checkUpload[s] === 0 || server.uploadPool === null) return;
      this.checkUpload[s] = 0;
      const before = server.uploadPool.level;
      this.currentServer = server;
      const level = server.uploadPool.settle(this.touchLocal);
      if (level !== before) server.uploadPool.forEachAtLevel(this.touchLocal);
    });
  }

  private shareReceivers(now: number): void {
    for (let k = 0; k < this.touchedCount; k++) {
      const i = this.touched[k]!;
      const r = this.paths[i]!.receiver;
      if (r < 0) continue;
      this.receiverPools[r]!.setDemand(this.receiverLocal[i]!, this.processDemand(i, now));
      this.checkReceiver[r] = 1;
    }
    this.receiverPools.forEach((pool, r) => {
      if (this.checkReceiver[r] === 0) return;
      this.checkReceiver[r] = 0;
      const before = pool.level;
      this.currentReceiver = r;
      const level = pool.settle(this.touchReceiverLocal);
      if (level !== before) pool.forEachAtLevel(this.touchReceiverLocal);
    });
  }

  /**
   * What a stream asks of processing: all it can get with unprocessed data, else what it uploads (apply rate at
   * most). `upload`: the stream's upload now when the caller has just found it (flow's), else null.
   */
  private processDemand(i: number, now: number, upload: number | null = null): number {
    const { stream, applyRateBytesPerSec: applyRate } = this.paths[i]!;
    if (!stream.active) return 0;
    const backlogged = stream.uploadedAt(now) - stream.processedAt(now) > stream.tolerance || (this.filling[i]! & FILLING_UNPROCESSED) !== 0;
    if (backlogged) return applyRate;
    if (upload === null) {
      this.flow(i, now);
      upload = this.flowRates[1]!;
    }
    return Math.min(upload, applyRate);
  }

  /**
   * The intake and upload the pools give a stream now, into flowRates: an empty queue passes on at most what
   * flows into it.
   */
  private flow(i: number, now: number): void {
    const { stream, server } = this.paths[i]!;
    const rates = this.flowRates;
    if (!stream.active) {
      rates[0] = rates[1] = 0;
      return;
    }
    const tolerance = stream.tolerance;
    const ingestedNow = stream.ingestedAt(now);
    const intake = server.pool.allocation(this.local[i]!);
    let upload = this.link.allocation(i) * server.spec.compressionRatio;
    let ingest = server.throttled ? Math.min(intake, upload) : intake;
    if (stream.writtenAt(now) - ingestedNow <= tolerance) ingest = Math.min(ingest, stream.churnRate);
    if (ingestedNow - stream.uploadedAt(now) <= tolerance) upload = Math.min(upload, ingest);
    rates[0] = ingest;
    rates[1] = upload;
  }

  private readonly touchReceiverLocal = (localIndex: number): void => {
    this.mark(this.receiverStreams[this.currentReceiver]![localIndex]!.index, TOUCHED);
  };

  /**
   * The uplink's level moves: linked streams follow it through the clock; unlinked ones at the level are
   * touched, and so are linked ones whose processing could not keep up at the new level.
   */
  private levelMoved(now: number, level: number): void {
    for (const server of this.servers) server.advanceTo(now);
    this.integrateWire(now);
    this.linked.notePeaks(now);
    this.clock.setLevel(now, level === Infinity ? 0 : level);
    this.linked.forEachOverApplyRate(level, this.applyRateOf, this.touchStream);
    this.link.forEachAtLevel(this.touchUnlinked);
    this.servers.forEach((server, s) => {
      this.serverCrossingSec[s] = now + server.secondsToThreshold(now);
    });
  }

  private readonly touchLocal = (localIndex: number): void => {
    this.mark(this.currentServer!.streams[localIndex]!.index, TOUCHED);
  };
  private readonly touch = (i: number): void => {
    this.mark(i, TOUCHED);
  };
  private readonly touchStream = (stream: Stream): void => {
    this.mark(stream.index, TOUCHED);
  };
  private readonly touchUnlinked = (i: number): void => {
    if (!this.linked.has(this.streams[i]!)) this.mark(i, TOUCHED);
  };
  private readonly applyRateOf = (stream: Stream): number => this.paths[stream.index]!.applyRateBytesPerSec;

  private mark(i: number, kind: number): void {
    if (this.marks[i] === 0) {
      if (this.touchedCount === this.touched.length) this.touched = growInt32(this.touched);
      this.touched[this.touchedCount++] = i;
    }
    if (kind === DIRTY && (this.marks[i]! & DIRTY) === 0) this.dirtyCount++;
    this.marks[i]! |= kind;
  }

  private intakeDemand(i: number): number {
    const { stream, maxReplicationBytesPerSec: max } = this.paths[i]!;
    if (!stream.active) return 0;
    const backlogged = stream.sourceBacklog > stream.tolerance || (this.filling[i]! & FILLING_BACKLOG) !== 0;
    return backlogged ? max : Math.min(stream.churnRate, max);
  }

  /** What a stream asks of the uplink: what its server's upload cap gives it, when the server has one. */
  private linkDemand(i: number): number {
    const uploadPool = this.paths[i]!.server.uploadPool;
    return uploadPool === null ? this.uncappedLinkDemand(i) : uploadPool.allocation(this.local[i]!);
  }

  private uncappedLinkDemand(i: number): number {
    const { stream, server } = this.paths[i]!;
    if (!stream.active || !server.availability.up) return 0;
    if (stream.cache > stream.tolerance || (this.filling[i]! & FILLING_CACHE) !== 0) return Infinity;
    return server.pool.allocation(this.local[i]!) / server.spec.compressionRatio;
  }

  /** Sets a touched stream's rates from the pools, anchoring it first if they change; links it if it may. */
  private apply(i: number, now: number): void {
    const { stream, server, receiver } = this.paths[i]!;
    const compression = server.spec.compressionRatio;
    if (this.linked.has(stream)) this.anchor(stream);
    const localIndex = this.local[i]!;
    const tolerance = stream.tolerance;
    const ingestedNow = stream.ingestedAt(now);
    const uploadedNow = stream.uploadedAt(now);
    const backlogEmpty = stream.writtenAt(now) - ingestedNow <= tolerance;
    const cacheEmpty = ingestedNow - uploadedNow <= tolerance;
    const unprocessedEmpty = uploadedNow - stream.processedAt(now) <= tolerance;
    this.flow(i, now);
    const ingest = this.flowRates[0]!;
    const upload = this.flowRates[1]!;
    const process = !stream.active ? 0 : receiver >= 0 ? this.receiverPools[receiver]!.allocation(this.receiverLocal[i]!) : this.processDemand(i, now, upload);
    const changed = ingest !== stream.ingestRate || upload !== stream.uploadRate || process !== stream.processRate;
    if (changed || stream.anchorSec === now) {
      stream.advanceTo(now);
      this.checkWatch(stream);
      if (changed) {
        server.advanceTo(now);
        server.contributionChanged(ingest - stream.ingestRate, upload - stream.uploadRate, 0);
        this.integrateWire(now);
        this.unlinkedWireRate += (upload - stream.uploadRate) / compression;
        stream.setRates(ingest, upload, process);
        if (stream.stoppedSec !== null) server.resum(now);
        this.serverCrossingSec[this.serverIndex.get(server)!] = now + server.secondsToThreshold(now);
      }
      stream.throttled = server.throttled;
      if (this.mayLink(i, upload, process)) {
        this.linked.add(stream);
        server.contributionChanged(0, -upload, compression);
        this.unlinkedWireRate -= upload / compression;
        stream.link(compression);
      }
      const next = stream.secondsToNextChange();
      if (next === Infinity) this.nextChange.remove(i);
      else this.nextChange.set(i, now + next);
    }
    if (!stream.active) return;
    // An empty queue that fills from now on makes its stream want its backlogged demand at once (and one that
    // stays empty, its plain demand): demands then follow the queues, not the instants they were last shared.
    if (backlogEmpty && stream.churnRate > ingest !== ((this.filling[i]! & FILLING_BACKLOG) !== 0)) {
      const wasAtLevel = server.pool.isAtLevel(localIndex);
      this.filling[i]! ^= FILLING_BACKLOG;
      server.pool.setDemand(localIndex, this.intakeDemand(i));
      this.checkCapacity[this.serverIndex.get(server)!] = 1;
      // Moving to or from the level may move the server's level: share again. (A stream already at the
      // level that starts to fill stays there, and nobody's allocation moves.)
      if (!wasAtLevel || (this.filling[i]! & FILLING_BACKLOG) === 0) this.mark(i, DIRTY);
    }
    if (cacheEmpty && fillsFaster(ingest, upload) !== ((this.filling[i]! & FILLING_CACHE) !== 0)) {
      this.filling[i]! ^= FILLING_CACHE;
      if (server.uploadPool === null) {
        this.link.setDemand(i, this.linkDemand(i));
        if ((this.filling[i]! & FILLING_CACHE) === 0) this.mark(i, DIRTY);
      } else {
        // The new demand may move the cap's level: share again (stage 1½ sets it on the cap, then on the link).
        this.mark(i, DIRTY);
      }
    }
    if (receiver >= 0 && unprocessedEmpty && upload > process !== ((this.filling[i]! & FILLING_UNPROCESSED) !== 0)) {
      this.filling[i]! ^= FILLING_UNPROCESSED;
      this.receiverPools[receiver]!.setDemand(this.receiverLocal[i]!, this.processDemand(i, now));
      this.checkReceiver[receiver] = 1;
      this.mark(i, DIRTY);
    }
  }

  /**
   * A stream may follow the uplink's clock while it gets exactly the level there, its processing keeps up
   * (so processed = uploaded throughout), and its server is not throttling it (its intake would follow too).
   * The lag observer needs every bend of the upload, so a stream that measures lag is never linked.
   */
  private mayLink(i: number, upload: number, process: number): boolean {
    const { stream, server } = this.paths[i]!;
    return (
      stream.active &&
      stream.lagSteps === null &&
      this.paths[i]!.receiver < 0 &&
      !server.throttled &&
      this.link.isAtLevel(i) &&
      upload > 0 &&
      upload === this.link.level * server.spec.compressionRatio &&
      process === upload &&
      stream.unprocessed <= stream.tolerance
    );
  }

  // ── Initial replication and throttling ──

  private startWaitingStreams(now: number): void {
    this.servers.forEach((server, s) => {
      if (this.checkSlots[s] === 0) return;
      this.checkSlots[s] = 0;
      for (const { stream, bytes } of server.startableStreams(now)) {
        stream.start(now, bytes);
        this.activeStreamCount++;
        this.markDirty(stream);
        this.startListeners.get(stream)?.(now);
      }
    });
  }

  private updateThrottling(now: number): void {
    this.servers.forEach((server, s) => {
      if (this.checkThrottle[s] === 0) return;
      this.checkThrottle[s] = 0;
      const cache = server.resum(now);
      const tolerance = 1e-3 + server.spec.cacheBytes * 1e-12 + Math.abs(server.cacheRate) * timeResolutionSec(now);
      const throttle = !server.throttled && cache >= server.throttleLevelBytes - tolerance && server.spec.cacheBytes > 0;
      const resume = server.throttled && cache <= server.resumeLevelBytes + tolerance;
      if (throttle || resume) {
        for (const stream of server.streams) {
          this.anchor(stream);
          this.markDirty(stream);
        }
        server.advanceTo(now);
        server.throttled = throttle;
      }
      this.serverCrossingSec[s] = now + server.secondsToThreshold(now);
    });
  }

  // ── Waking at the next change ──

  private scheduleWake(now: number): void {
    let next = Math.min(this.nextChange.peekKey(), this.linked.nextChangeSec(now));
    for (let s = 0; s < this.servers.length; s++) next = Math.min(next, this.serverCrossingSec[s]!);
    if (next >= this.wakeSec) return;
    if (this.wakeId !== null) this.env.cancel(this.wakeId);
    this.wakeSec = next;
    this.wakeId = next === Infinity ? null : this.env.scheduleAt(Math.max(now, next), this.wake, PRIORITY.stateChange);
  }

  private readonly wake = (): void => {
    this.wakeId = null;
    this.wakeSec = Infinity;
    const now = this.env.now;
    const heap = this.nextChange;
    while (heap.size > 0 && heap.peekKey() <= now) this.changeDue(this.streams[heap.pop()]!);
    if (this.linked.nextChangeSec(now) <= now) this.linked.forEachDue(now, this.changeDue);
    for (let s = 0; s < this.servers.length; s++) {
      if (this.serverCrossingSec[s]! <= now) {
        this.serverCrossingSec[s] = Infinity;
        this.checkThrottle[s] = 1;
      }
    }
    this.requestRecompute();
  };

  /** A stream's queue emptied or its copy was uploaded: anchor it there and share again. */
  private readonly changeDue = (stream: Stream): void => {
    this.anchor(stream);
    const i = stream.index;
    if (stream.sourceBacklog <= stream.tolerance) this.filling[i]! &= ~FILLING_BACKLOG;
    if (stream.cache <= stream.tolerance) this.filling[i]! &= ~FILLING_CACHE;
    if (stream.unprocessed <= stream.tolerance) this.filling[i]! &= ~FILLING_UNPROCESSED;
    this.markDirty(stream);
    this.checkWatch(stream);
  };

  /** Calls the stream's watcher when processing has reached its position, at whatever anchor that is found. */
  private checkWatch(stream: Stream): void {
    if (stream.processed < stream.watchedPosition - stream.tolerance) return;
    const reached = this.watchers.get(stream);
    stream.watchedPosition = Infinity;
    this.watchers.delete(stream);
    reached?.(this.env.now);
  }

  /** What background traffic takes of the link now: its rate up to the bandwidth, while the link is up. */
  private takenByBackground(): number {
    return this.availability.up ? Math.min(this.backgroundRate, this.spec.bandwidthBytesPerSec) : 0;
  }

  private integrateBackground(now: number): void {
    if (now > this.backgroundSec) {
      this.backgroundBytes += this.backgroundTaken * (now - this.backgroundSec);
      this.backgroundSec = now;
    }
  }

  private integrateWire(now: number): void {
    if (now > this.wireSec) {
      this.wireBytesSent += (this.unlinkedWireRate + this.linked.size * this.clock.level) * (now - this.wireSec);
      this.wireSec = now;
    }
  }
}

function growInt32(old: Int32Array): Int32Array {
  const next = new Int32Array(old.length * 2);
  next.set(old);
  return next;
}
