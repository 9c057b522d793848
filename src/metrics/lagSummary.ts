import type { GrowableSeries } from '../model/growableSeries.js';
import { DailyPeaks } from './dailyPeaks.js';
import { linearSegmentStats } from './linearSegmentStats.js';
import { ThresholdTracker } from './thresholdTracker.js';
import type { AlertSummary, RpoSummary } from './types.js';

/**
 * Exact time-weighted statistics of the replication lag from its breakpoints (time, lag), linear between
 * consecutive ones (two at one time: a jump). Observed from the warm-up (or the end of initial replication,
 * if later) to the horizon, like the RPO; count = linear pieces observed (a run at one flat value is one). Alerts
 * are raised once the lag has stayed above the threshold alertAfterSec, like RPO alerts.
 */
export function lagSummary(
  steps: GrowableSeries,
  warmupSec: number,
  horizonSec: number,
  thresholdSec: number,
  alertAfterSec = 0,
  dailyPeaks = false,
): { lag: RpoSummary; alerts: AlertSummary } {
  const fromSec = steps.length > 0 ? Math.max(warmupSec, steps.x[0]!) : horizonSec;
  const tracker = new ThresholdTracker(thresholdSec, fromSec, alertAfterSec);
  const peaks = dailyPeaks ? new DailyPeaks(warmupSec) : null;
  const a: number[] = [];
  const b: number[] = [];
  const durations: number[] = [];
  for (let k = 0; k + 1 < steps.length; k++) {
    const t0 = steps.x[k]!;
    const t1 = steps.x[k + 1]!;
    const from = Math.max(fromSec, t0);
    const to = Math.min(horizonSec, t1);
    if (to <= from) continue;
    const at = (t: number) => steps.y[k]! + ((steps.y[k + 1]! - steps.y[k]!) * (t - t0)) / (t1 - t0);
    const v0 = at(from);
    const v1 = at(to);
    tracker.segment(from, v0, to, v1);
    peaks?.segment(from, v0, to, v1);
    const last = a.length - 1;
    // NOTE: runs of one flat value (an empty queue: lag 0 through many rate changes) are one piece for the stats.
    if (v0 === v1 && last >= 0 && a[last] === v0 && b[last] === v0) durations[last]! += to - from;
    else (a.push(v0), b.push(v1), durations.push(to - from));
  }
  const stats = linearSegmentStats(Float64Array.from(a), Float64Array.from(b), Float64Array.from(durations), [0.5, 0.95, 0.99]);
  const alerts = tracker.summary();
  const [p50, p95, p99] = stats.quantiles;
  return {
    lag: {
      count: a.length,
      mean: stats.mean,
      p50: p50 ?? null,
      p95: p95 ?? null,
      p99: p99 ?? null,
      max: stats.max,
      ci95: null,
      fractionWithinThreshold: stats.totalSec > 0 ? 1 - tracker.secondsAbove / stats.totalSec : null,
      observedSec: stats.totalSec,
      ...(peaks === null ? {} : { peakPerDaySec: peaks.values(horizonSec) }),
    },
    alerts,
  };
}
