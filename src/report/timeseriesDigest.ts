// One streaming pass over timeseries.csv: per drawn VM its RPO and backlog, and over all VMs the worst and
// mean RPO, the total backlog, each process server's cache and the spans when some VM was past the RPO
// threshold. Memory stays flat however many VMs and samples the file holds.
import type { ReportContext } from './context.js';
import { MinMaxSeries, type SeriesPoint } from './downsample.js';
import { CHART_WIDTH } from './chart.js';
import { drawnVms } from './worstVms.js';

/** About one bucket per pixel of the chart's width. */
const BUCKETS = CHART_WIDTH;

export interface TimeseriesDigest {
  rpo: Map<string, SeriesPoint[]>;
  backlog: Map<string, SeriesPoint[]>;
  cache: Map<string, SeriesPoint[]>;
  /** [start, end) spans of simulated time when at least one VM's RPO was above the threshold. */
  violations: Array<[number, number]>;
  thresholdSec: number | null;
  /** Whether the series include aggregates over all VMs (many VMs). */
  aggregated: boolean;
}

class SeriesSet {
  private readonly series = new Map<string, MinMaxSeries>();
  constructor(private readonly endSec: number) {}
  add(key: string, t: number, v: number): void {
    let s = this.series.get(key);
    if (s === undefined) this.series.set(key, (s = new MinMaxSeries(0, this.endSec, BUCKETS)));
    s.add(t, v);
  }
  points(): Map<string, SeriesPoint[]> {
    return new Map([...this.series].map(([key, s]) => [key, s.points()]));
  }
}

const number = (text: string | undefined) => (text === undefined || text === '' ? NaN : Number(text));

export async function timeseriesDigest(context: ReportContext): Promise<TimeseriesDigest> {
  const summary = context.summary!;
  const endSec = summary.horizonSec;
  const drawn = new Set(drawnVms(summary.vms));
  const aggregated = summary.vms.length > drawn.size;
  const serverOf = new Map(summary.vms.map((vm) => [vm.name, vm.processServer]));
  const thresholdSec = context.resolved?.scenario.policy?.rpoThresholdSec ?? null;
  const rpo = new SeriesSet(endSec);
  const backlog = new SeriesSet(endSec);
  const cache = new SeriesSet(endSec);
  const violations: Array<[number, number]> = [];

  // Per-time totals, flushed when the time changes (rows come time by time).
  let time = NaN;
  let worst = -Infinity;
  let rpoSum = 0;
  let rpoCount = 0;
  let backlogSum = 0;
  let cacheByServer = new Map<string, number>();
  let violated = false;
  let violationStart: number | null = null;
  const flush = (next: number) => {
    if (Number.isNaN(time)) return;
    if (aggregated && rpoCount > 0) {
      rpo.add('all VMs: worst', time, worst / 60);
      rpo.add('all VMs: mean', time, rpoSum / rpoCount / 60);
    }
    backlog.add('all VMs: total', time, backlogSum);
    for (const [server, bytes] of cacheByServer) cache.add(server, time, bytes);
    if (violated && violationStart === null) violationStart = time;
    if (!violated && violationStart !== null) {
      violations.push([violationStart, time]);
      violationStart = null;
    }
    if (Number.isNaN(next) && violationStart !== null) violations.push([violationStart, Math.max(time, endSec)]);
    worst = -Infinity;
    rpoSum = rpoCount = backlogSum = 0;
    cacheByServer = new Map();
    violated = false;
  };

  for await (const row of context.folder.rows('timeseries.csv')) {
    const t = number(row['time_s']);
    if (t !== time) {
      flush(t);
      time = t;
    }
    const vm = row['vm'] ?? '';
    // Rows may one day be split by direction (forward / failback): each direction is its own series.
    const series = row['direction'] ? `${vm} (${row['direction']})` : vm;
    const rpoSec = number(row['rpo_s']);
    const unuploaded = number(row['unuploaded_bytes']);
    if (Number.isFinite(rpoSec)) {
      worst = Math.max(worst, rpoSec);
      rpoSum += rpoSec;
      rpoCount++;
      if (thresholdSec !== null && rpoSec > thresholdSec) violated = true;
      if (drawn.has(vm)) rpo.add(series, t, rpoSec / 60);
    }
    if (Number.isFinite(unuploaded)) {
      backlogSum += unuploaded;
      if (drawn.has(vm)) backlog.add(series, t, unuploaded);
    }
    const server = serverOf.get(vm);
    const cached = number(row['ps_cache_bytes']);
    if (server !== undefined && Number.isFinite(cached)) cacheByServer.set(server, (cacheByServer.get(server) ?? 0) + cached);
  }
  flush(NaN);
  return { rpo: rpo.points(), backlog: backlog.points(), cache: cache.points(), violations, thresholdSec, aggregated };
}
