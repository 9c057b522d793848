import { quantileSorted } from 'd3-array';
import type { Stats } from './types.js';

/** Mean and linear-interpolated quantiles (d3's, R type 7) of a sample; nulls for an empty one. */
export function sampleStats(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p95: null, p99: null, max: null };
  const sorted = Array.from(values).sort((a, b) => a - b);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: quantileSorted(sorted, 0.5)!,
    p95: quantileSorted(sorted, 0.95)!,
    p99: quantileSorted(sorted, 0.99)!,
    max: sorted[sorted.length - 1]!,
  };
}
