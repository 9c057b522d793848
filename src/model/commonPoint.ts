import type { RecoveryPoint } from './recoveryPoints.js';
import type { VmReplication } from './vmReplication.js';

/** A replication group's newest common point: one source time, and each member's own point at it (members' order). */
export interface CommonPoint {
  sourceTimeSec: number;
  members: RecoveryPoint[];
}

/**
 * The newest source time at which every member has a usable point retained at nowSec (app-consistent ones only
 * when appOnly). Every VM tags at the same global instants, so members' points share source times; a common
 * point exists only where every member has processed past it, so the slowest member sets the group's RPO, and
 * the result is never newer than any member's own newest point. Members must have been advanced to nowSec.
 */
export function newestCommonPoint(members: readonly VmReplication[], nowSec: number, appOnly: boolean): CommonPoint | null {
  if (members.length === 0) return null;
  const byTime = members.map((vm) => {
    const usable = vm.stoppedSec === null ? vm.points.retainedAt(nowSec) : [];
    return new Map(usable.filter((p) => !appOnly || p.kind === 'app-consistent').map((p) => [p.sourceTimeSec, p]));
  });
  const candidates = [...byTime[0]!.keys()].sort((a, b) => b - a);
  for (const time of candidates) {
    const points = byTime.map((points) => points.get(time));
    if (points.every((p) => p !== undefined)) return { sourceTimeSec: time, members: points as RecoveryPoint[] };
  }
  return null;
}
