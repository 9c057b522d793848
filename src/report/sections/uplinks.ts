import { formatDuration, formatPercent } from '../../io/humanUnits.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { table } from '../html.js';

/** Mean utilisation of each uplink while up, with its outages (the results hold no utilisation over time). */
export const uplinks: ReportSection = {
  id: 'uplinks',
  title: 'Uplinks',
  applies: (context) => (context.summary?.uplinks?.length ?? 0) > 0,
  async render(context) {
    const links = context.summary!.uplinks;
    const values = links.map((u) => ({ uplink: u.name, utilisation: u.utilisation }));
    const bars = await chart('uplink-utilisation', 'Mean utilisation of each uplink while it was up.', {
      height: Math.max(40, 24 * links.length),
      data: { values },
      mark: { type: 'bar', color: '#4c78a8' },
      encoding: {
        y: { field: 'uplink', type: 'nominal', title: null, sort: null },
        x: { field: 'utilisation', type: 'quantitative', title: 'utilisation while up', axis: { format: '%' }, scale: { domain: [0, 1] } },
      },
    });
    return bars + table(['uplink', 'utilisation', 'outages', 'down'], links.map((u) => [u.name, formatPercent(u.utilisation), String(u.outages), formatDuration(u.downSec)]));
  },
};
