import type { Environment } from '../../engine/environment.js';
import type { RandomStream } from '../../engine/random.js';
import type { CycleResult, FailoverRecord, LegSummary } from '../../metrics/types.js';
import type { CycleSpec, Scenario } from '../../scenario/types.js';
import { drawDowntime } from '../downtimeDraws.js';
import { evaluateFailover } from '../failover.js';
import type { Stream } from '../fluid/stream.js';
import { groupPointsAt } from '../groupPoints.js';
import { PRIORITY } from '../priorities.js';
import type { ReplicationDomain } from '../replicationDomain.js';
import type { ReplicatedVm, Site } from '../site.js';
import { drawCycle, type CycleDraws } from './cycleDraws.js';
import { cycleRows, type CycleTimes } from './cycleRows.js';
import { planOrder } from './planOrder.js';
import type { ReverseLeg } from './reverseLeg.js';

/** One VM's way through the cycle, filled in as it happens. */
interface CycleVm extends Omit<CycleTimes, 'legs'> {
  vm: ReplicatedVm;
  draws: CycleDraws;
  reverseStream: Stream | null;
  /** What the VM had written at the failover and at the failback: the base of the next resync. */
  writtenAtFailoverBytes: number;
  writtenAtFailbackBytes: number;
}

/**
 * The failover–failback cycle (domain.md §4), simulated on the site's clock: every phase is the same data path
 * as forward replication, assembled from other parts (ReverseLeg), and the workload keeps writing wherever the
 * VM runs.
 *  1. At failoverAt, each VM fails over to Azure exactly like a disaster (without detection) on the simulated
 *     state; its forward replication stops for good, and commit keeps only the chosen point.
 *  2. Reprotect: after the commit and the reprotect delay, a fixed per-VM cost, then the resync through the
 *     reverse leg (its process server, the failback link and the master target or appliance, shared fairly,
 *     copy slots as initial replication): the blocks that differ (original location: what the on-premises disk
 *     lacks plus what was written in Azure, changed blocks sent once) or the whole used disk (alternate). Then
 *     continuous replication back under the fixed failback policy; protected from its first point.
 *  3. At failbackAt, or when the last reprotected VM is protected if later, the failover back is evaluated on the
 *     reverse leg's simulated state with the failback choice: the Azure VMs shut down (a final sync), the
 *     on-premises VMs boot; the reverse leg stops.
 *  4. Reprotect on-premises: after its delay and fixed cost, a differential resync through the forward leg (what
 *     was written on-premises since, plus what Azure lacks), then the original policy again.
 * Phases a VM does not complete by the horizon end there (lifecycle.csv says so).
 */
export class FailbackCycle {
  private readonly vms: CycleVm[];
  private readonly failbackDue: { sec: number; done: boolean } = { sec: Infinity, done: false };

  constructor(
    private readonly env: Environment,
    private readonly site: Site,
    private readonly scenario: Scenario,
    private readonly cycle: CycleSpec,
    private readonly stream: (label: string) => RandomStream,
  ) {
    this.vms = site.vms.map((vm) => ({
      vm,
      draws: drawCycle(cycle, scenario.failover, vm.spec, stream(`cycle/${vm.spec.name}`)),
      reverseStream: site.reverse?.streamOf.get(vm.spec.name) ?? null,
      writtenAtFailoverBytes: 0,
      writtenAtFailbackBytes: 0,
      failover: null,
      failoverEndSec: null,
      recoveryPointsAfterCommit: null,
      createdAtFailover: 0,
      reprotectStartSec: null,
      resyncBytes: 0,
      protectedInAzureSec: null,
      failback: null,
      failbackStartSec: null,
      failbackEndSec: null,
      againStartSec: null,
      againBytes: 0,
      protectedAgainSec: null,
    }));
    env.scheduleAt(cycle.failoverAtSec, this.failOver, PRIORITY.stateChange);
    if (cycle.failbackAtSec !== null && site.reverse !== null) {
      this.failbackDue.sec = cycle.failbackAtSec;
      env.scheduleAt(cycle.failbackAtSec, this.failBackWhenReady, PRIORITY.stateChange);
    }
  }

  result(): CycleResult {
    const { scenario, cycle } = this;
    const { phases, vms, plans } = cycleRows(scenario, cycle, this.vms.map((v) => ({ ...v, legs: this.legs(v) })));
    return { outcome: cycle.outcome, startSec: cycle.failoverAtSec, endSec: scenario.horizonSec, vms, plans, phases };
  }

  // ── 1. Failover to Azure ──

  private readonly failOver = (): void => {
    const { site, scenario, cycle, env } = this;
    const now = env.now;
    const planned = { ...scenario, failover: { ...scenario.failover, shutdownBeforeFailover: cycle.shutdownFirst } };
    site.observeAll(now);
    const groupPoints = groupPointsAt(scenario.replicationGroups, site.vmByName, now);
    for (const state of this.vms) {
      const { vm } = state;
      const draws = drawDowntime(planned.failover, vm.spec, 0, this.stream(`cycle/failover/${vm.spec.name}`));
      const record = evaluateFailover(vm, now, cycle.choice, draws, planned, vm.domain.finalSyncRateFor(vm.stream), groupPoints.get(vm.spec.name) ?? null);
      state.failover = record;
      state.writtenAtFailoverBytes = vm.workload.writtenAt(now);
      state.createdAtFailover = vm.stream.points.created;
      vm.domain.stopStream(vm.stream);
      // The workload runs in Azure now: its writes are changes no replica has, until reprotect.
      vm.workload.feed(now, null);
      if (cycle.outcome === 'commit' && record.recoveryPointTimeSec !== null) {
        const kind = record.recoveryPointKind === 'app-consistent' ? 'app-consistent' : 'crash-consistent';
        vm.stream.points.keepOnly({ sourceTimeSec: record.recoveryPointTimeSec, workloadBytes: vm.stream.workloadWrittenAt(now) - record.dataLossBytes!, kind }, now);
        state.recoveryPointsAfterCommit = vm.stream.points.retainedCount(now);
      }
    }
    // Each VM's failover takes its downtime (recovery plans order theirs); a cancelled one runs until stopped.
    const ends = planOrder(scenario, this.vms, now, (v) => this.failoverStepSec(v), this.stream, 'failover');
    for (const state of this.vms) {
      state.failoverEndSec = ends.get(state)!;
      if (this.reprotects(state)) {
        const startSec = state.failoverEndSec + cycle.commitAfterSec + cycle.reprotect!.afterSec;
        state.reprotectStartSec = startSec;
        const copySec = startSec + state.draws.reprotectFixedSec;
        if (copySec < scenario.horizonSec) env.scheduleAt(copySec, () => this.startResync(state), PRIORITY.stateChange);
      }
    }
  };

  private failoverStepSec({ failover }: CycleVm): number {
    const record = failover!;
    if (this.cycle.outcome === 'commit' && record.downtimeSec !== null) return record.downtimeSec;
    // Cancelled (or impossible without a point): the job runs until stopped; a shut-down source boots again.
    return record.jobSec + (this.cycle.shutdownFirst ? record.shutdownSec + record.bootSec : 0);
  }

  private reprotects(state: CycleVm): boolean {
    return this.site.reverse !== null && state.reverseStream !== null && state.failover!.recoveryPointTimeSec !== null;
  }

  // ── 2. Reprotect to on-premises: resync, then failback replication ──

  private startResync(state: CycleVm): void {
    const reverse = this.site.reverse!;
    const stream = state.reverseStream!;
    const reprotect = this.cycle.reprotect!;
    const { vm } = state;
    reverse.domain.onStarted(stream, (now) => {
      state.resyncBytes = stream.written;
      vm.workload.feed(now, { stream, domain: reverse.domain });
      this.afterFirstPoint(reverse.domain, stream, this.cycle.failbackProcessingDelaySec, (usableSec) => this.protectedInAzure(state, usableSec));
    });
    reverse.domain.requestStart(stream, (now) =>
      reprotect.location === 'alternate'
        ? vm.spec.usedDiskBytes
        : boundedByDisk(vm, reprotect.uniqueFraction * (state.failover!.dataLossBytes! + vm.workload.writtenAt(now) - state.writtenAtFailoverBytes)),
    );
  }

  private protectedInAzure(state: CycleVm, atSec: number): void {
    state.protectedInAzureSec = atSec;
    if (atSec >= this.scenario.horizonSec) return;
    this.env.scheduleAt(atSec, this.failBackWhenReady, PRIORITY.stateChange);
  }

  // ── 3. Failover back to on-premises ──

  /** At failbackAt, or as soon after it as every reprotected VM is protected in Azure. */
  private readonly failBackWhenReady = (): void => {
    const now = this.env.now;
    const due = this.failbackDue;
    if (due.done || now < due.sec) return;
    const waiting = this.vms.some((s) => this.reprotects(s) && (s.protectedInAzureSec === null || s.protectedInAzureSec > now));
    if (waiting) return;
    due.done = true;
    this.failBack(now);
  };

  private failBack(now: number): void {
    const { scenario, cycle } = this;
    const reverse = this.site.reverse!;
    const protectedInAzure = this.vms.filter((s) => this.reprotects(s));
    // A planned failback: the Azure VMs shut down (that succeeds) and sync what they have not sent.
    const planned = { ...scenario, failover: { ...scenario.failover, shutdownBeforeFailover: true } };
    for (const state of protectedInAzure) {
      const stream = state.reverseStream!;
      stream.observe(now);
      const { draws } = state;
      const downtime = { shutdownFails: false, shutdownSec: draws.failbackShutdownSec, detectionSec: 0, jobSec: draws.failbackJobSec, extraProcessingSec: 0, bootSec: draws.failbackBootSec };
      const replica = { spec: state.vm.spec, stream, policy: reverse.policy, applyRateBytesPerSec: receiverRate(reverse, stream) };
      state.failback = evaluateFailover(replica, now, cycle.failbackChoice, downtime, planned, reverse.domain.finalSyncRateFor(stream));
    }
    // A planned failover needs a recovery point of the chosen kind: a VM without one is not failed back, and
    // keeps running and replicating in Azure.
    const failedBack = protectedInAzure.filter((s) => s.failback!.recoveryPointTimeSec !== null);
    for (const state of failedBack) {
      state.failbackStartSec = now;
      state.writtenAtFailbackBytes = state.vm.workload.writtenAt(now);
      reverse.domain.stopStream(state.reverseStream!);
      state.vm.workload.feed(now, null);
    }
    const ends = planOrder(scenario, failedBack, now, (s) => s.failback!.downtimeSec!, this.stream, 'failback');
    for (const state of failedBack) {
      state.failbackEndSec = ends.get(state)!;
      const again = cycle.reprotectOnPremises;
      if (again === null || state.vm.againStream === null) continue;
      const startSec = state.failbackEndSec + again.afterSec;
      state.againStartSec = startSec;
      const copySec = startSec + state.draws.resyncFixedSec;
      if (copySec < scenario.horizonSec) this.env.scheduleAt(copySec, () => this.startAgain(state), PRIORITY.stateChange);
    }
  }

  // ── 4. Reprotect on-premises to Azure ──

  private startAgain(state: CycleVm): void {
    const { vm } = state;
    const stream = vm.againStream!;
    vm.domain.onStarted(stream, (now) => {
      state.againBytes = stream.written;
      vm.workload.feed(now, { stream, domain: vm.domain });
      this.afterFirstPoint(vm.domain, stream, this.scenario.cloud.processingDelaySec, (usableSec) => {
        state.protectedAgainSec = usableSec;
      });
    });
    // What was written on-premises since the failback, plus what Azure lacks (lost at the failback).
    vm.domain.requestStart(stream, (now) => boundedByDisk(vm, this.cycle.reprotect!.uniqueFraction * (state.failback!.dataLossBytes! + vm.workload.writtenAt(now) - state.writtenAtFailbackBytes)));
  }

  /**
   * Calls done with the instant a just-started stream's first recovery point becomes usable: its first tag (the
   * first tag instant from its start, after the copy) once processing has passed it, plus the processing delay.
   */
  private afterFirstPoint(domain: ReplicationDomain, stream: Stream, delaySec: number, done: (usableSec: number) => void): void {
    const tagSec = stream.nextTagSec;
    if (tagSec >= this.scenario.horizonSec) return;
    this.env.scheduleAt(tagSec, () => {
      stream.observe(tagSec);
      domain.watch(stream, stream.newestTagPosition, (reached) => done(Math.max(reached, tagSec) + delaySec));
    }, PRIORITY.afterChanges);
  }

  private legs(state: CycleVm): LegSummary[] {
    const horizon = this.scenario.horizonSec;
    const leg = (direction: LegSummary['direction'], stream: Stream, startSec: number | null, bytes: number): LegSummary => {
      const { rpo, alerts } = stream.rpo.summary(stream.stoppedSec ?? horizon);
      return { direction, startSec, firstRecoveryPointSec: stream.firstPointSec, rpoWithinThresholdSec: stream.firstTimelyPointSec, resyncBytes: bytes, rpo, rpoAlerts: alerts };
    };
    const legs: LegSummary[] = [];
    if (state.reverseStream !== null && state.reprotectStartSec !== null) legs.push(leg('to-on-premises', state.reverseStream, state.reprotectStartSec, state.resyncBytes));
    if (state.vm.againStream !== null && state.againStartSec !== null) legs.push(leg('to-azure', state.vm.againStream, state.againStartSec, state.againBytes));
    return legs;
  }
}

/** A differential copy never exceeds the used disk (unknown when 0: the VM was protected before the run). */
function boundedByDisk(vm: ReplicatedVm, bytes: number): number {
  return vm.spec.usedDiskBytes > 0 ? Math.min(bytes, vm.spec.usedDiskBytes) : bytes;
}

/** How fast the reverse leg's receiver applies a stream's backlog: its whole throughput (assumption). */
function receiverRate(reverse: ReverseLeg, stream: Stream): number {
  return reverse.domain.receiverThroughputOf(stream);
}
