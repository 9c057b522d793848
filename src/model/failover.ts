import type { FailoverRecord, RecoveryPointKind } from '../metrics/types.js';
import type { FailoverChoice, Scenario } from '../scenario/types.js';
import type { DowntimeDraws } from './downtimeDraws.js';
import { pointRef, type PointRef } from './points/pointRef.js';
import type { ReplicatedVm } from './site.js';

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
  processed: PointRef | null;
  appConsistent: PointRef | null;
}

/**
 * What failing over one VM at a disaster with one choice recovers and costs (domain.md §3). Everything not yet
 * in Azure is lost; `finalSyncBytesPerSec` is the rate at which a successful shutdown could still upload it.
 * The VM's stream must have been observed at the disaster time.
 */
export function evaluateFailover(
  vm: ReplicatedVm,
  disasterSec: number,
  choice: FailoverChoice,
  draws: DowntimeDraws,
  scenario: Scenario,
  finalSyncBytesPerSec: number,
  group: GroupPoints | null = null,
): FailoverRecord {
  const failover = scenario.failover;
  const { stream } = vm;
  const shutdownSucceeds = failover.shutdownBeforeFailover && !draws.shutdownFails && finalSyncBytesPerSec > 0;
  const written = stream.writtenAt(disasterSec);
  const finalSyncSec = shutdownSucceeds ? (written - stream.uploadedAt(disasterSec)) / finalSyncBytesPerSec : 0;
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
    dataLossBytes: point === null ? null : Math.max(0, written - point.streamBytes),
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
  vm: ReplicatedVm,
  disasterSec: number,
  choice: FailoverChoice,
  scenario: Scenario,
  shutdownSucceeds: boolean,
  group: GroupPoints | null,
): { point: ChosenPoint | null; note: string } {
  const { stream } = vm;
  const points = stream.points;
  if (stream.stoppedSec !== null && disasterSec >= stream.stoppedSec) {
    return { point: null, note: 'replication stopped (failed over or cancelled): unprotected' };
  }
  // A replica exists from the first usable recovery point: the initial copy and the tag after it, processed.
  if (!stream.active || stream.initialReplicationDoneSec === null) {
    return { point: null, note: 'initial replication not finished: no replica in Azure' };
  }
  if (stream.firstPointSec === null) {
    return { point: null, note: 'initial copy uploaded but no recovery point processed yet: no replica in Azure' };
  }
  const ungrouped = choice.startsWith('latest-multi-vm') ? 'not in a replication group: own point' : '';
  switch (choice) {
    case 'latest': {
      const applied = stream.appliedAt(disasterSec);
      if (shutdownSucceeds) {
        // The final sync uploads everything: nothing is lost, all of it is processed before the VM starts.
        const written = stream.writtenAt(disasterSec);
        return {
          point: { sourceTimeSec: disasterSec, streamBytes: written, kind: 'latest-uploaded', backlogBytes: written - applied },
          note: 'shutdown and final sync succeeded',
        };
      }
      const uploaded = stream.uploadedAt(disasterSec);
      const point = { sourceTimeSec: stream.uploadedSourceTime(disasterSec), streamBytes: uploaded };
      return {
        point: { ...point, kind: 'latest-uploaded', backlogBytes: Math.max(0, uploaded - applied) },
        note: failoverNoteForShutdown(scenario, shutdownSucceeds),
      };
    }
    case 'latest-multi-vm-processed':
      if (group) return fromPoint(group.processed, `no common point of group ${group.group} yet`, `group ${group.group}`);
      return fromPoint(pointRef(points, points.newest()), 'no recovery point processed yet', ungrouped);
    case 'latest-processed':
      return fromPoint(pointRef(points, points.newest()), 'no recovery point processed yet', ungrouped);
    case 'latest-app-consistent':
    case 'latest-multi-vm-app-consistent':
      if (scenario.policy.appConsistentIntervalSec === 0) {
        return { point: null, note: 'no app-consistent point: app-consistent points are off' };
      }
      if (group && choice === 'latest-multi-vm-app-consistent') {
        return fromPoint(group.appConsistent, `no common app-consistent point of group ${group.group} yet`, `group ${group.group}`);
      }
      return fromPoint(pointRef(points, points.newestAppConsistent()), 'no app-consistent point processed yet', ungrouped);
    case 'custom': {
      const latestAllowed = disasterSec - scenario.failover.customPointAgeSec;
      const point = pointRef(points, points.newestRetainedAtOrBefore(latestAllowed, disasterSec));
      return fromPoint(point, `no retained point at least ${scenario.failover.customPointAgeSec} s old`, '');
    }
  }
}

function fromPoint(point: PointRef | null, missing: string, note: string): { point: ChosenPoint | null; note: string } {
  if (point === null) return { point: null, note: missing };
  return { point: { sourceTimeSec: point.sourceTimeSec, streamBytes: point.streamBytes, kind: point.kind, backlogBytes: 0 }, note };
}

function failoverNoteForShutdown(scenario: Scenario, shutdownSucceeds: boolean): string {
  if (!scenario.failover.shutdownBeforeFailover || shutdownSucceeds) return '';
  return 'shutdown failed: failed over without a final sync';
}
