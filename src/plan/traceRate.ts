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
  const events = new Map<number, number>(); // time → change of rate
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
          events.set(from, (events.get(from) ?? 0) + rate);
          events.set(to, (events.get(to) ?? 0) - rate);
        }
        if (!churn.loop) break;
      }
    }
  }
  const times = [...events.keys()].sort((a, b) => a - b).filter((t) => t < horizon);
  const startsSec: number[] = [];
  const ratesBytesPerSec: number[] = [];
  let rate = 0;
  if (times[0] !== 0) (startsSec.push(0), ratesBytesPerSec.push(0));
  for (const t of times) {
    rate += events.get(t)!;
    startsSec.push(t);
    ratesBytesPerSec.push(Math.max(0, rate));
  }
  return { startsSec, ratesBytesPerSec, endSec: horizon };
}
