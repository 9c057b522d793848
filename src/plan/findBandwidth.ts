/**
 * The smallest bandwidth at which compliance(b) ≥ target, by bisection on a bracket that is first checked
 * (and widened if needed): compliance grows with bandwidth, so the answer is the bracket's upper end once it
 * is within `relativePrecision`. Evaluations are cached by the caller's function, shared across targets.
 */
export function findBandwidth(
  compliance: (bytesPerSec: number) => number,
  target: number,
  bracket: [number, number],
  relativePrecision = 3e-3,
): number {
  let [lo, hi] = bracket;
  for (let i = 0; i < 40 && compliance(hi) < target; i++) (lo = hi), (hi *= 2);
  for (let i = 0; i < 40 && lo > 0 && compliance(lo) >= target; i++) (hi = lo), (lo /= 2);
  while (hi - lo > relativePrecision * hi) {
    const mid = (lo + hi) / 2;
    if (compliance(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
