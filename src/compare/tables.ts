// The text of compare.csv, pairs.csv and runs.csv. Pure: io/ writes the strings. Every number goes through the
// sweep's formatter, so any process layout writes the same bytes; text cells are formula-safe (csvCells.ts).
import { stringify } from 'csv-stringify/sync';
import { SAFE_CAST } from '../io/csvCells.js';
import { formatNumber } from '../sweep/tables.js';
import type { CompareAnalysis, Interval } from './analysis.js';
import type { CompareRunRecord } from './executeRun.js';
import { splitMetricKey } from './metrics.js';

const csv = (rows: (string | number | boolean)[][]): string => stringify(rows, { eof: true, record_delimiter: 'unix', cast: { ...SAFE_CAST, boolean: (b) => String(b) } });
const ends = (ci: Interval | null) => [formatNumber(ci?.[0] ?? null), formatNumber(ci?.[1] ?? null)];

export function compareCsv(analysis: CompareAnalysis): string {
  return csv([
    ['strategy', 'metric', 'choice', 'unit', 'better', 'replications', 'mean', 'ci95_low', 'ci95_high', 'p95', 'max', 'p95_max_over'],
    ...analysis.rows.map((r) => [
      r.strategy, r.metric.name, r.choice ?? '', r.metric.unit, r.metric.better, r.replications,
      formatNumber(r.mean), ...ends(r.ci95), formatNumber(r.p95), formatNumber(r.max), r.over,
    ]),
  ]);
}

export function pairsCsv(analysis: CompareAnalysis): string {
  return csv([
    [
      'strategy', 'baseline', 'metric', 'choice', 'unit', 'pairs', 'strategy_mean', 'baseline_mean', 'difference',
      'ci95_low', 'ci95_high', 'unpaired_ci95_low', 'unpaired_ci95_high', 'significant', 'better', 'precision_met',
    ],
    ...analysis.pairs.map((p) => [
      p.strategy, p.baseline, p.metric.name, p.choice ?? '', p.metric.unit, p.pairs,
      formatNumber(p.strategyMean), formatNumber(p.baselineMean), formatNumber(p.difference),
      ...ends(p.ci95), ...ends(p.unpairedCi95), p.significant, p.better, p.precisionMet === null ? '' : p.precisionMet,
    ]),
  ]);
}

/** One row per strategy × replication × metric: the values the figures above are computed from. */
export function compareRunsCsv(records: readonly CompareRunRecord[], strategies: readonly string[], keys: readonly string[]): string {
  const rows: (string | number)[][] = [['strategy', 'replication', 'seed', 'metric', 'choice', 'value', 'p95', 'max', 'status', 'error']];
  for (const r of records) {
    const ids = [strategies[r.strategy]!, r.replication, r.seed];
    if (r.status === 'failed') {
      rows.push([...ids, '', '', '', '', '', 'failed', r.error]);
      continue;
    }
    for (const key of keys) {
      const figure = r.figures[key];
      if (figure === undefined || figure === null) continue;
      const { metric, choice } = splitMetricKey(key);
      rows.push([...ids, metric, choice ?? '', ...figure.map(formatNumber), 'ok', '']);
    }
  }
  return csv(rows);
}
