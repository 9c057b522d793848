/** A cumulative byte count over time: bytes[k] at timesSec[k] (ascending), linear in between, continuous. */
export interface CumulativeCurve {
  timesSec: Float64Array;
  bytes: Float64Array;
  /** At least the steepest slope of any piece (bytes per second): a queue drained this fast never fills. */
  steepestSlope: number;
}

/** A curve from its breakpoints, with its steepest slope. */
export function cumulativeCurve(timesSec: Float64Array, bytes: Float64Array): CumulativeCurve {
  let steepestSlope = 0;
  for (let k = 0; k + 1 < timesSec.length; k++) {
    const dt = timesSec[k + 1]! - timesSec[k]!;
    if (dt > 0) steepestSlope = Math.max(steepestSlope, (bytes[k + 1]! - bytes[k]!) / dt);
  }
  return { timesSec, bytes, steepestSlope };
}

/** Room for a drain's output, reused from one drain to the next (it grows as needed). */
export interface DrainBuffer {
  timesSec: Float64Array;
  bytes: Float64Array;
}

export const drainBuffer = (): DrainBuffer => ({ timesSec: new Float64Array(0), bytes: new Float64Array(0) });

/**
 * What leaves a FIFO fluid queue drained at a constant `rate`, starting empty, when `input` enters it:
 * out(t) = min over s ≤ t of in(s) + rate·(t − s), and the queue's peak content. The output's breakpoints are
 * the input's, plus each instant the queue empties; its slope is at most min(rate, the input's). A rate of at
 * least the input's steepest slope passes the input through as it is. The output lives in `into`, valid until
 * that buffer is used again.
 */
export function drainAt(input: CumulativeCurve, rate: number, into: DrainBuffer): { output: CumulativeCurve; peakBytes: number } {
  // NOTE: a pass-through (the usual case of every stage but the uplink) costs nothing.
  if (rate >= input.steepestSlope) return { output: input, peakBytes: 0 };
  const { timesSec, bytes } = input;
  const n = timesSec.length;
  if (into.timesSec.length < 2 * n) (into.timesSec = new Float64Array(2 * n)), (into.bytes = new Float64Array(2 * n));
  const outTimes = into.timesSec;
  const outBytes = into.bytes;
  let m = 0;
  let backlog = 0;
  let peak = 0;
  if (n > 0) (outTimes[0] = timesSec[0]!), (outBytes[0] = bytes[0]!), (m = 1);
  for (let k = 0; k + 1 < n; k++) {
    const t0 = timesSec[k]!;
    const t1 = timesSec[k + 1]!;
    const dt = t1 - t0;
    if (!(dt > 0)) continue;
    const slope = (bytes[k + 1]! - bytes[k]!) / dt;
    if (backlog > 0 || slope > rate) {
      const net = slope - rate;
      if (net < 0 && backlog + net * dt <= 0) {
        // The queue empties inside the piece: from then on the output is the input.
        const emptiesSec = t0 + backlog / -net;
        outTimes[m] = emptiesSec;
        outBytes[m++] = bytes[k]! + slope * (emptiesSec - t0);
        backlog = 0;
      } else {
        backlog += net * dt;
        if (backlog > peak) peak = backlog;
      }
    }
    outTimes[m] = t1;
    outBytes[m++] = bytes[k + 1]! - backlog;
  }
  const output = { timesSec: outTimes.subarray(0, m), bytes: outBytes.subarray(0, m), steepestSlope: Math.min(rate, input.steepestSlope) };
  return { output, peakBytes: peak };
}

/** Reads a curve at non-decreasing times, in O(1) amortised per read; constant beyond its ends. */
export class CurveReader {
  private k = 0;

  constructor(private readonly curve: CumulativeCurve) {}

  at(t: number): number {
    const { timesSec, bytes } = this.curve;
    const last = timesSec.length - 1;
    if (last < 0) return 0;
    if (t <= timesSec[0]!) return bytes[0]!;
    while (this.k < last && timesSec[this.k + 1]! <= t) this.k++;
    if (this.k === last) return bytes[last]!;
    const t0 = timesSec[this.k]!;
    return bytes[this.k]! + ((bytes[this.k + 1]! - bytes[this.k]!) * (t - t0)) / (timesSec[this.k + 1]! - t0);
  }

  /** The first time the curve reaches `target` (non-decreasing from call to call), Infinity if it never does. */
  timeReaching(target: number): number {
    const { timesSec, bytes } = this.curve;
    const last = timesSec.length - 1;
    if (last < 0) return Infinity;
    if (bytes[0]! >= target) return timesSec[0]!;
    while (this.k < last && bytes[this.k + 1]! < target) this.k++;
    if (this.k === last) return Infinity;
    const t0 = timesSec[this.k]!;
    const b0 = bytes[this.k]!;
    return t0 + ((target - b0) * (timesSec[this.k + 1]! - t0)) / (bytes[this.k + 1]! - b0);
  }
}
