import type { PointRef } from './points/pointStore.js';
import type { ReplicatedVm } from './site.js';

/** A replication group's newest common point: one source time, and each member's own point at it (members' order). */
export interface CommonPoint {
  sourceTimeSec: number;
  members: PointRef[];
}

/**
 * The newest source time at which every member has a usable point retained at nowSec (app-consistent ones only
 * when appOnly). Every VM tags at the same global instants, so members' points share source times; a common
 * point exists only where every member has processed past it, so the slowest member sets the group's RPO, and
 * the result is never newer than any member's own newest point. Members must have been observed at nowSec.
 *
 * Found by stepping down: each member's newest retained point at or before the current candidate time; when
 * they all agree, that is the common point, else the oldest of them is the next candidate.
 */
export function newestCommonPoint(members: readonly ReplicatedVm[], nowSec: number, appOnly: boolean): CommonPoint | null {
  if (members.length === 0 || members.some((vm) => vm.stream.stoppedSec !== null)) return null;
  let candidate = Infinity;
  for (;;) {
    const points: PointRef[] = [];
    for (const { stream } of members) {
      let point = stream.points.newestRetainedAtOrBefore(candidate, nowSec);
      while (point !== null && appOnly && point.kind !== 'app-consistent') point = stream.points.newestRetainedAtOrBefore(point.sourceTimeSec - 1e-6, nowSec);
      if (point === null) return null;
      points.push(point);
    }
    const oldest = Math.min(...points.map((p) => p.sourceTimeSec));
    if (points.every((p) => p.sourceTimeSec === oldest)) return { sourceTimeSec: oldest, members: points };
    candidate = oldest;
  }
}
