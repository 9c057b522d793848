/**
 * The shortest delay that surely moves the clock forward at nowSec. A queue that would empty (or a threshold
 * that would be reached) sooner than this counts as emptied now: scheduling an event that lands on the same
 * floating-point instant would recompute the same state forever.
 */
export function timeResolutionSec(nowSec: number): number {
  return 1e-9 + Math.abs(nowSec) * 1e-13;
}
