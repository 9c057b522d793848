import type { ChurnComponent } from '../scenario/types.js';
import { type CumulativeCurve, cumulativeCurve } from './fluidQueue.js';

/**
 * A VM's cumulative written bytes W(t) over [0, horizon] when its churn is made only of traces, or null. The
 * rates change at the instants and to the values the simulation's churn sets them (startChurn: interval i of
 * cycle c from c·period + starts[i] at bytes[i] / its length; 0 after a trace that does not loop), summed over
 * the components in their order as the workload sums them.
 */
export function traceWriteCurve(churn: readonly ChurnComponent[], horizonSec: number): CumulativeCurve | null {
  const changes: { timeSec: number; component: number; rate: number }[] = [];
  for (const [component, c] of churn.entries()) {
    if (c.kind !== 'trace') return null;
    const { startsSec, bytes, loop } = c;
    const n = startsSec.length;
    const lengthOf = (i: number): number =>
      i + 1 < n ? startsSec[i + 1]! - startsSec[i]! : n > 1 ? startsSec[n - 1]! - startsSec[n - 2]! : 1;
    const periodSec = startsSec[n - 1]! + lengthOf(n - 1);
    for (let cycle = 0; ; cycle++) {
      for (let i = 0; i < n; i++) {
        const timeSec = cycle * periodSec + startsSec[i]!;
        if (timeSec >= horizonSec) break;
        const length = lengthOf(i);
        changes.push({ timeSec, component, rate: length > 0 ? bytes[i]! / length : 0 });
      }
      const endSec = cycle * periodSec + periodSec;
      if (!loop) {
        if (endSec < horizonSec) changes.push({ timeSec: endSec, component, rate: 0 });
        break;
      }
      if (endSec >= horizonSec) break;
    }
  }
  // Stable: at one instant the components change in their order, as their events were scheduled.
  if (churn.length > 1) changes.sort((a, b) => a.timeSec - b.timeSec);
  const rates = new Float64Array(churn.length);
  const timesSec = new Float64Array(changes.length + 2);
  const written = new Float64Array(changes.length + 2);
  let m = 1; // timesSec[0] = 0, written[0] = 0
  let rate = 0;
  for (let k = 0; k < changes.length; k++) {
    const { timeSec, component } = changes[k]!;
    if (timeSec > timesSec[m - 1]!) {
      written[m] = written[m - 1]! + rate * (timeSec - timesSec[m - 1]!);
      timesSec[m++] = timeSec;
    }
    rates[component] = changes[k]!.rate;
    rate = 0;
    for (let j = 0; j < rates.length; j++) rate += rates[j]!;
  }
  written[m] = written[m - 1]! + rate * (horizonSec - timesSec[m - 1]!);
  timesSec[m++] = horizonSec;
  return cumulativeCurve(timesSec.subarray(0, m), written.subarray(0, m));
}
