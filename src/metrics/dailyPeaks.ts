const DAY_SEC = 86_400;

/**
 * The largest value of a piecewise-linear function (an RPO sawtooth, the replication lag) in each day from
 * fromSec (the end of the warm-up): its exact supremum, from the linear segments it is given in time order. A
 * linear piece is largest at one of its ends, so each day's peak is at a segment's end or at the day's edge. The
 * value reached at a day's end belongs to that day (a sawtooth's left limit before it drops).
 */
export class DailyPeaks {
  private readonly peaks: number[] = [];

  constructor(private readonly fromSec: number) {}

  /** The function goes linearly from v0 at t0 to v1 at t1 (t0 < t1); only its part from fromSec counts. */
  segment(t0: number, v0: number, t1: number, v1: number): void {
    let from = Math.max(t0, this.fromSec);
    if (t1 <= from) return;
    const at = (t: number) => (t === t0 ? v0 : t === t1 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0));
    let day = Math.floor((from - this.fromSec) / DAY_SEC);
    while (from < t1) {
      const to = Math.min(t1, this.fromSec + (day + 1) * DAY_SEC);
      const peak = Math.max(at(from), at(to));
      while (this.peaks.length <= day) this.peaks.push(0);
      if (peak > this.peaks[day]!) this.peaks[day] = peak;
      from = to;
      day++;
    }
  }

  /** One peak per day from fromSec to endSec, a last partial day included (0: a day with no value above 0). */
  values(endSec: number): number[] {
    const days = Math.max(0, Math.ceil((endSec - this.fromSec) / DAY_SEC));
    return Array.from({ length: days }, (_, day) => this.peaks[day] ?? 0);
  }
}
