import type { Scenario } from '../scenario/types.js';

/** A piecewise-constant write rate: interval i runs from startsSec[i] to the next start (the last to the end). */
export interface PiecewiseRate {
  startsSec: number[];
  ratesBytesPerSec: number[];
  endSec: number;
}

/**
 * The total write rate of a scenario whose churn is made only of traces, over [0, horizon): each trace
 * (looped if it says so) as a piecewise-constant rate, summed over components and VMs. null when some churn
 * is random or not a trace: then there is no deterministic write curve to compute c* from.
 */
export function scenarioTraceRate(scenario: Scenario): PiecewiseRate | null {
  const horizon = scenario.horizonSec;
  // Each interval adds its rate at its start and removes it at its end.
  // NOTE: flat arrays, not a map keyed by time: a month per minute is 90k changes (a map took 85 ms).
  const changeSec: number[] = [];
  const change: number[] = [];
  for (const vm of scenario.vms) {
    for (const churn of vm.churn) {
      if (churn.kind !== 'trace') return null;
      const { startsSec, bytes } = churn;
      const n = startsSec.length;
      const lastLength = startsSec[n - 1]! - startsSec[n - 2]!;
      const period = startsSec[n - 1]! + lastLength;
      for (let offset = 0; offset < horizon; offset += period) {
        for (let i = 0; i < n; i++) {
          const from = offset + startsSec[i]!;
          if (from >= horizon) break;
          const to = Math.min(horizon, offset + (i + 1 < n ? startsSec[i + 1]! : period));
          const rate = bytes[i]! / ((i + 1 < n ? startsSec[i + 1]! : period) - startsSec[i]!);
          changeSec.push(from, to);
          change.push(rate, -rate);
        }
        if (!churn.loop) break;
      }
    }
  }
  // In time order; the changes at one instant are summed in the order they were made (a stable sort).
  const order = Array.from(changeSec, (_, k) => k);
  if (changeSec.some((t, k) => k > 0 && t < changeSec[k - 1]!)) order.sort((a, b) => changeSec[a]! - changeSec[b]!);
  const startsSec: number[] = [];
  const ratesBytesPerSec: number[] = [];
  let rate = 0;
  if (changeSec[order[0]!] !== 0) (startsSec.push(0), ratesBytesPerSec.push(0));
  for (let k = 0; k < order.length; ) {
    const t = changeSec[order[k]!]!;
    let sum = 0;
    for (; k < order.length && changeSec[order[k]!] === t; k++) sum += change[order[k]!]!;
    if (t >= horizon) continue;
    rate += sum;
    startsSec.push(t);
    ratesBytesPerSec.push(Math.max(0, rate));
  }
  return { startsSec, ratesBytesPerSec, endSec: horizon };
}
