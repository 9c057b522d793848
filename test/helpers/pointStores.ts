import type { WorkloadView } from '../../src/model/policies/pointPolicy.js';
import type { PointKind } from '../../src/model/points/pointList.js';
import type { PointStore } from '../../src/model/points/pointStore.js';
import { WriteCurve } from '../../src/model/writeCurve.js';

/** One stretch of a workload: from startSec on it writes at rateBytesPerSec (the first starts at 0). */
export interface RateStep {
  startSec: number;
  rateBytesPerSec: number;
}

/** A workload's bytes over time, as a journal store reads it, for rates that change at the given instants. */
export function workloadView(steps: readonly RateStep[]): WorkloadView & { bytesAt(t: number): number } {
  const bytesAt = (t: number): number => {
    let bytes = 0;
    steps.forEach((step, i) => {
      const end = Math.min(t, steps[i + 1]?.startSec ?? Infinity);
      if (end > step.startSec) bytes += step.rateBytesPerSec * (end - step.startSec);
    });
    return bytes;
  };
  const curve = new WriteCurve();
  for (const step of steps) curve.append(step.startSec, bytesAt(step.startSec));
  return { curve, writtenAt: bytesAt, rate: () => steps[steps.length - 1]!.rateBytesPerSec, bytesAt };
}

/** A constant write rate from time 0. */
export const constantWorkload = (rateBytesPerSec: number) => workloadView([{ startSec: 0, rateBytesPerSec }]);

/** Adds a point at each source time (oldest first), usable delaySec later; kind(s) says which are app-consistent. */
export function feed(
  store: PointStore,
  sourcesSec: readonly number[],
  bytesAt: (t: number) => number,
  delaySec = 0,
  kind: (sourceSec: number) => PointKind = () => 'crash-consistent',
): void {
  for (const s of sourcesSec) store.add(s, bytesAt(s), s + delaySec, kind(s));
}

/** Every point the store retains at nowSec, oldest first, by stepping down through its own answers. */
export function retainedSources(store: PointStore, nowSec: number): number[] {
  const kept: number[] = [];
  let point = store.newestRetainedAtOrBefore(Infinity, nowSec);
  while (point !== null) {
    kept.unshift(point.sourceTimeSec);
    point = store.newestRetainedAtOrBefore(point.sourceTimeSec - 1e-6, nowSec);
  }
  return kept;
}

/** from, from + step, …, up to and including `to`. */
export function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let k = 0; from + k * step <= to; k++) values.push(from + k * step);
  return values;
}
