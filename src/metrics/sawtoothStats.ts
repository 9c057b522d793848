/**
 * Time-weighted statistics of a signal made of slope-1 segments: on segment i it rises from start[i] to end[i]
 * over end[i] − start[i] seconds. The RPO (age of the newest recovery point) and the replication lag are such
 * signals. Quantiles are exact: the time spent above x, A(x) = Σ max(0, end − max(start, x)), is piecewise
 * linear in x, so a sweep over the sorted segment ends finds where A(x) = (1 − p) · total.
 */
export interface SawtoothStats {
  totalSec: number;
  mean: number | null;
  max: number | null;
  quantiles: (number | null)[];
}

export function sawtoothStats(starts: Float64Array, ends: Float64Array, probabilities: readonly number[]): SawtoothStats {
  const n = starts.length;
  let total = 0;
  let integral = 0;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = starts[i]!;
    const b = ends[i]!;
    total += b - a;
    integral += ((a + b) / 2) * (b - a);
    if (b > max) max = b;
  }
  if (n === 0 || total <= 0) return { totalSec: 0, mean: null, max: null, quantiles: probabilities.map(() => null) };

  const descStarts = Float64Array.from(starts).sort().reverse();
  const descEnds = Float64Array.from(ends).sort().reverse();
  const targets = probabilities.map((p) => (1 - p) * total);
  const order = targets.map((_, k) => k).sort((x, y) => targets[x]! - targets[y]!);
  const quantiles: (number | null)[] = probabilities.map(() => null);

  // Sweep x downward from the largest end: passing an end adds a rising segment, passing a start removes it.
  let x = descEnds[0]!;
  let above = 0;
  let active = 0;
  let i = 0;
  let j = 0;
  let next = 0;
  while (next < order.length) {
    const nextPoint = Math.max(i < n ? descEnds[i]! : -Infinity, j < n ? descStarts[j]! : -Infinity);
    const reach = nextPoint === -Infinity ? Infinity : above + active * (x - nextPoint);
    const target = targets[order[next]!]!;
    if (target <= reach) {
      quantiles[order[next]!] = active === 0 ? x : x - (target - above) / active;
      next++;
      continue;
    }
    above = reach;
    x = nextPoint;
    while (i < n && descEnds[i]! === x) (active++, i++);
    while (j < n && descStarts[j]! === x) (active--, j++);
  }
  return { totalSec: total, mean: integral / total, max, quantiles };
}

/** Seconds the signal spends above level. */
export function sawtoothSecondsAbove(starts: Float64Array, ends: Float64Array, level: number): number {
  let seconds = 0;
  for (let i = 0; i < starts.length; i++) seconds += Math.max(0, ends[i]! - Math.max(starts[i]!, level));
  return seconds;
}
