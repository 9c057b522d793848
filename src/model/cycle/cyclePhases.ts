import type { RandomStream } from '../../engine/random.js';
import type { CyclePhaseName, FailoverRecord, LifecyclePhase } from '../../metrics/types.js';
import { meanChurnBytesPerSec } from '../../scenario/meanChurn.js';
import type { CycleSpec, Scenario, VmSpec } from '../../scenario/types.js';
import { fairShareFinishSec } from '../fairShare.js';
import { drawPlanActions, planActionStreams, schedulePlan } from '../planSchedule.js';
import { type CycleDraws, drawCycle } from './cycleDraws.js';
import { FAILBACK_POLICY } from './failbackPolicy.js';

interface VmState {
  spec: VmSpec;
  record: FailoverRecord;
  draws: CycleDraws;
  /** Long-run mean write rate: the workload writes at it wherever it runs (assumption). */
  churnBytesPerSec: number;
  phases: LifecyclePhase[];
  /** End of the last phase so far: the next phase starts here. */
  clockSec: number;
}

type PhaseExtras = Partial<Pick<LifecyclePhase, 'bytesTransferred' | 'dataLossSec' | 'dataLossBytes' | 'note'>>;

function push(vm: VmState, phase: CyclePhaseName, endSec: number, protectedNow: boolean, down: boolean, extras: PhaseExtras = {}): void {
  const startSec = vm.clockSec;
  vm.phases.push({
    vm: vm.spec.name,
    phase,
    startSec,
    endSec,
    durationSec: endSec - startSec,
    bytesTransferred: extras.bytesTransferred ?? 0,
    dataLossSec: extras.dataLossSec ?? 0,
    dataLossBytes: extras.dataLossBytes ?? 0,
    protected: protectedNow,
    down,
    note: extras.note ?? '',
  });
  vm.clockSec = endSec;
}

/** A differential copy never exceeds the used disk (unknown when 0: the VM was protected before the run). */
function boundedByDisk(vm: VmSpec, bytes: number): number {
  return vm.usedDiskBytes > 0 ? Math.min(bytes, vm.usedDiskBytes) : bytes;
}

/**
 * Each VM's end time when VMs run their own step from `startSec`, except that VMs in a recovery plan follow the
 * plan's order (groups in turn, maxParallel, actions in between) with their own step as duration.
 */
function withPlans(scenario: Scenario, vms: VmState[], startSec: number, stepSec: (vm: VmState) => number, stream: (label: string) => RandomStream, label: string): Map<VmState, number> {
  const ends = new Map(vms.map((vm) => [vm, startSec + stepSec(vm)]));
  const byName = new Map(vms.map((vm) => [vm.spec.name, vm]));
  for (const plan of scenario.recoveryPlans) {
    const actions = drawPlanActions(plan, planActionStreams(plan, (action) => stream(`cycle/plan-action/${label}/${action}`)));
    const run = schedulePlan(plan, (name) => stepSec(byName.get(name)!), actions);
    for (const [name, endSec] of run.vmEndSec) ends.set(byName.get(name)!, startSec + endSec);
  }
  return ends;
}

/**
 * The failover–failback cycle (domain.md §4) after the planned failover to Azure, whose outcome per VM is
 * `failovers` (evaluated on the forward simulation's state at cycle.failoverAt). Returns one row per VM × phase;
 * each VM's phases follow each other without gap from failoverAt to the cycle's end (the horizon, or the end of
 * the last phase if later). Assumptions are listed in docs/failback.md.
 */
export function cyclePhases(scenario: Scenario, cycle: CycleSpec, failovers: ReadonlyMap<string, FailoverRecord>, stream: (label: string) => RandomStream): LifecyclePhase[] {
  const vms: VmState[] = scenario.vms.map((spec) => ({
    spec,
    record: failovers.get(spec.name)!,
    draws: drawCycle(cycle, scenario.failover, stream(`cycle/${spec.name}`)),
    churnBytesPerSec: spec.churn.reduce((sum, c) => sum + meanChurnBytesPerSec(c), 0),
    phases: [],
    clockSec: cycle.failoverAtSec,
  }));
  // Members of a replication group share a master target and so fail back to one common app-consistent point.
  for (const group of scenario.replicationGroups) {
    const members = vms.filter((vm) => group.vms.includes(vm.spec.name));
    for (const vm of members) vm.draws.appPhase = members[0]!.draws.appPhase;
  }
  const failed = (vm: VmState) => cycle.outcome === 'cancel' || vm.record.downtimeSec === null;

  // 1. Failover to Azure. Planned: no detection delay (the failover records were drawn without one).
  const failoverEnds = withPlans(scenario, vms, cycle.failoverAtSec, (vm) => (failed(vm) ? 0 : vm.record.downtimeSec!), stream, 'failover');
  const moved = vms.filter((vm) => !failed(vm));
  for (const vm of vms) {
    if (failed(vm)) {
      // Cancelled (or impossible without a point): the job runs until stopped; a shut-down source must boot again.
      const r = vm.record;
      const endSec = cycle.failoverAtSec + r.jobSec + (cycle.shutdownFirst ? r.shutdownSec + r.bootSec : 0);
      const note = cycle.outcome === 'cancel' ? 'cancelled in progress: replication stopped' : `not failed over: ${r.note}`;
      push(vm, 'failover-cancelled', endSec, false, cycle.shutdownFirst, { note });
    } else {
      push(vm, 'failover-to-azure', failoverEnds.get(vm)!, false, true, {
        dataLossSec: vm.record.dataLossSec!,
        dataLossBytes: vm.record.dataLossBytes!,
        note: `${vm.record.choice} ${vm.record.note}`.trim(),
      });
    }
  }

  // 2. Reprotect to on-premises over the failback link, shared fairly by the VMs transferring at once.
  const reprotect = cycle.reprotect;
  let protectedInAzure: VmState[] = [];
  if (reprotect !== null && moved.length > 0) {
    const transfers = moved.map((vm) => {
      const startSec = vm.clockSec + cycle.commitAfterSec + reprotect.afterSec;
      const copyStartSec = startSec + vm.draws.reprotectFixedSec;
      // Original location: what differs between the Azure disk and the on-premises one — the data lost at
      // failover (newer on-premises blocks to overwrite) plus what the VM wrote in Azure since.
      const bytes =
        reprotect.location === 'alternate'
          ? vm.spec.usedDiskBytes
          : boundedByDisk(vm.spec, vm.record.dataLossBytes! + vm.churnBytesPerSec * (copyStartSec - vm.clockSec));
      return { startSec, copyStartSec, bytes };
    });
    const ends = fairShareFinishSec(transfers.map((t) => ({ startSec: t.copyStartSec, bytes: t.bytes })), reprotect.link.bandwidthBytesPerSec);
    moved.forEach((vm, i) => {
      push(vm, 'azure-unprotected', transfers[i]!.startSec, false, false, { note: 'committed; not yet reprotected' });
      push(vm, 'reprotect-to-on-premises', ends[i]!, false, false, {
        bytesTransferred: transfers[i]!.bytes,
        note: `${reprotect.location} location over ${reprotect.link.kind}`,
      });
    });
    protectedInAzure = moved;
  }

  // 3. Failover back to on-premises: once every reprotected VM is protected, at failbackAt or later.
  let failedBack: VmState[] = [];
  if (cycle.failbackAtSec !== null && protectedInAzure.length > 0) {
    const startSec = Math.max(cycle.failbackAtSec, ...protectedInAzure.map((vm) => vm.clockSec));
    const syncBytes = protectedInAzure.map((vm) => vm.churnBytesPerSec * vm.draws.failbackSyncLagSec);
    const syncEnds = fairShareFinishSec(
      protectedInAzure.map((vm, i) => ({ startSec: startSec + vm.draws.failbackShutdownSec, bytes: syncBytes[i]! })),
      reprotect!.link.bandwidthBytesPerSec,
    );
    const stepSec = new Map(protectedInAzure.map((vm, i) => [vm, syncEnds[i]! - startSec + vm.draws.failbackJobSec + vm.draws.failbackBootSec]));
    const ends = withPlans(scenario, protectedInAzure, startSec, (vm) => stepSec.get(vm) ?? 0, stream, 'failback');
    protectedInAzure.forEach((vm, i) => {
      const protectedForSec = startSec - vm.clockSec;
      push(vm, 'protected-in-azure', startSec, true, false, { note: 'failback replication, fixed policy' });
      push(vm, 'failover-to-on-premises', ends.get(vm)!, false, true, { bytesTransferred: syncBytes[i]!, ...failbackLoss(cycle, vm, protectedForSec) });
    });
    failedBack = protectedInAzure;
  }

  // 4. Reprotect the on-premises VMs to Azure: differential resync over each VM's own uplink.
  const again = cycle.reprotectOnPremises;
  if (again !== null && failedBack.length > 0) {
    for (const uplink of scenario.uplinks) {
      const serverOf = new Map(scenario.processServers.map((ps) => [ps.name, ps]));
      const here = failedBack.filter((vm) => serverOf.get(vm.spec.processServer)!.uplink === uplink.name);
      const transfers = here.map((vm) => {
        const startSec = vm.clockSec + again.afterSec;
        const copyStartSec = startSec + vm.draws.resyncFixedSec;
        const bytes = boundedByDisk(vm.spec, vm.churnBytesPerSec * (copyStartSec - vm.clockSec));
        const wireBytes = bytes / serverOf.get(vm.spec.processServer)!.compressionRatio;
        return { startSec, copyStartSec, bytes, wireBytes };
      });
      const ends = fairShareFinishSec(transfers.map((t) => ({ startSec: t.copyStartSec, bytes: t.wireBytes })), uplink.bandwidthBytesPerSec);
      here.forEach((vm, i) => {
        push(vm, 'on-premises-unprotected', transfers[i]!.startSec, false, false, { note: 'failback committed; Azure VM removed' });
        push(vm, 'reprotect-to-azure', ends[i]!, false, false, { bytesTransferred: transfers[i]!.bytes, note: 'differential resync' });
      });
    }
  }

  // The state each VM ends in lasts until the cycle's end.
  const endSec = Math.max(scenario.horizonSec, ...vms.map((vm) => vm.clockSec));
  for (const vm of vms) push(vm, finalState(vm), endSec, finalState(vm).startsWith('protected'), false);
  return vms.flatMap((vm) => vm.phases);
}

function finalState(vm: VmState): CyclePhaseName {
  switch (vm.phases.at(-1)?.phase) {
    case 'failover-to-azure':
      return 'azure-unprotected';
    case 'reprotect-to-on-premises':
      return 'protected-in-azure';
    case 'reprotect-to-azure':
      return 'protected-on-premises';
    default:
      return 'on-premises-unprotected';
  }
}

/**
 * latest: the final sync leaves nothing behind. latest-app-consistent: the newest app point at the master
 * target is U·60 min + the processing delay old (U uniform on [0, 1): the failback falls anywhere in the
 * app-consistent cycle); without one yet (protected for less than that), the VM fails back to latest.
 */
function failbackLoss(cycle: CycleSpec, vm: VmState, protectedForSec: number): PhaseExtras {
  if (cycle.failbackChoice === 'latest') return { note: 'latest: final sync, no data loss' };
  const ageSec = vm.draws.appPhase * FAILBACK_POLICY.appConsistentIntervalSec + cycle.failbackProcessingDelaySec;
  if (ageSec > protectedForSec) return { note: 'no app-consistent point yet: failed back to latest' };
  return { dataLossSec: ageSec, dataLossBytes: vm.churnBytesPerSec * ageSec, note: 'latest-app-consistent' };
}
