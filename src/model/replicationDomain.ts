import type { Environment, EventId } from '../engine/environment.js';
import type { UplinkSpec } from '../scenario/types.js';
import { Availability } from './availability.js';
import { PRIORITY } from './priorities.js';
import type { ProcessServer } from './processServer.js';
import type { VmReplication } from './vmReplication.js';
import { timeResolutionSec } from './timeResolution.js';
import { waterFill } from './waterFill.js';

/**
 * An uplink with the process servers behind it and their VMs: the unit within which replication rates are
 * coupled. Whenever something changes (churn, a burst, an outage, a queue emptying, the cache reaching a
 * threshold), rates are recomputed once for that instant:
 *  1. each process server shares its throughput max-min fairly among its VMs (a VM with a source backlog wants
 *     its per-VM maximum, one without wants its churn);
 *  2. the uplink shares its bandwidth (in wire bytes, after compression) among the VMs with data in cache
 *     (they take all they can get) or data passing through (they want what they take in);
 *  3. a throttled process server takes in from each VM no more than it uploads for it, so its cache cannot grow:
 *     the rest waits at the source (bitmap mode). None is dropped.
 * Then the domain schedules one event at the next instant a queue empties or a cache threshold is reached.
 */
export class ReplicationDomain {
  readonly availability = new Availability();
  wireBytesSent = 0;

  private readonly vms: VmReplication[] = [];
  private readonly serverOf: ProcessServer[] = [];
  private readonly demands: Float64Array;
  private readonly allocations: Float64Array;
  private readonly uploads: Float64Array;
  private readonly order: Uint32Array;
  private recomputePending = false;
  /** VMs whose stream has started, as of the last recomputation (streams start and stop only there). */
  private activeVmCount = 0;
  private crossingEvent: EventId | null = null;
  private lastSec = 0;
  private lastCache: number[];
  private lastPending: number[];
  private wireRate = 0;

  constructor(
    private readonly env: Environment,
    readonly spec: UplinkSpec,
    readonly servers: ProcessServer[],
  ) {
    for (const server of servers) {
      for (const vm of server.vms) {
        this.vms.push(vm);
        this.serverOf.push(server);
      }
    }
    const n = Math.max(1, this.vms.length);
    this.demands = new Float64Array(n);
    this.allocations = new Float64Array(n);
    this.uploads = new Float64Array(n);
    this.order = new Uint32Array(n);
    this.lastCache = servers.map(() => 0);
    this.lastPending = servers.map(() => 0);
  }

  /** Asks for one recomputation at the current instant, after every other change at this instant. */
  requestRecompute = (): void => {
    if (this.recomputePending) return;
    this.recomputePending = true;
    this.env.schedule(0, this.recompute, PRIORITY.recompute);
  };

  /** Brings every VM and the observers up to now (at the end of the run, too). */
  advanceAll(nowSec: number): void {
    for (const vm of this.vms) vm.advance(nowSec);
    const dt = nowSec - this.lastSec;
    if (dt <= 0) return;
    this.wireBytesSent += this.wireRate * dt;
    this.servers.forEach((server, s) => {
      const cache = server.cacheBytes();
      const capacity = server.spec.cacheBytes;
      const upload = server.uploadRate();
      server.peakCacheBytes = Math.max(server.peakCacheBytes, cache);
      const throttled = server.throttled ? 1 : 0;
      server.throttleTracker.segment(this.lastSec, throttled, nowSec, throttled);
      server.cacheWarning.segment(this.lastSec, this.lastCache[s]! / capacity, nowSec, cache / capacity);
      server.cacheCritical.segment(this.lastSec, this.lastCache[s]! / capacity, nowSec, cache / capacity);
      const pending = server.pendingUploadSec(cache, upload);
      server.pendingWarning.segment(this.lastSec, this.lastPending[s]!, nowSec, pending);
      server.pendingCritical.segment(this.lastSec, this.lastPending[s]!, nowSec, pending);
      this.lastCache[s] = cache;
    });
    this.lastSec = nowSec;
  }

  /**
   * The rate at which a shut-down VM's remaining data could still be uploaded: its current share, or an equal
   * share of the uplink among the VMs of the domain (an approximation: no new writes arrive after a shutdown).
   */
  finalSyncRateFor(vm: VmReplication, server: ProcessServer): number {
    if (!this.availability.up || !server.availability.up) return 0;
    const equalShare = (this.spec.bandwidthBytesPerSec * server.spec.compressionRatio) / Math.max(1, this.activeVmCount);
    return Math.min(server.spec.throughputBytesPerSec, Math.max(vm.uploadRate, equalShare));
  }

  private readonly recompute = (): void => {
    this.recomputePending = false;
    const now = this.env.now;
    this.advanceAll(now);
    for (const server of this.servers) server.scheduleInitialReplication(now);
    this.activeVmCount = 0;
    for (const vm of this.vms) if (vm.active) this.activeVmCount++;
    this.updateThrottling();
    this.shareProcessServers();
    this.shareUplink();
    this.applyRates();
    this.servers.forEach((server, s) => {
      this.lastPending[s] = server.pendingUploadSec(this.lastCache[s]!, server.uploadRate());
    });
    this.scheduleNextCrossing();
  };

  private updateThrottling(): void {
    for (const server of this.servers) {
      const cache = server.cacheBytes();
      let rate = 0;
      for (const vm of server.vms) rate += vm.ingestRate - vm.uploadRate;
      const tolerance = 1e-3 + server.spec.cacheBytes * 1e-12 + Math.abs(rate) * timeResolutionSec(this.env.now);
      if (!server.throttled && cache >= server.throttleLevelBytes - tolerance && server.spec.cacheBytes > 0) {
        server.throttled = true;
      } else if (server.throttled && cache <= server.resumeLevelBytes + tolerance) {
        server.throttled = false;
      }
      for (const vm of server.vms) vm.throttled = server.throttled;
    }
  }

  private shareProcessServers(): void {
    let offset = 0;
    for (const server of this.servers) {
      const count = server.vms.length;
      const demands = this.demands.subarray(offset, offset + count);
      const allocations = this.allocations.subarray(offset, offset + count);
      server.vms.forEach((vm, i) => {
        const max = vm.spec.maxReplicationBytesPerSec;
        demands[i] = !vm.active ? 0 : vm.sourceBacklog > vm.tolerance ? max : Math.min(vm.churnRate, max);
      });
      const capacity = server.availability.up ? server.spec.throughputBytesPerSec : 0;
      waterFill(demands, count, capacity, allocations, this.order);
      offset += count;
    }
  }

  private shareUplink(): void {
    const count = this.vms.length;
    for (let i = 0; i < count; i++) {
      const vm = this.vms[i]!;
      const server = this.serverOf[i]!;
      const ingest = this.allocations[i]!;
      if (!vm.active || !server.availability.up) this.demands[i] = 0;
      else this.demands[i] = vm.cache > vm.tolerance ? Infinity : ingest / server.spec.compressionRatio;
    }
    const capacity = this.availability.up ? this.spec.bandwidthBytesPerSec : 0;
    waterFill(this.demands, count, capacity, this.uploads, this.order);
    this.wireRate = 0;
    for (let i = 0; i < count; i++) this.wireRate += this.uploads[i]!;
  }

  /** A VM passing data through uploads min(intake, level), so capping intake at upload covers every VM. */
  private applyRates(): void {
    for (let i = 0; i < this.vms.length; i++) {
      const vm = this.vms[i]!;
      const server = this.serverOf[i]!;
      const upload = this.uploads[i]! * server.spec.compressionRatio;
      const ingest = server.throttled ? Math.min(this.allocations[i]!, upload) : this.allocations[i]!;
      vm.setRates(ingest, upload);
    }
  }

  private scheduleNextCrossing(): void {
    let next = Infinity;
    for (const vm of this.vms) next = Math.min(next, vm.secondsToNextChange());
    for (const server of this.servers) {
      const cache = server.cacheBytes();
      let rate = 0;
      for (const vm of server.vms) rate += vm.ingestRate - vm.uploadRate;
      if (!server.throttled && rate > 0) next = Math.min(next, Math.max(0, server.throttleLevelBytes - cache) / rate);
      if (server.throttled && rate < 0) next = Math.min(next, Math.max(0, cache - server.resumeLevelBytes) / -rate);
    }
    if (this.crossingEvent !== null) this.env.cancel(this.crossingEvent);
    this.crossingEvent = null;
    if (next === Infinity) return;
    this.crossingEvent = this.env.schedule(next, () => {
      this.crossingEvent = null;
      this.requestRecompute();
    }, PRIORITY.stateChange);
  }
}
