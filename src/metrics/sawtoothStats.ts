import { linearSegmentStats } from './linearSegmentStats.js';

/**
 * Time-weighted statistics of a signal made of slope-1 segments: on segment i it rises from start[i] to end[i]
 * over end[i] − start[i] seconds. The RPO (age of the newest recovery point) is such a
 * signal. Quantiles are exact: the time spent above x, A(x) = Σ max(0, end − max(start, x)), is piecewise
 * linear in x (see linearSegmentStats, which this is a case of).
 */
export interface SawtoothStats {
  totalSec: number;
  mean: number | null;
  max: number | null;
  quantiles: (number | null)[];
}

export function sawtoothStats(starts: Float64Array, ends: Float64Array, probabilities: readonly number[]): SawtoothStats {
  const durations = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) durations[i] = ends[i]! - starts[i]!;
  return linearSegmentStats(starts, ends, durations, probabilities);
}

/** Seconds the signal spends above level. */
export function sawtoothSecondsAbove(starts: Float64Array, ends: Float64Array, level: number): number {
  let seconds = 0;
  for (let i = 0; i < starts.length; i++) seconds += Math.max(0, ends[i]! - Math.max(starts[i]!, level));
  return seconds;
}
