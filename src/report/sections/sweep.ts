import { chart, CHART_WIDTH } from '../chart.js';
import type { ReportContext, ReportSection } from '../context.js';
import { card, cards, note } from '../html.js';

interface SweepJson {
  spec?: { axes?: Array<{ path: string }>; sampling?: unknown; description?: string };
  points?: number;
  runs?: number;
  failed?: number;
}

type Row = Record<string, string>;

/** A metric of summary.csv with its 95% CI columns, and how to show it. */
interface Metric {
  stem: string;
  title: string;
  divisor: number;
}

function metrics(columns: string[]): Metric[] {
  return columns
    .filter((c) => c.endsWith('_mean') && columns.includes(c.replace(/_mean$/, '_ci95_low')))
    .map((c) => c.replace(/_mean$/, ''))
    .map((stem) =>
      stem.endsWith('_s')
        ? { stem, title: `${stem.replace(/_s$/, '').replace(/_/g, ' ')} (minutes)`, divisor: 60 }
        : stem.endsWith('_bytes')
          ? { stem, title: `${stem.replace(/_bytes$/, '').replace(/_/g, ' ')} (GB)`, divisor: 1e9 }
          : { stem, title: stem.replace(/_/g, ' '), divisor: 1 },
    );
}

/** Values like "20 Mbps", "63.2 Mbps": the number when all share one unit; null when they do not. */
function numericAxis(values: string[]): { unit: string; numbers: Map<string, number> } | null {
  const parsed = values.map((v) => /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(.*?)\s*$/i.exec(v));
  if (parsed.some((m) => m === null)) return null;
  const units = new Set(parsed.map((m) => m![2]));
  if (units.size !== 1) return null;
  return { unit: [...units][0]!, numbers: new Map(values.map((v, i) => [v, Number(parsed[i]![1])])) };
}

async function readRows(context: ReportContext): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of context.folder.rows('summary.csv')) rows.push(row);
  return rows;
}

/**
 * A sweep (sweep.json, summary.csv): each metric against each axis, with its 95% CI band, one line per
 * failover choice, and one panel per combination of the other axes' values (grids).
 */
export const sweep: ReportSection = {
  id: 'sweep',
  title: 'Sweep',
  applies: (context) => context.folder.files.has('sweep.json') && context.folder.files.has('summary.csv'),
  async render(context) {
    const info = ((await context.folder.json('sweep.json')) ?? {}) as SweepJson;
    const axes = (info.spec?.axes ?? []).map((a) => a.path);
    const rows = await readRows(context);
    const parts = [
      cards([
        card('Points', String(info.points ?? ''), info.spec?.description ?? '', 'sweep-points', info.points ?? null),
        card('Runs', String(info.runs ?? ''), 'points × replications', 'sweep-runs', info.runs ?? null),
        card('Failed runs', String(info.failed ?? ''), 'see runs.csv and sweep.json', 'sweep-failed', info.failed ?? null),
      ]),
    ];
    const sampled = info.spec?.sampling !== undefined && info.spec?.sampling !== null;
    const ok = rows.filter((r) => r['replications'] !== undefined && r['replications'] !== '0');
    for (const axis of axes) {
      const others = axes.filter((a) => a !== axis);
      const values = [...new Set(ok.map((r) => r[axis] ?? ''))];
      const numeric = numericAxis(values);
      const panels = sampled ? [] : [...new Set(ok.map((r) => others.map((o) => `${o} = ${r[o]}`).join(', ')))];
      const faceted = panels.length > 1;
      const columns = Math.min(3, panels.length);
      for (const metric of metrics(Object.keys(ok[0] ?? {}))) {
        const data = ok.map((r) => ({
          x: numeric ? numeric.numbers.get(r[axis] ?? '') : r[axis],
          mean: Number(r[`${metric.stem}_mean`]) / metric.divisor,
          low: Number(r[`${metric.stem}_ci95_low`]) / metric.divisor,
          high: Number(r[`${metric.stem}_ci95_high`]) / metric.divisor,
          choice: r['choice'],
          panel: others.map((o) => `${o} = ${r[o]}`).join(', '),
        }));
        const x = numeric
          ? { field: 'x', type: 'quantitative', title: `${axis}${numeric.unit ? ` (${numeric.unit})` : ''}`, scale: { zero: false } }
          : { field: 'x', type: 'ordinal', title: axis, sort: values };
        const colour = { field: 'choice', type: 'nominal', title: null, sort: null };
        const layer = [
          { mark: sampled ? { type: 'rule' } : { type: 'area', opacity: 0.2 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: metric.title }, y2: { field: 'high' }, color: colour } },
          { mark: sampled ? { type: 'point', filled: true } : { type: 'line', point: true }, encoding: { x, y: { field: 'mean', type: 'quantitative' }, color: colour } },
        ];
        const width = faceted ? Math.floor(CHART_WIDTH / columns) - 30 : CHART_WIDTH;
        const spec = faceted
          ? { data: { values: data }, facet: { field: 'panel', type: 'nominal', title: null, columns, sort: panels }, spec: { width, height: 160, layer } }
          : { data: { values: data }, width, height: 220, layer };
        parts.push(await chart(`sweep:${metric.stem}:${axis}`, `${metric.title}: mean over replications with its 95% confidence interval (${sampled ? 'bars' : 'band'}), against ${axis}${faceted ? '; one panel per value of the other axes' : ''}.`, spec as never));
      }
    }
    if (rows.length === 0) parts.push(note('summary.csv has no rows.'));
    return parts.join('\n');
  },
};
