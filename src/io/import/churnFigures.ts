// The Deployment Planner's view of measured churn: the mean, and the 95th percentile and peak of per-minute
// churn. A sample longer than a minute is spread evenly over its minutes (so a 5-minute export gives the p95
// of 5-minute averages, lower than the true per-minute p95 would be); shorter ones are summed into theirs.
import { quantile } from 'd3-array';

export interface RegularSeries {
  /** Start of the first interval (any clock shared by the series summed together). */
  startSec: number;
  intervalSec: number;
  /** Bytes written in each interval. */
  bytes: Float64Array;
}

export interface ChurnFigures {
  meanBytesPerSec: number;
  /** 95th percentile of per-minute churn (linear interpolation, R type 7), as a rate. */
  p95BytesPerSec: number;
  /** Largest per-minute churn, as a rate. */
  peakBytesPerSec: number;
}

const MINUTE = 60;

/** Bytes written in each whole minute from the earliest start, all series summed. */
export function minuteBuckets(series: readonly RegularSeries[]): Float64Array {
  const origin = Math.min(...series.map((s) => s.startSec));
  const end = Math.max(...series.map((s) => s.startSec + s.bytes.length * s.intervalSec));
  const minutes = new Float64Array(Math.floor((end - origin) / MINUTE + 1e-9));
  for (const { startSec, intervalSec, bytes } of series) {
    for (let k = 0; k < bytes.length; k++) {
      const from = startSec - origin + k * intervalSec;
      const to = from + intervalSec;
      const rate = bytes[k]! / intervalSec;
      for (let m = Math.floor(from / MINUTE); m < minutes.length && m * MINUTE < to; m++) {
        minutes[m] += rate * (Math.min(to, (m + 1) * MINUTE) - Math.max(from, m * MINUTE));
      }
    }
  }
  return minutes;
}

export function churnFigures(series: readonly RegularSeries[]): ChurnFigures {
  const minutes = minuteBuckets(series);
  const totalBytes = series.reduce((sum, s) => sum + s.bytes.reduce((a, b) => a + b, 0), 0);
  const origin = Math.min(...series.map((s) => s.startSec));
  const duration = Math.max(...series.map((s) => s.startSec + s.bytes.length * s.intervalSec)) - origin;
  // Less than a minute of data: its mean is all there is.
  const mean = totalBytes / duration;
  if (minutes.length === 0) return { meanBytesPerSec: mean, p95BytesPerSec: mean, peakBytesPerSec: mean };
  let peak = 0;
  for (const m of minutes) peak = Math.max(peak, m);
  return { meanBytesPerSec: mean, p95BytesPerSec: quantile(minutes, 0.95)! / MINUTE, peakBytesPerSec: peak / MINUTE };
}
