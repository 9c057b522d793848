import type { FailoverRecord, RecoveryPointKind } from '../metrics/types.js';
import type { FailoverChoice, Scenario, VmSpec } from '../scenario/types.js';
import type { DowntimeDraws } from './downtimeDraws.js';
import type { ChoiceRule, PointPolicy } from './policies/pointPolicy.js';
import type { PointRef } from './points/pointStore.js';
import type { Stream } from './fluid/stream.js';

interface ChosenPoint {
  sourceTimeSec: number;
  kind: RecoveryPointKind;
  /** Bytes the workload wrote after the point: lost if it is used. */
  lossBytes: number;
  /** Unprocessed bytes that must be processed before this point can be used (only for latest). */
  backlogBytes: number;
}

/** A group member's own point at its group's newest common point, for the multi-VM choices. */
export interface GroupPoints {
  group: string;
  processed: PointRef | null;
  appConsistent: PointRef | null;
}

/** What a failover reads: the VM, the stream that replicates it and the product's rules for its points. */
export interface Replica {
  spec: VmSpec;
  stream: Stream;
  policy: PointPolicy;
  /** How fast the target applies what is still unprocessed (latest waits for it); default the VM's apply rate. */
  applyRateBytesPerSec?: number;
}

/**
 * What failing over one VM at a disaster with one choice recovers and costs (domain.md §3). Everything not yet
 * at the target is lost; `finalSyncBytesPerSec` is the rate at which a successful shutdown could still upload
 * it. `clean` needs `dwellSec`: the corruption began that long before the disaster. The VM's stream must have
 * been observed at the disaster time. A choice the product does not have gives no point and says why, rather
 * than a number.
 */
export function evaluateFailover(
  vm: Replica,
  disasterSec: number,
  choice: FailoverChoice,
  draws: DowntimeDraws,
  scenario: Scenario,
  finalSyncBytesPerSec: number,
  group: GroupPoints | null = null,
  dwellSec: number | null = null,
): FailoverRecord {
  const failover = scenario.failover;
  const { stream } = vm;
  const shutdownSucceeds = failover.shutdownBeforeFailover && !draws.shutdownFails && finalSyncBytesPerSec > 0;
  const finalSyncSec = shutdownSucceeds ? (stream.writtenAt(disasterSec) - stream.uploadedAt(disasterSec)) / finalSyncBytesPerSec : 0;
  const { point, note } = choosePoint(vm, disasterSec, choice, scenario, shutdownSucceeds, group, dwellSec);
  const shutdownSec = draws.shutdownSec + finalSyncSec;
  const backlogProcessingSec = point === null ? 0 : point.backlogBytes / (vm.applyRateBytesPerSec ?? vm.spec.applyRateBytesPerSec);
  // NOTE: one object literal with a fixed field order: records are made by the hundred thousand.
  return {
    disasterTimeSec: disasterSec,
    vm: vm.spec.name,
    choice,
    recoveryPointTimeSec: point === null ? null : point.sourceTimeSec,
    recoveryPointKind: point === null ? null : point.kind,
    dataLossSec: point === null ? null : disasterSec - point.sourceTimeSec,
    dataLossBytes: point === null ? null : Math.max(0, point.lossBytes),
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
    dwellSec,
  };
}

function choosePoint(
  vm: Replica,
  disasterSec: number,
  choice: FailoverChoice,
  scenario: Scenario,
  shutdownSucceeds: boolean,
  group: GroupPoints | null,
  dwellSec: number | null,
): { point: ChosenPoint | null; note: string } {
  const { stream } = vm;
  const points = stream.points;
  if (stream.stoppedSec !== null && disasterSec >= stream.stoppedSec) {
    return { point: null, note: 'replication stopped (failed over or cancelled): unprotected' };
  }
  // A replica exists from the first usable recovery point: the initial copy and the tag after it, processed.
  if (!stream.active || stream.initialReplicationDoneSec === null) {
    return { point: null, note: 'initial replication not finished: no replica at the target' };
  }
  if (stream.firstPointSec === null) {
    return { point: null, note: 'initial copy uploaded but no recovery point processed yet: no replica at the target' };
  }
  // Clean reaches back to a retained point as custom does; only the age differs: the corruption's dwell time.
  const rule: ChoiceRule = vm.policy.choice(choice === 'clean' ? 'custom' : choice);
  if ('unavailable' in rule) return { point: null, note: rule.unavailable };
  const workloadNow = stream.workloadWrittenAt(disasterSec);
  const fromPoint = (point: PointRef | null, missing: string, note = ''): { point: ChosenPoint | null; note: string } =>
    point === null ? { point: null, note: missing } : { point: { sourceTimeSec: point.sourceTimeSec, kind: point.kind, lossBytes: workloadNow - point.workloadBytes, backlogBytes: 0 }, note };
  const ungrouped = 'not in a replication group: own point';
  switch (rule.recovers) {
    case 'uploaded': {
      const applied = stream.appliedAt(disasterSec);
      const written = stream.writtenAt(disasterSec);
      if (shutdownSucceeds) {
        // The final sync uploads everything: nothing is lost, all of it is processed before the VM starts.
        return { point: { sourceTimeSec: disasterSec, kind: 'latest-uploaded', lossBytes: 0, backlogBytes: written - applied }, note: 'shutdown and final sync succeeded' };
      }
      const uploaded = stream.uploadedAt(disasterSec);
      return {
        point: { sourceTimeSec: stream.uploadedSourceTime(disasterSec), kind: 'latest-uploaded', lossBytes: written - uploaded, backlogBytes: Math.max(0, uploaded - applied) },
        note: failoverNoteForShutdown(scenario, shutdownSucceeds),
      };
    }
    case 'newest':
      return fromPoint(points.newest(), 'no recovery point processed yet');
    case 'newest-app':
      return fromPoint(points.newestAppConsistent(), 'no app-consistent point processed yet');
    case 'group':
      if (group === null) return fromPoint(rule.app ? points.newestAppConsistent() : points.newest(), 'no recovery point processed yet', ungrouped);
      return rule.app
        ? fromPoint(group.appConsistent, `no common app-consistent point of group ${group.group} yet`, `group ${group.group}`)
        : fromPoint(group.processed, `no common point of group ${group.group} yet`, `group ${group.group}`);
    case 'retained-before': {
      // Clean: from before the corruption, which began its dwell time before the disaster.
      const ageSec = choice === 'clean' ? dwellSec! : scenario.failover.customPointAgeSec;
      const missing = choice === 'clean' ? `no retained point from before the corruption (dwell ${dwellSec} s)` : `no retained point at least ${ageSec} s old`;
      return fromPoint(points.newestRetainedAtOrBefore(disasterSec - ageSec, disasterSec), missing);
    }
  }
}

function failoverNoteForShutdown(scenario: Scenario, shutdownSucceeds: boolean): string {
  if (!scenario.failover.shutdownBeforeFailover || shutdownSucceeds) return '';
  return 'shutdown failed: failed over without a final sync';
}
