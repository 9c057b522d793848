import { ThresholdTracker } from '../metrics/thresholdTracker.js';
import type { ProcessServerSpec } from '../scenario/types.js';
import { Availability } from './availability.js';
import type { VmReplication } from './vmReplication.js';

/**
 * A process server: its cache (the sum of its VMs' cached bytes), its throttling state with hysteresis, its
 * alerts, and the initial-replication slots it hands out (ASR runs at most 3 disks at a time).
 */
export class ProcessServer {
  readonly availability = new Availability();
  readonly vms: VmReplication[] = [];
  throttled = false;
  peakCacheBytes = 0;

  readonly throttleTracker: ThresholdTracker;
  readonly cacheWarning: ThresholdTracker;
  readonly cacheCritical: ThresholdTracker;
  readonly pendingWarning: ThresholdTracker;
  readonly pendingCritical: ThresholdTracker;

  private readonly waitingForInitialReplication: VmReplication[] = [];
  private readonly inInitialReplication: VmReplication[] = [];
  private slotsInUse = 0;

  constructor(
    readonly spec: ProcessServerSpec,
    warmupSec: number,
  ) {
    this.throttleTracker = new ThresholdTracker(0.5, warmupSec);
    this.cacheWarning = new ThresholdTracker(1 - spec.cacheWarningFreeFraction, warmupSec);
    this.cacheCritical = new ThresholdTracker(1 - spec.cacheCriticalFreeFraction, warmupSec);
    this.pendingWarning = new ThresholdTracker(spec.pendingUploadWarningSec, warmupSec);
    this.pendingCritical = new ThresholdTracker(spec.pendingUploadCriticalSec, warmupSec);
  }

  get throttleLevelBytes(): number {
    return (1 - this.spec.throttleFreeFraction) * this.spec.cacheBytes;
  }
  get resumeLevelBytes(): number {
    return (1 - this.spec.resumeFreeFraction) * this.spec.cacheBytes;
  }

  cacheBytes(): number {
    let sum = 0;
    for (const vm of this.vms) sum += vm.cache;
    return sum;
  }

  uploadRate(): number {
    let sum = 0;
    for (const vm of this.vms) sum += vm.uploadRate;
    return sum;
  }

  /** Time to upload what is in the cache at the current rate: ASR's "pending upload" alert measure. */
  pendingUploadSec(cacheBytes: number, uploadRate: number): number {
    if (cacheBytes <= 0) return 0;
    return uploadRate > 0 ? cacheBytes / uploadRate : Infinity;
  }

  addVm(vm: VmReplication): void {
    this.vms.push(vm);
    this.waitingForInitialReplication.push(vm);
  }

  /** Frees the slots of VMs whose initial copy is uploaded and starts waiting VMs, in order, while slots allow. */
  scheduleInitialReplication(nowSec: number): void {
    for (let i = this.inInitialReplication.length - 1; i >= 0; i--) {
      const vm = this.inInitialReplication[i]!;
      if (vm.initialReplicationDoneSec !== null) {
        this.slotsInUse -= this.slotsFor(vm);
        this.inInitialReplication.splice(i, 1);
      }
    }
    // VMs with nothing to copy start at once; the others take slots strictly in order.
    let blocked = false;
    const waiting = this.waitingForInitialReplication.splice(0);
    for (const vm of waiting) {
      const slots = this.slotsFor(vm);
      const copies = vm.spec.usedDiskBytes > 0;
      if (copies && (blocked || this.slotsInUse + slots > this.spec.initialReplicationDisks)) {
        blocked = true;
        this.waitingForInitialReplication.push(vm);
        continue;
      }
      vm.startStream(nowSec, vm.spec.usedDiskBytes);
      if (copies) {
        this.slotsInUse += slots;
        this.inInitialReplication.push(vm);
      }
    }
  }

  private slotsFor(vm: VmReplication): number {
    return Math.min(vm.spec.disks, this.spec.initialReplicationDisks);
  }
}
