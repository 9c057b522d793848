import { quantileSorted } from 'd3-array';
import { batchMeans } from './confidenceInterval.js';
import type { Stats } from './types.js';

/** Batches for the confidence interval, and the fewest values for which one is given. */
export const CI_BATCHES = 10;
export const CI_MIN_VALUES = 20;

/**
 * Mean and linear-interpolated quantiles (d3's, R type 7) of a sample; nulls for an empty one. Values in
 * time order (disasters): the confidence interval is by batch means over consecutive values.
 */
export function sampleStats(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p95: null, p99: null, max: null, ci95: null };
  // NOTE: a typed array sorts numbers without calling a comparator: twice as fast, and a run's summaries sort a
  // sample per VM, choice and measure (15,000 at a thousand VMs).
  const sorted = new Float64Array(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: quantileOfSorted(sorted, 0.5),
    p95: quantileOfSorted(sorted, 0.95),
    p99: quantileOfSorted(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
    ci95: meanCi95(values),
  };
}

/** d3's quantileSorted reads only `length` and indices, so a sorted typed array serves (its types ask for an array). */
const quantileOfSorted = (sorted: Float64Array, p: number): number => quantileSorted(sorted as unknown as number[], p)!;

/**
 * 95% CI of the mean of time-ordered values by batch means, and its half-width t·s/√n; null when there are too few
 * values. Every Stats is of a quantity that cannot be negative (data loss, downtime, a point's age), so the low
 * end is clipped at 0; the half-width is the one before clipping (what a "±" shows). The interval is centred on
 * the mean of whole batches, which can differ from the mean of all values: read the half-width from here, not
 * from the interval's ends.
 */
export function meanInterval(values: readonly number[]): { ci95: [number, number]; halfWidth: number } | null {
  if (values.length < CI_MIN_VALUES) return null;
  const estimate = batchMeans(values, CI_BATCHES, { atLeast: 0 });
  return estimate === null ? null : { ci95: estimate.ci95, halfWidth: estimate.halfWidth };
}

export const meanCi95 = (values: readonly number[]): [number, number] | null => meanInterval(values)?.ci95 ?? null;
