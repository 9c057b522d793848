import type { TopLevelSpec } from 'vega-lite';
import { formatDuration } from '../../io/humanUnits.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import type { SeriesPoint } from '../downsample.js';
import { note } from '../html.js';
import { byteUnit, DAY_SEC } from '../scales.js';
import { timeseriesDigest } from '../timeseriesDigest.js';
import { VMS_DRAWN } from '../worstVms.js';

const TIME_AXIS = { field: 't', type: 'quantitative', title: 'simulated time (days)', axis: { tickMinStep: 1 } } as const;

function rows(series: Map<string, SeriesPoint[]>, scale = 1): Array<{ t: number; v: number; series: string }> {
  return [...series].flatMap(([name, points]) => points.map((p) => ({ t: p.t / DAY_SEC, v: p.v / scale, series: name })));
}

function lines(values: ReturnType<typeof rows>, yTitle: string, extra: object[] = []): TopLevelSpec {
  return {
    layer: [
      ...extra,
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.2, interpolate: 'linear' },
        encoding: {
          x: TIME_AXIS,
          y: { field: 'v', type: 'quantitative', title: yTitle },
          color: { field: 'series', type: 'nominal', title: null, sort: null },
        },
      },
    ],
  } as TopLevelSpec;
}

/** RPO, backlog and process-server cache over the run, downsampled to about one min/max pair per pixel. */
export const rpoOverTime: ReportSection = {
  id: 'over-time',
  title: 'Over time',
  applies: (context) => context.summary !== null && context.folder.files.has('timeseries.csv'),
  async render(context) {
    const digest = await context.once('timeseries', () => timeseriesDigest(context));
    const parts: string[] = [];
    const shaded = digest.violations.map(([a, b]) => ({ a: a / DAY_SEC, b: b / DAY_SEC }));
    const extra: object[] = [];
    if (shaded.length > 0) {
      extra.push({ data: { values: shaded }, mark: { type: 'rect', color: '#f4c7c3', opacity: 0.7 }, encoding: { x: { field: 'a', type: 'quantitative' }, x2: { field: 'b' } } });
    }
    if (digest.thresholdSec !== null) {
      extra.push({ data: { values: [{ y: digest.thresholdSec / 60 }] }, mark: { type: 'rule', color: '#c0392b', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } });
    }
    const who = digest.aggregated ? `the ${VMS_DRAWN} worst VMs, and the worst and mean over all VMs` : 'each VM';
    const threshold = digest.thresholdSec === null ? '' : `; dashed line: the RPO threshold (${formatDuration(digest.thresholdSec)}); shaded: when at least one VM was above it`;
    parts.push(await chart('rpo-over-time', `RPO (age of the newest usable recovery point) of ${who}, in minutes${threshold}.`, lines(rows(digest.rpo), 'RPO (minutes)', extra)));

    const backlogMax = Math.max(0, ...[...digest.backlog.values()].flat().map((p) => p.v));
    const bytes = byteUnit(backlogMax);
    parts.push(await chart('backlog-over-time', `Data written but not yet in Azure (source backlog, process-server cache and data in flight) of ${digest.aggregated ? `the ${VMS_DRAWN} worst VMs` : 'each VM'} and of all VMs together, in ${bytes.unit}: what a disaster at that instant would lose with failover to latest.`, lines(rows(digest.backlog, bytes.divisor), `not yet in Azure (${bytes.unit})`)));

    const servers = context.resolved?.scenario.processServers ?? [];
    const cacheMax = Math.max(0, ...[...digest.cache.values()].flat().map((p) => p.v), ...servers.map((s) => s.cacheBytes));
    const cacheUnit = byteUnit(cacheMax);
    const throttle = servers.map((s) => ({ y: (s.cacheBytes * (1 - s.throttleFreeFraction)) / cacheUnit.divisor, series: s.name }));
    const throttleRule = throttle.length === 0 ? [] : [{ data: { values: throttle }, mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { field: 'y', type: 'quantitative' } } }];
    parts.push(await chart('cache-over-time', `Process-server cache in use, in ${cacheUnit.unit}${throttle.length === 0 ? '' : '; dashed: the level where replication is throttled (free space below the throttle fraction)'}.`, lines(rows(digest.cache, cacheUnit.divisor), `cache (${cacheUnit.unit})`, throttleRule)));
    if (digest.aggregated) parts.push(note(`Only the ${VMS_DRAWN} VMs with the lowest RPO compliance are drawn one by one; summary.json and timeseries.csv have every VM.`));
    return parts.join('\n');
  },
};
