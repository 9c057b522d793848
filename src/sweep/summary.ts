// summary.csv's figures for one point × failover choice, over its replications and VMs.
// Confidence intervals are over replication means (replications are independent; VMs of one run are not).
import { mean, quantileSorted, sum } from 'd3-array';
import { commonestFirst, type RunRecord, type RunRow } from './runRecord.js';
import { estimateMean } from '../metrics/confidenceInterval.js';

export interface MetricSummary {
  mean: number | null;
  ci95Low: number | null;
  ci95High: number | null;
  /** Quantiles over the pooled per-run, per-VM means (replications × VMs). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface SummaryRow {
  point: number;
  /** Empty when every run of the point failed. */
  choice: string;
  /** Replications that ran (failed ones are counted apart). */
  replications: number;
  failedRuns: number;
  dataLossSec: MetricSummary;
  downtimeSec: MetricSummary;
  dataLossBytesMean: number | null;
  /** Mean over replications of the mean over VMs: hides a VM that misses its RPO. */
  rpoWithinThresholdMean: number | null;
  /**
   * The worst VM's fraction of time within the RPO threshold (a VM without any point counts 0), as `rposim plan`
   * sizes: its mean over replications, and the lowest replication.
   */
  rpoWithinThresholdWorstVmMean: number | null;
  rpoWithinThresholdWorstVmMin: number | null;
  /** Disasters × VMs over the replications, and how many of them had a recovery point for this choice. */
  failovers: number;
  withPoint: number;
  /** Why the others had none (distinct reasons, commonest first); '' when all had one. */
  noPointReason: string;
}

type Metric = (row: RunRow) => number | null;

const finite = (values: (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/** Mean over replications of each replication's mean over VMs, with a t-based 95% interval. */
function meanWithInterval(rowsByReplication: RunRow[][], metric: Metric): Pick<MetricSummary, 'mean' | 'ci95Low' | 'ci95High'> {
  const replicationMeans = finite(rowsByReplication.map((rows) => mean(finite(rows.map(metric)))));
  if (replicationMeans.length < 2) return { mean: orNull(mean(replicationMeans)), ci95Low: null, ci95High: null };
  // Every metric summarised here is a loss, a duration or a fraction: never below 0.
  const { mean: m, ci95 } = estimateMean(replicationMeans, { atLeast: 0 });
  return { mean: m, ci95Low: ci95[0], ci95High: ci95[1] };
}

function summarizeMetric(rowsByReplication: RunRow[][], metric: Metric): MetricSummary {
  const pooled = finite(rowsByReplication.flat().map(metric)).sort((a, b) => a - b);
  return {
    ...meanWithInterval(rowsByReplication, metric),
    p50: orNull(quantileSorted(pooled, 0.5)),
    p95: orNull(quantileSorted(pooled, 0.95)),
    p99: orNull(quantileSorted(pooled, 0.99)),
  };
}

/** One row per failover choice, in the order the runs report them. `records` are all runs of `point`. */
export function summarizePoint(point: number, records: RunRecord[]): SummaryRow[] {
  const ok = records.filter((r) => r.status === 'ok');
  const failedRuns = records.length - ok.length;
  const choices = [...new Set(ok.flatMap((r) => r.rows.map((row) => row.choice)))];
  if (choices.length === 0) {
    const none: MetricSummary = { mean: null, ci95Low: null, ci95High: null, p50: null, p95: null, p99: null };
    return [{
      point, choice: '', replications: ok.length, failedRuns, dataLossSec: none, downtimeSec: none, dataLossBytesMean: null,
      rpoWithinThresholdMean: null, rpoWithinThresholdWorstVmMean: null, rpoWithinThresholdWorstVmMin: null, failovers: 0, withPoint: 0, noPointReason: '',
    }];
  }
  return choices.map((choice) => {
    const byReplication = ok.map((r) => r.rows.filter((row) => row.choice === choice));
    const worstVm = byReplication.map((rows) => Math.min(...rows.map((row) => row.rpoWithinThreshold ?? 0)));
    const rows = byReplication.flat();
    return {
      point,
      choice,
      replications: ok.length,
      failedRuns,
      dataLossSec: summarizeMetric(byReplication, (row) => row.dataLossSecMean),
      downtimeSec: summarizeMetric(byReplication, (row) => row.downtimeSecMean),
      dataLossBytesMean: meanWithInterval(byReplication, (row) => row.dataLossBytesMean).mean,
      rpoWithinThresholdMean: meanWithInterval(byReplication, (row) => row.rpoWithinThreshold).mean,
      rpoWithinThresholdWorstVmMean: orNull(mean(worstVm)),
      rpoWithinThresholdWorstVmMin: Math.min(...worstVm),
      failovers: sum(rows.map((row) => row.disasters)),
      withPoint: sum(rows.map((row) => row.withPoint)),
      // A reason per VM row: the commonest is the one most VMs × replications met.
      noPointReason: commonestFirst(rows.flatMap((row) => (row.noPointReason === '' ? [] : row.noPointReason.split('; ')))),
    };
  });
}
