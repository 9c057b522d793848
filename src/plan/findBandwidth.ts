/** A guess at an interval holding the answer; an end marked checked is known (not guessed) to fail / meet. */
export interface Bracket {
  lo: number;
  hi: number;
  loChecked?: boolean;
  hiChecked?: boolean;
}

/**
 * The smallest bandwidth that meets a target, for a `meets` that is monotone in the bandwidth (compliance
 * grows with it). The bracket is first narrowed by bandwidths already evaluated (`evaluated`: calling
 * `meets` on them must be free, e.g. cached), its unchecked ends are checked (and widened if wrong), then it
 * is bisected until its width is within `relativePrecision` of its upper end, which is the answer.
 */
export function findBandwidth(meets: (bytesPerSec: number) => boolean, bracket: Bracket, evaluated: Iterable<number> = [], relativePrecision = 5e-3): number {
  let { lo, hi } = bracket;
  let loChecked = bracket.loChecked ?? false;
  let hiChecked = bracket.hiChecked ?? false;
  for (const b of evaluated) {
    if (meets(b)) {
      if (b < hi) (hi = b), (hiChecked = true);
    } else if (b > lo) (lo = b), (loChecked = true);
  }
  // A guessed end on the wrong side of an evaluated one: move it past.
  if (lo >= hi && !loChecked) lo = hi / 2;
  else if (lo >= hi && !hiChecked) hi = lo * 2;
  else if (lo >= hi) return hi; // rounding made `meets` non-monotone here: take the evaluated bandwidth that meets
  if (!hiChecked) for (let i = 0; i < 40 && !meets(hi); i++) (lo = hi), (loChecked = true), (hi *= 2);
  if (!loChecked) for (let i = 0; i < 40 && lo > 0 && lo < hi && meets(lo); i++) (hi = lo), (lo /= 2);
  while (hi - lo > relativePrecision * hi) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
