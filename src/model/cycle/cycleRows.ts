import { cyclePlanSummaries, cycleVmSummaries } from '../../metrics/cycleSummary.js';
import type { CyclePhaseName, CyclePlanSummary, CycleVmSummary, FailoverRecord, LegSummary, LifecyclePhase, RpoSummary } from '../../metrics/types.js';
import type { CycleSpec, Scenario } from '../../scenario/types.js';
import type { ReplicatedVm } from '../site.js';

/** The instants one VM's cycle reached, as the simulation went (null: not reached by the horizon). */
export interface CycleTimes {
  vm: ReplicatedVm;
  failover: FailoverRecord | null;
  failoverEndSec: number | null;
  recoveryPointsAfterCommit: number | null;
  createdAtFailover: number;
  reprotectStartSec: number | null;
  resyncBytes: number;
  protectedInAzureSec: number | null;
  failback: FailoverRecord | null;
  failbackStartSec: number | null;
  failbackEndSec: number | null;
  againStartSec: number | null;
  againBytes: number;
  protectedAgainSec: number | null;
  legs: LegSummary[];
}

type Extras = Partial<Pick<LifecyclePhase, 'bytesTransferred' | 'dataLossSec' | 'dataLossBytes' | 'rpo' | 'note'>>;

/**
 * lifecycle.csv's rows and the cycle's totals from what happened: one row per VM × phase, back to back from
 * the failover to the horizon. A phase still running at the horizon ends there and says so.
 */
export function cycleRows(scenario: Scenario, cycle: CycleSpec, states: readonly CycleTimes[]): { phases: LifecyclePhase[]; vms: CycleVmSummary[]; plans: CyclePlanSummary[] } {
  const horizon = scenario.horizonSec;
  const phases: LifecyclePhase[] = [];
  for (const state of states) {
    const rows: LifecyclePhase[] = [];
    const name = state.vm.spec.name;
    // Each phase starts where the previous one ended; one that would start at the horizon is not reached.
    let clock = cycle.failoverAtSec;
    const push = (phase: CyclePhaseName, endSec: number | null, protectedNow: boolean, down: boolean, extras: Extras = {}): boolean => {
      if (clock >= horizon && rows.length > 0) return false;
      const end = endSec === null ? horizon : Math.min(endSec, horizon);
      const unfinished = endSec === null || endSec > horizon;
      rows.push({
        vm: name,
        phase,
        startSec: clock,
        endSec: end,
        durationSec: end - clock,
        bytesTransferred: extras.bytesTransferred ?? 0,
        dataLossSec: extras.dataLossSec ?? 0,
        dataLossBytes: extras.dataLossBytes ?? 0,
        protected: protectedNow,
        down,
        rpo: extras.rpo ?? null,
        note: [extras.note ?? '', unfinished && isTransition(phase) ? 'not finished by the horizon' : ''].filter(Boolean).join('; '),
      });
      clock = end;
      return !unfinished;
    };
    const record = state.failover!;
    if (cycle.outcome === 'cancel' || record.recoveryPointTimeSec === null) {
      const note = cycle.outcome === 'cancel' ? 'cancelled in progress: replication stopped' : `not failed over: ${record.note}`;
      if (push('failover-cancelled', state.failoverEndSec, false, cycle.shutdownFirst, { note })) push('on-premises-unprotected', null, false, false);
    } else {
      const failedOver = push('failover-to-azure', state.failoverEndSec, false, true, {
        dataLossSec: record.dataLossSec!,
        dataLossBytes: record.dataLossBytes!,
        note: `${record.choice} ${record.note}`.trim(),
      });
      if (failedOver) azureSide(state, cycle, push);
    }
    phases.push(...rows);
  }
  const facts = new Map(
    states.map((s) => [
      s.vm.spec.name,
      {
        recoveryPointsAfterCommit: s.recoveryPointsAfterCommit,
        recoveryPointsCreatedAfterFailover: s.vm.stream.points.created - s.createdAtFailover,
        failoverToProtectedInAzureSec: s.protectedInAzureSec === null || s.protectedInAzureSec > horizon ? null : s.protectedInAzureSec - cycle.failoverAtSec,
        legs: s.legs,
      },
    ]),
  );
  return {
    phases,
    vms: cycleVmSummaries(phases, states.map((s) => s.vm.spec.name), facts),
    plans: cyclePlanSummaries(phases, scenario.recoveryPlans),
  };
}

type Push = (phase: CyclePhaseName, endSec: number | null, protectedNow: boolean, down: boolean, extras?: Extras) => boolean;

/** From the end of the failover to Azure: reprotect, failback replication, failback, reprotect to Azure. */
function azureSide(state: CycleTimes, cycle: CycleSpec, push: Push): void {
  if (state.reprotectStartSec === null) {
    push('azure-unprotected', null, false, false, { note: cycle.reprotect === null ? 'committed; no reprotect in this cycle' : 'committed' });
    return;
  }
  const reprotect = cycle.reprotect!;
  const [toOnPremises, toAzure] = [legOf(state, 'to-on-premises'), legOf(state, 'to-azure')];
  if (!push('azure-unprotected', state.reprotectStartSec, false, false, { note: 'committed; not yet reprotected' })) return;
  const resynced = push('reprotect-to-on-premises', state.protectedInAzureSec, false, false, {
    bytesTransferred: state.resyncBytes,
    note: `${reprotect.location} location over ${reprotect.link.kind} (${cycle.architecture})`,
  });
  if (!resynced) return;
  const failback = state.failback;
  const note = failback !== null && failback.recoveryPointTimeSec === null ? `; not failed back: ${failback.choice} ${failback.note}` : '';
  if (!push('protected-in-azure', state.failbackStartSec, true, false, { rpo: toOnPremises?.rpo ?? null, note: `failback replication, fixed policy${note}` }) || failback === null) return;
  const failedBack = push('failover-to-on-premises', state.failbackEndSec, false, true, {
    dataLossSec: failback.dataLossSec!,
    dataLossBytes: failback.dataLossBytes!,
    note: `${failback.choice} ${failback.note}`.trim(),
  });
  if (!failedBack) return;
  if (!push('on-premises-unprotected', state.againStartSec, false, false, { note: 'failback committed; Azure VM removed' }) || state.againStartSec === null) return;
  if (!push('reprotect-to-azure', state.protectedAgainSec, false, false, { bytesTransferred: state.againBytes, note: 'differential resync' })) return;
  push('protected-on-premises', null, true, false, { rpo: toAzure?.rpo ?? null });
}

function legOf(state: CycleTimes, direction: LegSummary['direction']): { rpo: RpoSummary } | undefined {
  return state.legs.find((leg) => leg.direction === direction);
}

/** Phases that end by completing something (the others simply last until the next one starts). */
function isTransition(phase: CyclePhaseName): boolean {
  return phase === 'failover-to-azure' || phase === 'failover-cancelled' || phase === 'reprotect-to-on-premises' || phase === 'failover-to-on-premises' || phase === 'reprotect-to-azure';
}
