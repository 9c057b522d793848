// How big a run is, estimated from the parsed scenario before any VM is expanded or simulated: the simulated
// events (what costs time) and the rows of failovers.csv (held in memory until the end) and timeseries.csv (the
// size of the file).
// parse.ts refuses a scenario beyond LIMITS with these figures, and `rposim validate` prints the estimate.
import type { RawIssue } from './crossChecks.js';
import { type PathSegment, valueAt } from './issues.js';
import { formatEstimate, formatLimit, LIMITS } from './limits.js';
import type { ParsedDocument } from './schema.js';
import type { ChurnComponent, OutageSpec, RecoveryPointPolicy } from './types.js';

const HOUR = 3600;
/** simulate.ts prunes every VM's points every 4 hours. */
const PRUNE_INTERVAL_SEC = 4 * HOUR;

export interface RunSize {
  /** Estimated simulated events: rate changes, tags, outages, samples and failover evaluations, per VM. */
  events: number;
  failoverRows: number;
  timeseriesRows: number;
}

/** Rate changes of one churn component over the horizon (an upper estimate for the random ones: their mean). */
export function churnEvents(c: ChurnComponent, horizonSec: number): number {
  switch (c.kind) {
    case 'constant':
      return 1;
    case 'dailyProfile':
      return horizonSec / HOUR;
    case 'onOff':
      return (2 * horizonSec) / (c.meanOnSec + c.meanOffSec);
    case 'poissonBursts':
      return horizonSec / c.meanIntervalSec;
    case 'periodicSteps':
      return c.stepStartsSec.length * Math.ceil(horizonSec / c.periodSec);
    case 'trace': {
      const n = c.startsSec.length;
      const periodSec = 2 * c.startsSec[n - 1]! - c.startsSec[n - 2]!;
      return c.loop ? n * Math.ceil(horizonSec / periodSec) : n;
    }
  }
}

/** Each point series of a policy: the field that sets its interval, and the interval (0 = off). */
function pointIntervals(policy: RecoveryPointPolicy): [string, number][] {
  switch (policy.kind) {
    case 'asr':
    case 'asr-modernized':
    case 'periodic':
      return [['crashConsistentInterval', policy.crashConsistentIntervalSec], ['appConsistentInterval', policy.appConsistentIntervalSec]];
    case 'zerto':
      return [['checkpointInterval', policy.checkpointIntervalSec], ['appConsistentInterval', policy.appConsistentIntervalSec]];
    case 'veeam-cdp':
      return [['rpo', policy.rpoSec], ['longTermInterval', policy.longTermIntervalSec]];
    case 'vsphere-replication':
      return [['rpo', policy.rpoSec]];
    case 'veeam-replication':
      return [['interval', policy.intervalSec]];
    case 'aws-drs':
      // Snapshots every 10 minutes at the finest.
      return [['kind', 600]];
  }
}

function outageEvents(outages: OutageSpec, horizonSec: number): number {
  return 2 * outages.windows.length + (outages.random === null ? 0 : (2 * horizonSec) / (outages.random.mtbfSec + outages.random.mttrSec));
}

/** Round intervals to fall back on when the default sample interval would give too many timeseries rows. */
const SAMPLE_LADDER: ReadonlyArray<readonly [string, number]> = [
  ['10m', 600], ['15m', 900], ['30m', 1800], ['1h', 3600], ['2h', 7200], ['4h', 14_400], ['6h', 21_600], ['12h', 43_200], ['1d', 86_400], ['7d', 604_800],
];

export function timeseriesRows(vms: number, horizonSec: number, sampleIntervalSec: number): number {
  return sampleIntervalSec > 0 ? vms * (Math.floor(horizonSec / sampleIntervalSec) + 1) : 0;
}

export interface RunSizeCheck {
  size: RunSize;
  issues: RawIssue[];
  warnings: string[];
  /** The sample interval to use: the scenario's, or a coarser one when the default would be too fine. */
  sampleIntervalSec: number;
}

/**
 * Checks a parsed document against LIMITS. Call only once the VM total is within LIMITS.vms (crossChecks):
 * the estimate multiplies by counts without expanding them.
 */
export function checkRunSize(raw: unknown, doc: ParsedDocument): RunSizeCheck {
  const horizon = doc.horizon;
  const vmTotal = doc.vms.reduce((s, vm) => s + vm.count, 0);
  const issues: RawIssue[] = [];
  const warnings: string[] = [];

  // Where the events come from, so that a refusal points at the field to change.
  const contributions = new Map<string, { path: PathSegment[]; events: number }>();
  // A default the user did not write is the horizon's doing, as far as the user can act on it.
  const add = (written: PathSegment[], events: number) => {
    const path = valueAt(raw, written) === undefined ? ['horizon'] : written;
    const key = JSON.stringify(path);
    const entry = contributions.get(key) ?? { path, events: 0 };
    entry.events += events;
    contributions.set(key, entry);
  };
  doc.vms.forEach((vm, i) => {
    const own = vm.churn !== undefined;
    (vm.churn ?? doc.vmDefaults.churn ?? []).forEach((c, j) => {
      add(own ? ['vms', i, 'churn', j] : ['vmDefaults', 'churn', j], vm.count * churnEvents(c, horizon));
    });
    // Disks with their own churn.
    const disks = vm.disks ?? doc.vmDefaults.disks;
    const where: PathSegment[] = vm.disks !== undefined ? ['vms', i, 'disks'] : ['vmDefaults', 'disks'];
    if (Array.isArray(disks)) disks.forEach((disk, k) => disk.churn?.forEach((c, j) => add([...where, k, 'churn', j], vm.count * churnEvents(c, horizon))));
  });
  doc.uplinks.forEach((u, i) => {
    if (u.background?.kind === 'priority') u.background.rate.forEach((c, j) => add(['uplinks', i, 'background', 'priority', j], churnEvents(c, horizon)));
  });
  // A throttling schedule changes the cap at most twice per work day.
  doc.processServers.forEach((p, i) => {
    if (p.bandwidthThrottling) add(['processServers', i, 'bandwidthThrottling'], 1 + 2 * p.bandwidthThrottling.workDays.length * Math.ceil(horizon / (7 * 24 * HOUR)));
  });
  for (const [field, intervalSec] of pointIntervals(doc.policy)) {
    if (intervalSec > 0) add(['policy', field], (vmTotal * horizon) / intervalSec);
  }
  add(['horizon'], (vmTotal * horizon) / PRUNE_INTERVAL_SEC);
  doc.uplinks.forEach((u, i) => add(['uplinks', i, 'outages'], outageEvents(u.outages, horizon)));
  doc.processServers.forEach((p, i) => add(['processServers', i, 'outages'], outageEvents(p.outages, horizon)));

  const disasters = doc.disasters.timesSec.length + doc.disasters.randomCount;
  const failoverRows = disasters * vmTotal * doc.failover.choices.length;
  const disasterPath: PathSegment[] = valueAt(raw, ['disasters', 'random']) !== undefined || doc.disasters.timesSec.length === 0 ? ['disasters', 'random'] : ['disasters', 'times'];
  add(disasterPath, failoverRows);
  if (failoverRows > LIMITS.failoverRows) {
    issues.push({
      path: disasterPath,
      expected: `at most ${formatLimit(LIMITS.failoverRows)} failovers.csv rows in all (disasters × VMs × failover choices)`,
      found: `${formatLimit(disasters)} disasters × ${formatLimit(vmTotal)} VMs × ${doc.failover.choices.length} choices = ${formatEstimate(failoverRows)} rows`,
    });
  }

  let sampleIntervalSec = doc.output.sampleIntervalSec;
  const written = valueAt(raw, ['output', 'sampleInterval']);
  const rows = timeseriesRows(vmTotal, horizon, sampleIntervalSec);
  if (rows > LIMITS.timeseriesRows) {
    const fits = SAMPLE_LADDER.find(([, sec]) => timeseriesRows(vmTotal, horizon, sec) <= LIMITS.timeseriesRows);
    if (written !== undefined) {
      issues.push({
        path: ['output', 'sampleInterval'],
        expected: `an interval giving at most ${formatLimit(LIMITS.timeseriesRows)} timeseries.csv rows (VMs × samples), ${fits ? `like "${fits[0]}", ` : ''}or 0 for none`,
        found: `${JSON.stringify(written)}: ${formatLimit(vmTotal)} VMs × ${formatEstimate(rows / vmTotal)} samples = ${formatEstimate(rows)} rows`,
      });
    } else {
      sampleIntervalSec = fits?.[1] ?? 0;
      warnings.push(
        `timeseries.csv: the default sample interval (5m) would give ${formatEstimate(rows)} rows for ${formatLimit(vmTotal)} VMs, ` +
          `above the limit of ${formatLimit(LIMITS.timeseriesRows)}: ${fits ? `sampling every ${fits[0]} instead` : 'no timeseries'} (set output.sampleInterval to choose)`,
      );
    }
  }
  const samples = timeseriesRows(vmTotal, horizon, sampleIntervalSec);
  add(['output', 'sampleInterval'], samples);

  const events = [...contributions.values()].reduce((s, c) => s + c.events, 0);
  if (!(events <= LIMITS.events)) {
    const largest = [...contributions.values()].reduce((a, b) => (b.events > a.events ? b : a));
    issues.push({
      path: largest.path,
      expected: `a run of at most ${formatLimit(LIMITS.events)} simulated events in all (README: Resource limits): a shorter horizon, fewer VMs or longer intervals`,
      found: `about ${formatEstimate(events)} events over the horizon, ${formatEstimate(largest.events)} of them from here`,
    });
  }
  return { size: { events, failoverRows, timeseriesRows: samples }, issues, warnings, sampleIntervalSec };
}
