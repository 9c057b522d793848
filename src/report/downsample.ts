/** A point of a drawn series: time in seconds, value in the series' unit. */
export interface SeriesPoint {
  t: number;
  v: number;
}

/**
 * A series reduced for drawing: the span is cut into buckets (about one per pixel) and each keeps its minimum
 * and its maximum, at the times they occurred, so peaks and troughs survive whatever the number of samples.
 */
export class MinMaxSeries {
  private readonly minT: Float64Array;
  private readonly minV: Float64Array;
  private readonly maxT: Float64Array;
  private readonly maxV: Float64Array;

  constructor(
    private readonly startSec: number,
    private readonly endSec: number,
    private readonly buckets: number,
  ) {
    this.minT = new Float64Array(buckets).fill(NaN);
    this.minV = new Float64Array(buckets).fill(Infinity);
    this.maxT = new Float64Array(buckets).fill(NaN);
    this.maxV = new Float64Array(buckets).fill(-Infinity);
  }

  add(t: number, v: number): void {
    if (!Number.isFinite(v)) return;
    const span = this.endSec - this.startSec;
    const b = Math.min(this.buckets - 1, Math.max(0, Math.floor(((t - this.startSec) / (span > 0 ? span : 1)) * this.buckets)));
    if (v < this.minV[b]!) {
      this.minV[b] = v;
      this.minT[b] = t;
    }
    if (v > this.maxV[b]!) {
      this.maxV[b] = v;
      this.maxT[b] = t;
    }
  }

  /** At most two points per bucket, in time order. */
  points(): SeriesPoint[] {
    const out: SeriesPoint[] = [];
    for (let b = 0; b < this.buckets; b++) {
      if (Number.isNaN(this.minT[b]!)) continue;
      const low = { t: this.minT[b]!, v: this.minV[b]! };
      const high = { t: this.maxT[b]!, v: this.maxV[b]! };
      if (low.t === high.t) out.push(low);
      else out.push(...(low.t < high.t ? [low, high] : [high, low]));
    }
    return out;
  }
}
