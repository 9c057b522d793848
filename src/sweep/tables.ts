// The text of runs.csv and summary.csv, built from run records. Pure: io/ writes the strings. Every number
// goes through one formatter so any process layout writes the same bytes.
import { stringify } from 'csv-stringify/sync';
import { SAFE_CAST } from '../io/csvCells.js';
import type { AxisValue } from './design.js';
import type { RunRecord } from './runRecord.js';
import type { SweepSpec } from './spec.js';
import type { MetricSummary, SummaryRow } from './summary.js';

/** Up to 6 decimals, no exponent noise for ordinary magnitudes, '' for "no value". */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return String(Math.round(value * 1e6) / 1e6);
}

const csv = (rows: (string | number | boolean)[][]): string =>
  stringify(rows, { eof: true, record_delimiter: 'unix', cast: { ...SAFE_CAST, boolean: (b) => String(b) } });

export function runsCsvHeader(spec: SweepSpec): string {
  return csv([
    [
      ...spec.axes.map((a) => a.path),
      'point', 'replication', 'seed', 'vm', 'choice', 'disasters', 'with_point',
      'data_loss_s_mean', 'data_loss_s_p95', 'data_loss_s_max', 'data_loss_bytes_mean',
      'downtime_s_mean', 'downtime_s_p95', 'rpo_p95_s', 'rpo_within_threshold', 'no_point_reason', 'status', 'error',
    ],
  ]);
}

/** A failed run still gets one row, so that a reader counting rows sees it. */
export function runsCsvLines(record: RunRecord, pointValues: AxisValue[]): string {
  const ids = [...pointValues, record.point, record.replication, record.seed];
  if (record.status === 'failed') return csv([[...ids, ...Array<string>(13).fill(''), 'failed', record.error]]);
  return csv(
    record.rows.map((r) => [
      ...ids, r.vm, r.choice, r.disasters, r.withPoint,
      ...[r.dataLossSecMean, r.dataLossSecP95, r.dataLossSecMax, r.dataLossBytesMean, r.downtimeSecMean, r.downtimeSecP95, r.rpoP95Sec, r.rpoWithinThreshold].map(formatNumber),
      r.noPointReason, 'ok', '',
    ]),
  );
}

const METRIC_COLUMNS = ['mean', 'ci95_low', 'ci95_high', 'p50', 'p95', 'p99'];
const metricCells = (m: MetricSummary) => [m.mean, m.ci95Low, m.ci95High, m.p50, m.p95, m.p99].map(formatNumber);

export function summaryCsvHeader(spec: SweepSpec): string {
  return csv([
    [
      ...spec.axes.map((a) => a.path),
      'point', 'choice', 'replications', 'failed_runs', 'failovers', 'with_point',
      ...METRIC_COLUMNS.map((c) => `data_loss_s_${c}`),
      ...METRIC_COLUMNS.map((c) => `downtime_s_${c}`),
      'data_loss_bytes_mean', 'rpo_within_threshold_mean', 'rpo_within_threshold_worst_vm_mean', 'rpo_within_threshold_worst_vm_min',
      'no_point_reason',
    ],
  ]);
}

export function summaryCsvLines(rows: SummaryRow[], pointValues: AxisValue[]): string {
  return csv(
    rows.map((s) => [
      ...pointValues, s.point, s.choice, s.replications, s.failedRuns, s.failovers, s.withPoint,
      ...metricCells(s.dataLossSec), ...metricCells(s.downtimeSec),
      ...[s.dataLossBytesMean, s.rpoWithinThresholdMean, s.rpoWithinThresholdWorstVmMean, s.rpoWithinThresholdWorstVmMin].map(formatNumber),
      s.noPointReason,
    ]),
  );
}
