import type { SawtoothStats } from './sawtoothStats.js';

/**
 * Time-weighted statistics of a signal made of linear segments of any slope: segment i lasts durations[i]
 * seconds and moves linearly from a[i] to b[i] (either way; only its range and duration matter). Quantiles are
 * exact: the time spent above x is piecewise linear in x (a sloped segment contributes duration/(hi − lo) per
 * unit of x inside its range, a flat one jumps by its duration at its value), so a sweep over the sorted
 * segment bounds finds where it equals (1 − p) · total.
 */
export function linearSegmentStats(a: Float64Array, b: Float64Array, durations: Float64Array, probabilities: readonly number[]): SawtoothStats {
  const n = a.length;
  let total = 0;
  let integral = 0;
  let max = -Infinity;
  const lows = new Float64Array(n);
  const highs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = durations[i]!;
    lows[i] = Math.min(a[i]!, b[i]!);
    highs[i] = Math.max(a[i]!, b[i]!);
    // A range too narrow to resolve is a flat segment at its middle: its density would swamp the running sum.
    if (highs[i]! - lows[i]! <= 1e-12 * Math.max(1, Math.abs(highs[i]!))) lows[i] = highs[i] = (lows[i]! + highs[i]!) / 2;
    total += d;
    integral += ((a[i]! + b[i]!) / 2) * d;
    if (highs[i]! > max) max = highs[i]!;
  }
  if (n === 0 || total <= 0) return { totalSec: 0, mean: null, max: null, quantiles: probabilities.map(() => null) };

  const byHigh = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => highs[y]! - highs[x]!);
  const byLow = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => lows[y]! - lows[x]!);
  const targets = probabilities.map((p) => (1 - p) * total);
  const order = targets.map((_, k) => k).sort((x, y) => targets[x]! - targets[y]!);
  const quantiles: (number | null)[] = probabilities.map(() => null);

  // Sweep x downward: passing a segment's high adds its density (or, if flat, its whole duration); passing its
  // low removes the density. `above` is the time above x, `density` its rate of growth as x falls.
  let x = highs[byHigh[0]!]!;
  let above = 0;
  let density = 0;
  let i = 0;
  let j = 0;
  let next = 0;
  while (next < order.length) {
    const nextPoint = Math.max(i < n ? highs[byHigh[i]!]! : -Infinity, j < n ? lows[byLow[j]!]! : -Infinity);
    const reach = nextPoint === -Infinity ? Infinity : above + density * (x - nextPoint);
    const target = targets[order[next]!]!;
    if (target <= reach) {
      quantiles[order[next]!] = density <= 0 ? x : x - (target - above) / density;
      next++;
      continue;
    }
    above = reach;
    x = nextPoint;
    // Flat segments at x count as above from just below x: a quantile target inside that jump is x itself.
    let jump = 0;
    for (; i < n && highs[byHigh[i]!]! === x; i++) {
      const k = byHigh[i]!;
      if (highs[k]! > lows[k]!) density += durations[k]! / (highs[k]! - lows[k]!);
      else jump += durations[k]!;
    }
    for (; j < n && lows[byLow[j]!]! === x; j++) {
      const k = byLow[j]!;
      if (highs[k]! > lows[k]!) density -= durations[k]! / (highs[k]! - lows[k]!);
    }
    if (density < 0) density = 0;
    while (jump > 0 && next < order.length && targets[order[next]!]! <= above + jump) quantiles[order[next++]!] = x;
    above += jump;
  }
  return { totalSec: total, mean: integral / total, max, quantiles };
}
