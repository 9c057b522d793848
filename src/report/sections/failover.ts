import { quantile, quantileSorted } from 'd3-array';
import { figures, type Figures } from '../../io/failoverFigures.js';
import { formatBytes, formatDuration } from '../../io/humanUnits.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { failoverDigest } from '../failoverDigest.js';
import { table } from '../html.js';
import { timeUnit } from '../scales.js';

/** Points of each drawn CDF: enough for a smooth curve whatever the number of disasters. */
const CDF_POINTS = 200;

function cdf(values: number[]): Array<{ x: number; p: number }> {
  // Sorted once: quantile() copies and partially sorts its input on every call, which made this chart most of
  // a large run's report (a minute for a million failovers).
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: CDF_POINTS + 1 }, (_, i) => ({ x: quantileSorted(sorted, i / CDF_POINTS)!, p: i / CDF_POINTS }));
}

const withCi = (f: Figures, format: (v: number | null) => string) =>
  `${format(f.mean)}${f.halfWidth === null ? '' : ` ±${format(f.halfWidth)}`} / ${format(f.p95)} / ${format(f.max)}`;

/** How much data each failover choice loses (its distribution over disasters × VMs) and what its downtime is made of. */
export const failover: ReportSection = {
  id: 'failover',
  title: 'Failover: data loss and downtime per choice',
  applies: (context) => context.folder.files.has('failovers.csv'),
  async render(context) {
    const choices = await context.once('failovers', () => failoverDigest(context));
    // The axis stops at the worst choice's 99th percentile: a few outliers would squeeze every curve to the left.
    const p99 = Math.max(0, ...choices.map((c) => quantile(c.dataLossSec, 0.99) ?? 0));
    const lossUnit = timeUnit(p99);
    const cdfValues = choices.flatMap((c) => cdf(c.dataLossSec).map(({ x, p }) => ({ x: x / lossUnit.divisor, p, choice: c.choice })));
    const parts = [
      await chart('data-loss-cdf', `Data loss at a disaster, per failover choice, over disasters × VMs: the fraction of failovers that lose at most x ${lossUnit.unit} (the axis stops at the 99th percentile of the worst choice; the table has the maxima).`, {
        data: { values: cdfValues },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: `data loss (${lossUnit.unit})`, ...(p99 > 0 ? { scale: { domain: [0, p99 / lossUnit.divisor] } } : {}) },
          y: { field: 'p', type: 'quantitative', title: 'fraction of failovers', axis: { format: '%' } },
          color: { field: 'choice', type: 'nominal', title: null, sort: null },
        },
      }),
    ];
    const components = choices.flatMap((c) =>
      [...c.componentSums].map(([column, sum], rank) => ({ choice: c.choice, rank, component: column.replace(/_s$/, '').replace(/_/g, ' '), minutes: sum / Math.max(1, c.downtimeSec.length) / 60 })),
    );
    parts.push(
      await chart('downtime-components', 'Mean downtime per failover choice, by component, in minutes (components are assumptions unless the README says otherwise).', {
        height: Math.max(40, 28 * choices.length),
        data: { values: components },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'choice', type: 'nominal', title: null, sort: null, axis: { labelLimit: 220 } },
          x: { field: 'minutes', type: 'quantitative', title: 'mean downtime (minutes)', stack: 'zero' },
          color: { field: 'component', type: 'nominal', title: null, sort: null },
          // In the order of failovers.csv's columns, which is the order of the steps.
          order: { field: 'rank', sort: 'ascending' },
        },
      }),
    );
    parts.push(
      table(
        ['choice', 'with a point', 'data loss mean ±CI / p95 / max', 'bytes lost mean / p95 / max', 'downtime mean ±CI / p95 / max'],
        choices.map((c) => {
          const bytes = figures(c.dataLossBytes);
          return [
            c.choice,
            `${c.available}/${c.total}`,
            withCi(figures(c.dataLossSec), formatDuration),
            `${formatBytes(bytes.mean)} / ${formatBytes(bytes.p95)} / ${formatBytes(bytes.max)}`,
            withCi(figures(c.downtimeSec), formatDuration),
          ];
        }),
      ),
    );
    return parts.join('\n');
  },
};
