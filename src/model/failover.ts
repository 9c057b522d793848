import type { FailoverRecord, RecoveryPointKind } from '../metrics/types.js';
import type { FailoverChoice, Scenario } from '../scenario/types.js';
import type { DowntimeDraws } from './downtimeDraws.js';
import type { RecoveryPoint } from './recoveryPoints.js';
import type { VmReplication } from './vmReplication.js';

interface ChosenPoint {
  sourceTimeSec: number;
  streamBytes: number;
  kind: RecoveryPointKind;
  /** Unprocessed bytes that must be processed before this point can be used (only for latest). */
  backlogBytes: number;
}

/** A group member's own point at its group's newest common point, for the multi-VM choices. */
export interface GroupPoints {
  group: string;
  processed: RecoveryPoint | null;
  appConsistent: RecoveryPoint | null;
}

/**
 * What failing over one VM at a disaster with one choice recovers and costs (domain.md §3). Everything not yet
 * in Azure is lost; `finalSyncBytesPerSec` is the rate at which a successful shutdown could still upload it.
 * The VM must have been advanced to the disaster time.
 */
export function evaluateFailover(
  vm: VmReplication,
  disasterSec: number,
  choice: FailoverChoice,
  draws: DowntimeDraws,
  scenario: Scenario,
  finalSyncBytesPerSec: number,
  group: GroupPoints | null = null,
): FailoverRecord {
  const failover = scenario.failover;
  const shutdownSucceeds = failover.shutdownBeforeFailover && !draws.shutdownFails && finalSyncBytesPerSec > 0;
  const finalSyncSec = shutdownSucceeds ? vm.unuploaded / finalSyncBytesPerSec : 0;
  const { point, note } = choosePoint(vm, disasterSec, choice, scenario, shutdownSucceeds, group);
  const shutdownSec = draws.shutdownSec + finalSyncSec;
  const backlogProcessingSec = point === null ? 0 : point.backlogBytes / vm.spec.applyRateBytesPerSec;
  // NOTE: one object literal with a fixed field order: records are made by the hundred thousand.
  return {
    disasterTimeSec: disasterSec,
    vm: vm.spec.name,
    choice,
    recoveryPointTimeSec: point === null ? null : point.sourceTimeSec,
    recoveryPointKind: point === null ? null : point.kind,
    dataLossSec: point === null ? null : disasterSec - point.sourceTimeSec,
    dataLossBytes: point === null ? null : Math.max(0, vm.written - point.streamBytes),
    downtimeSec:
      point === null
        ? null
        : shutdownSec + draws.detectionSec + backlogProcessingSec + draws.jobSec + draws.extraProcessingSec + draws.bootSec,
    shutdownSec,
    detectionSec: draws.detectionSec,
    backlogProcessingSec,
    jobSec: draws.jobSec,
    extraProcessingSec: draws.extraProcessingSec,
    bootSec: draws.bootSec,
    note,
  };
}

function choosePoint(
  vm: VmReplication,
  disasterSec: number,
  choice: FailoverChoice,
  scenario: Scenario,
  shutdownSucceeds: boolean,
  group: GroupPoints | null,
): { point: ChosenPoint | null; note: string } {
  if (vm.stoppedSec !== null && disasterSec >= vm.stoppedSec) {
    return { point: null, note: 'replication stopped (failed over or cancelled): unprotected' };
  }
  if (!vm.active || vm.initialReplicationDoneSec === null) {
    return { point: null, note: 'initial replication not finished: no replica in Azure' };
  }
  const ungrouped = choice.startsWith('latest-multi-vm') ? 'not in a replication group: own point' : '';
  switch (choice) {
    case 'latest': {
      const applied = vm.appliedAt(disasterSec);
      if (shutdownSucceeds) {
        // The final sync uploads everything: nothing is lost, all of it is processed before the VM starts.
        return {
          point: { sourceTimeSec: disasterSec, streamBytes: vm.written, kind: 'latest-uploaded', backlogBytes: vm.written - applied },
          note: 'shutdown and final sync succeeded',
        };
      }
      const point = { sourceTimeSec: vm.uploadedSourceTime(disasterSec), streamBytes: vm.uploaded };
      return {
        point: { ...point, kind: 'latest-uploaded', backlogBytes: Math.max(0, vm.uploaded - applied) },
        note: failoverNoteForShutdown(scenario, shutdownSucceeds),
      };
    }
    case 'latest-multi-vm-processed':
      if (group) return fromPoint(group.processed, `no common point of group ${group.group} yet`, `group ${group.group}`);
      return fromPoint(vm.points.newest(), 'no recovery point processed yet', ungrouped);
    case 'latest-processed':
      return fromPoint(vm.points.newest(), 'no recovery point processed yet', ungrouped);
    case 'latest-app-consistent':
    case 'latest-multi-vm-app-consistent':
      if (scenario.policy.appConsistentIntervalSec === 0) {
        return { point: null, note: 'no app-consistent point: app-consistent points are off' };
      }
      if (group && choice === 'latest-multi-vm-app-consistent') {
        return fromPoint(group.appConsistent, `no common app-consistent point of group ${group.group} yet`, `group ${group.group}`);
      }
      return fromPoint(vm.points.newestAppConsistent(), 'no app-consistent point processed yet', ungrouped);
    case 'custom': {
      const latestAllowed = disasterSec - scenario.failover.customPointAgeSec;
      const point = vm.points.newestRetainedAtOrBefore(latestAllowed, disasterSec);
      return fromPoint(point, `no retained point at least ${scenario.failover.customPointAgeSec} s old`, '');
    }
  }
}

function fromPoint(point: RecoveryPoint | null, missing: string, note: string): { point: ChosenPoint | null; note: string } {
  if (point === null) return { point: null, note: missing };
  return { point: { sourceTimeSec: point.sourceTimeSec, streamBytes: point.streamBytes, kind: point.kind, backlogBytes: 0 }, note };
}

function failoverNoteForShutdown(scenario: Scenario, shutdownSucceeds: boolean): string {
  if (!scenario.failover.shutdownBeforeFailover || shutdownSucceeds) return '';
  return 'shutdown failed: failed over without a final sync';
}
