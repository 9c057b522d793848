/**
 * The exact smallest drain rate c* that keeps the replication lag ≤ R over a cumulative write curve W:
 *   c* = sup over s ≤ u of (W(u) − W(s)) / ((u − s) + R)
 * (lag(t) ≤ R ⇔ everything written by t − R is uploaded by t ⇔ W(u) − W(s) ≤ c(u − s + R) for all s ≤ u; a
 * FIFO queue drained at c starting empty). W is piecewise linear, so the sup is attained at breakpoints.
 *
 * Dinkelbach's method instead of the O(n²) pairs: g(c) = max_{s≤u} [W(u) − W(s) − c(u − s + R)] is convex and
 * decreasing with root c*; for a given c one pass finds the maximising pair (keep the running minimum of
 * W(s) − c·s), and the next c is that pair's ratio. Each step is O(n); it ends exactly, in a handful of steps.
 */
export function minimumLagCapacity(timesSec: ArrayLike<number>, writtenBytes: ArrayLike<number>, rpoSec: number): number {
  const n = timesSec.length;
  let c = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let best = -Infinity;
    let bestRatio = c;
    let minValue = Infinity;
    let minIndex = 0;
    for (let j = 0; j < n; j++) {
      const value = writtenBytes[j]! - c * timesSec[j]!;
      if (value < minValue) {
        minValue = value;
        minIndex = j;
      }
      const gain = value - minValue - c * rpoSec;
      if (gain > best) {
        best = gain;
        bestRatio = (writtenBytes[j]! - writtenBytes[minIndex]!) / (timesSec[j]! - timesSec[minIndex]! + rpoSec);
      }
    }
    if (bestRatio <= c * (1 + 1e-12)) return c;
    c = bestRatio;
  }
  return c;
}

/** Cumulative-write breakpoints of a piecewise-constant rate (interval i from starts[i] at rates[i]) up to endSec. */
export function cumulativeWrites(startsSec: readonly number[], ratesBytesPerSec: readonly number[], endSec: number) {
  const times = new Float64Array(startsSec.length + 1);
  const written = new Float64Array(startsSec.length + 1);
  for (let i = 0; i < startsSec.length; i++) {
    times[i] = startsSec[i]!;
    const next = i + 1 < startsSec.length ? startsSec[i + 1]! : endSec;
    times[i + 1] = next;
    written[i + 1] = written[i]! + ratesBytesPerSec[i]! * (next - startsSec[i]!);
  }
  return { times, written };
}
