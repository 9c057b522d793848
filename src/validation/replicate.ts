import { replicationSeed } from '../engine/replicationSeed.js';
import { estimateMean, type Estimate } from '../metrics/confidenceInterval.js';
import type { SimulationResult } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';

/**
 * Runs independent replications of a scenario (seeds derived from `seed`) and estimates each named measure
 * from them: one value per replication, so the replications give the confidence interval. Replications rather
 * than batch means within one run because every measure here (time averages, disaster averages) is then an
 * i.i.d. sample with no correlation to argue about; each replication discards its own warm-up.
 */
export function replicate<K extends string>(
  scenario: Scenario,
  seed: number,
  replications: number,
  measures: (result: SimulationResult) => Record<K, number>,
): Record<K, Estimate> {
  const values = new Map<K, number[]>();
  for (let i = 0; i < replications; i++) {
    const measured = measures(simulate(scenario, { seed: replicationSeed(seed, i) }));
    for (const [key, value] of Object.entries(measured) as [K, number][]) {
      if (!values.has(key)) values.set(key, []);
      values.get(key)!.push(value);
    }
  }
  return Object.fromEntries([...values].map(([key, list]) => [key, estimateMean(list)])) as Record<K, Estimate>;
}

/** Time average of a sample field after the warm-up (samples are evenly spaced, so a plain mean). */
export function sampledMean(result: SimulationResult, value: (totalBytes: number) => number): number {
  const totals = totalUnuploadedByTime(result);
  let sum = 0;
  for (const total of totals) sum += value(total);
  return sum / totals.length;
}

/** Total unuploaded bytes over all VMs at each sample time after the warm-up: the uplink's backlog Q(t). */
export function totalUnuploadedByTime(result: SimulationResult): number[] {
  const totals = new Map<number, number>();
  for (const sample of result.timeseries) {
    if (sample.timeSec < result.warmupSec) continue;
    totals.set(sample.timeSec, (totals.get(sample.timeSec) ?? 0) + sample.unuploadedBytes);
  }
  return [...totals.values()];
}
