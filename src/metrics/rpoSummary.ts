import type { GrowableSeries } from '../model/growableSeries.js';
import { sawtoothStats } from './sawtoothStats.js';
import { ThresholdTracker } from './thresholdTracker.js';
import type { AlertSummary, RpoSummary } from './types.js';

/**
 * RPO statistics of one VM from the instants its recovery points became usable: between two such instants the
 * RPO is the age of the newer point and grows with slope 1. Observed from the warm-up (or the first point, if
 * later) to the horizon; before its first point a VM has no RPO, only "not protected yet".
 */
export function rpoSummary(
  steps: GrowableSeries,
  warmupSec: number,
  horizonSec: number,
  thresholdSec: number,
): { rpo: RpoSummary; alerts: AlertSummary } {
  const fromSec = steps.length > 0 ? Math.max(warmupSec, steps.x[0]!) : horizonSec;
  const starts: number[] = [];
  const ends: number[] = [];
  const tracker = new ThresholdTracker(thresholdSec, fromSec);
  let pointsInWindow = 0;
  for (let k = 0; k < steps.length; k++) {
    const segmentStart = Math.max(fromSec, steps.x[k]!);
    const segmentEnd = Math.min(horizonSec, k + 1 < steps.length ? steps.x[k + 1]! : horizonSec);
    if (steps.x[k]! >= fromSec && steps.x[k]! < horizonSec) pointsInWindow++;
    if (segmentEnd <= segmentStart) continue;
    const sourceSec = steps.y[k]!;
    starts.push(segmentStart - sourceSec);
    ends.push(segmentEnd - sourceSec);
    tracker.segment(segmentStart, segmentStart - sourceSec, segmentEnd, segmentEnd - sourceSec);
  }
  const stats = sawtoothStats(Float64Array.from(starts), Float64Array.from(ends), [0.5, 0.95, 0.99]);
  const alerts = tracker.summary();
  const [p50, p95, p99] = stats.quantiles;
  return {
    rpo: {
      count: pointsInWindow,
      mean: stats.mean,
      p50: p50 ?? null,
      p95: p95 ?? null,
      p99: p99 ?? null,
      max: stats.max,
      ci95: null, // exact time-weighted statistics of one run, not a Monte-Carlo estimate
      fractionWithinThreshold: stats.totalSec > 0 ? 1 - alerts.seconds / stats.totalSec : null,
      observedSec: stats.totalSec,
    },
    alerts,
  };
}
