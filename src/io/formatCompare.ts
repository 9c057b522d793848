// The terminal summary of a comparison: strategies ranked by the objective with the paired difference from the
// baseline, data loss per failover choice, and the ransomware dwell table. Pure: the same analysis gives the
// same text.
import type { CompareAnalysis, Interval, MetricRow, PairRow } from '../compare/analysis.js';
import { metricKey, splitMetricKey, type MetricDef } from '../compare/metrics.js';
import { formatBytes, formatDuration, formatPercent } from './humanUnits.js';
import { textTable } from './textTable.js';

/** A figure in the unit of its metric. */
export function formatValue(value: number | null, unit: MetricDef['unit']): string {
  if (value === null || !Number.isFinite(value)) return '-';
  switch (unit) {
    case 's':
      return formatDuration(value);
    case 'B':
      return formatBytes(value);
    case 'bit/s':
      return `${(value / 1e6).toFixed(1)} Mbps`;
    case 'fraction':
      return formatPercent(value);
    case 'price':
      return formatPrice(value);
  }
}

/** Currency-neutral: whole units with thousands separators, cents below 100. */
function formatPrice(value: number): string {
  if (Math.abs(value) < 100) return value.toFixed(2);
  const [sign, digits] = value < 0 ? ['-', String(Math.round(-value))] : ['', String(Math.round(value))];
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const signed = (value: number, unit: MetricDef['unit']) => (value > 0 ? `+${formatValue(value, unit)}` : formatValue(value, unit));

function withHalfWidth(row: MetricRow | undefined): string {
  if (row === undefined) return '-';
  if (row.ci95 === null) return formatValue(row.mean, row.metric.unit);
  return `${formatValue(row.mean, row.metric.unit)} ±${formatValue((row.ci95[1] - row.ci95[0]) / 2, row.metric.unit)}`;
}

function difference(pair: PairRow | undefined): string {
  if (pair === undefined) return '';
  const unit = pair.metric.unit;
  const ci = (c: Interval | null) => (c === null ? '' : ` [${signed(c[0], unit)}, ${signed(c[1], unit)}]`);
  return `${signed(pair.difference, unit)}${ci(pair.ci95)}${pair.significant ? '*' : ''}`;
}

const HEADLINE = ['rpo_mean_s', 'worst_vm_rpo_within_threshold', 'data_loss_s', 'downtime_s', 'storage_mean_bytes', 'bandwidth_bps', 'cost_per_year'];
const HEADINGS: Record<string, string> = {
  rpo_mean_s: 'RPO mean',
  worst_vm_rpo_within_threshold: 'worst VM within threshold',
  storage_mean_bytes: 'storage mean',
  bandwidth_bps: 'bandwidth',
  cost_per_year: 'cost per year',
};

export function formatCompare(analysis: CompareAnalysis, title: { file: string; version: string }): string {
  const find = (strategy: string, key: string) => analysis.rows.find((r) => r.strategy === strategy && r.key === key);
  const pair = (strategy: string, key: string) => analysis.pairs.find((p) => p.strategy === strategy && p.key === key);
  const labels = [...new Set(analysis.keys.map((k) => splitMetricKey(k).choice).filter((c): c is string => c !== null))];
  const plain = labels.filter((l) => !l.startsWith('clean@'));
  const dwell = labels.filter((l) => l.startsWith('clean@'));
  const objective = analysis.objective;
  const objectiveChoice = splitMetricKey(objective.key).choice;
  const headlineChoice = objectiveChoice !== null && !objectiveChoice.startsWith('clean@') ? objectiveChoice : plain[0];

  const lines = [
    `Compare ${title.file} · ${analysis.strategies.length} strategies · ${analysis.replications} replications on common random numbers · baseline ${analysis.baseline} · rposim ${title.version}`,
    `Ranked by ${objective.key} (${objective.better} is better). ± is the 95% CI half-width over replications; Δ is the paired`,
    `difference from ${analysis.baseline} with its 95% CI, * where the CI excludes 0.`,
  ];
  if (analysis.precision !== null) {
    const p = analysis.precision;
    lines.push(
      p.met
        ? `Precision: every paired difference (${p.total}) within ±${formatPercent(p.target)} of the larger mean.`
        : `Precision NOT MET: ${p.unmet} of ${p.total} paired differences wider than ±${formatPercent(p.target)} of the larger mean after ${analysis.replications} replications (the cap); pairs.csv says which.`,
    );
  }

  const headline = HEADLINE.map((m) => (m === 'data_loss_s' || m === 'downtime_s' ? metricKey(m, headlineChoice ?? '') : m)).filter(
    (key) => analysis.keys.includes(key) && key !== objective.key,
  );
  const heading = (key: string) => {
    const { metric, choice } = splitMetricKey(key);
    return HEADINGS[metric] ?? `${metric === 'data_loss_s' ? 'data loss' : 'downtime'} ${choice}`;
  };
  const ranked = objective.ranking.map((entry, i) => [
    String(i + 1),
    entry.strategy,
    withHalfWidth(find(entry.strategy, objective.key)),
    entry.strategy === analysis.baseline ? '(baseline)' : difference(pair(entry.strategy, objective.key)),
    ...headline.map((key) => {
      const row = find(entry.strategy, key);
      return row === undefined ? '-' : formatValue(row.mean, row.metric.unit);
    }),
  ]);
  const sections = [
    lines.join('\n'),
    textTable(['rank', 'strategy', objective.key, `Δ vs ${analysis.baseline}`, ...headline.map(heading)], ranked, 2),
  ];

  const order = objective.ranking.map((r) => r.strategy);
  if (plain.length > 1) {
    const rows = order.map((s) => [s, ...plain.map((label) => withHalfWidth(find(s, metricKey('data_loss_s', label))))]);
    sections.push(`Data loss per failover choice (mean over failovers with a point; - where the product has no such choice)\n${textTable(['strategy', ...plain], rows)}`);
  }
  if (dwell.length > 0) {
    const cell = (s: string, label: string) => {
      const p = find(s, metricKey('with_point', label));
      const loss = find(s, metricKey('data_loss_s', label));
      // Beyond a day, three units: the hours beyond a dwell of days are the retention grid's price, worth seeing.
      const lost = loss === undefined ? '-' : formatDuration(loss.mean, loss.mean >= 86_400 ? 3 : 2);
      return p === undefined ? '-' : `${formatPercent(p.mean)} · ${lost}`;
    };
    const rows = order.map((s) => [s, ...dwell.map((label) => cell(s, label))]);
    sections.push(
      `Ransomware dwell: probability that a clean point exists (over disasters × VMs) · data lost with it\n${textTable(['strategy', ...dwell.map((l) => l.slice('clean@'.length))], rows)}`,
    );
  }
  const significant = analysis.pairs.filter((p) => p.significant).length;
  sections.push(`${significant} of ${analysis.pairs.length} paired differences from ${analysis.baseline} are significant (pairs.csv).`);
  return `${sections.join('\n\n')}\n`;
}
