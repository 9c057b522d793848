import { pointRef, type PointRef } from './points/pointRef.js';
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
 */
export function newestCommonPoint(members: readonly ReplicatedVm[], nowSec: number, appOnly: boolean): CommonPoint | null {
  if (members.length === 0) return null;
  const byTime = members.map(({ stream }) => {
    const byTimeOfMember = new Map<number, PointRef>();
    if (stream.stoppedSec !== null) return byTimeOfMember;
    for (const i of stream.points.retainedAt(nowSec)) {
      const point = pointRef(stream.points, i)!;
      if (!appOnly || point.kind === 'app-consistent') byTimeOfMember.set(point.sourceTimeSec, point);
    }
    return byTimeOfMember;
  });
  const candidates = [...byTime[0]!.keys()].sort((a, b) => b - a);
  for (const time of candidates) {
    const points = byTime.map((points) => points.get(time));
    if (points.every((p) => p !== undefined)) return { sourceTimeSec: time, members: points as PointRef[] };
  }
  return null;
}
