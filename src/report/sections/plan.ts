import { formatDuration, formatPercent } from '../../io/humanUnits.js';
import type { PlanReport } from '../../plan/plan.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { card, cards, table } from '../html.js';

const mbps = (bitsPerSec: number) => bitsPerSec / 1e6;
const text = (bitsPerSec: number | null) => (bitsPerSec === null ? 'n/a' : `${mbps(bitsPerSec).toFixed(2)} Mbps`);

/**
 * rposim plan (plan.json): RPO compliance against uplink bandwidth. Every bandwidth the plan reports comes with
 * the compliance simulated at it, and compliance grows with bandwidth, so the points draw the curve.
 */
export const plan: ReportSection = {
  id: 'plan',
  title: 'Bandwidth plan',
  applies: (context) => context.folder.files.has('plan.json'),
  async render(context) {
    const report = (await context.folder.json('plan.json')) as PlanReport;
    const targets = report.targets ?? [];
    const rules = report.rules_of_thumb ?? [];
    const points = [
      ...targets.filter((t) => t.bandwidth_bits_per_s !== null).map((t) => ({ mbps: mbps(t.bandwidth_bits_per_s!), compliance: t.compliance, label: `${formatPercent(t.compliance)} target`, kind: 'target' })),
      ...rules.map((r) => ({ mbps: mbps(r.bandwidth_bits_per_s), compliance: r.compliance, label: r.rule, kind: 'rule of thumb' })),
      ...(report.achievable ? [{ mbps: mbps(report.achievable.bandwidth_bits_per_s), compliance: report.achievable.compliance, label: 'given bandwidth', kind: 'given bandwidth' }] : []),
    ].sort((a, b) => a.mbps - b.mbps);
    const layers: object[] = [
      { data: { values: points }, mark: { type: 'line', color: '#bbb', strokeDash: [2, 2] }, encoding: { x: { field: 'mbps', type: 'quantitative', title: 'uplink bandwidth (Mbps)' }, y: { field: 'compliance', type: 'quantitative', title: `time with RPO ≤ ${formatDuration(report.rpo_s)}`, axis: { format: '%' } } } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'mbps', type: 'quantitative' }, y: { field: 'compliance', type: 'quantitative' }, color: { field: 'kind', type: 'nominal', title: null }, shape: { field: 'kind', type: 'nominal', title: null } } },
      { data: { values: points }, mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 }, encoding: { x: { field: 'mbps', type: 'quantitative' }, y: { field: 'compliance', type: 'quantitative' }, text: { field: 'label' } } },
    ];
    if (report.exact_lag_bandwidth_bits_per_s !== null && report.exact_lag_bandwidth_bits_per_s !== undefined) {
      layers.push({ data: { values: [{ x: mbps(report.exact_lag_bandwidth_bits_per_s), label: 'c* (lag ≤ R all the time)' }] }, layer: [{ mark: { type: 'rule', color: '#c0392b', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } }, { mark: { type: 'text', align: 'left', dx: 4, y: 8, fontSize: 10, color: '#c0392b' }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } }] });
    }
    return [
      cards(targets.map((t) => card(`Bandwidth for ${formatPercent(t.compliance)} of time with RPO ≤ ${formatDuration(t.rpo_s)}`, text(t.bandwidth_bits_per_s), `${t.measure} measure`, `plan-bandwidth:${t.compliance}`, t.bandwidth_bits_per_s))),
      await chart('plan-compliance', `RPO compliance against uplink bandwidth: the smallest bandwidth for each target, the rules of thumb at the compliance they give${report.achievable ? ', the given bandwidth' : ''}, and c*, the exact bandwidth that keeps the replication lag within R at all times.`, { layer: layers } as never),
      table(['compliance', 'bandwidth', 'lag measure', 'recovery-point measure', 'initial copy'], targets.map((t) => [formatPercent(t.compliance), text(t.bandwidth_bits_per_s), text(t.lag_bandwidth_bits_per_s), text(t.recovery_point_bandwidth_bits_per_s), t.initial_replication_s === null ? 'n/a' : formatDuration(t.initial_replication_s)]), { caption: 'Targets' }),
      table(['rule of thumb', 'bandwidth', 'compliance'], rules.map((r) => [r.rule, text(r.bandwidth_bits_per_s), formatPercent(r.compliance)])),
    ].join('\n');
  },
};
