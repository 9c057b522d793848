import { eachFailover } from '../metrics/failoverTable.js';
import type { PrecisionMetric, PrecisionSummary, ProcessServerSummary, SimulationResult, UplinkSummary, VmSummary } from '../metrics/types.js';
import { cycleSections } from './cycleSections.js';
import { failoverFigures, type Figures } from './failoverFigures.js';
import { formatBytes, formatCount, formatDuration, formatPercent } from './humanUnits.js';
import { retentionSection } from './retentionSection.js';
import { textTable } from './textTable.js';

/** Above this many VMs, one line per VM drowns the rest: show the aggregate and the worst few instead. */
export const MAX_VM_LINES = 20;
export const WORST_VMS_SHOWN = 5;

/** The terminal summary of a run. Pure: the same result always gives the same text. */
export function formatSummary(result: SimulationResult): string {
  const sections = [
    header(result) + (result.precision === undefined ? '' : `\n${formatPrecision(result.precision)}`),
    vmSection(result.vms),
    failoverSection(result),
    retentionSection(result.vms, MAX_VM_LINES),
    processServerSection(result.processServers),
    uplinkSection(result.uplinks),
    ...cycleSections(result),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function header(result: SimulationResult): string {
  const disasters = result.disasterTimesSec.length;
  return (
    `Scenario ${result.scenario} · seed ${result.seed} · horizon ${formatDuration(result.horizonSec)}` +
    ` (warm-up ${formatDuration(result.warmupSec)}) · ${formatCount(disasters, 'disaster')} · rposim ${result.version}`
  );
}

const METRIC_NAMES: Record<PrecisionMetric, string> = {
  'data-loss-sec': 'data loss',
  'data-loss-bytes': 'bytes lost',
  'downtime-sec': 'downtime',
};

/** What --precision estimated, and whether it reached the target: said plainly when it did not. */
export function formatPrecision(p: PrecisionSummary): string {
  const format = p.metric === 'data-loss-bytes' ? formatBytes : formatDuration;
  const estimate =
    `Precision: mean ${p.choice} ${METRIC_NAMES[p.metric]} ${format(p.mean)} (95% CI ${format(p.ci95[0])} – ${format(p.ci95[1])}, ` +
    `±${(p.relativeHalfWidth * 100).toFixed(1)}%) over ${formatCount(p.replications, 'replication')}`;
  const verdict = p.met
    ? `: target ±${(p.target * 100).toFixed(1)}% met.`
    : `: target ±${(p.target * 100).toFixed(1)}% NOT MET — stopped at the cap of ${p.maxReplications} replications; the mean is less precise than asked.`;
  return `${estimate}${verdict}\n  Seed ${p.seed} for the whole run; the other figures are replication 1's (seed ${p.firstReplicationSeed}).`;
}

const VM_HEADER = ['vm', 'process server', 'RPO min mean / p95 / max', 'within threshold', 'RPO alerts', 'peak backlog'];

function vmSection(vms: readonly VmSummary[]): string {
  if (vms.length === 0) return '';
  if (vms.length <= MAX_VM_LINES) return `RPO per VM\n${textTable(VM_HEADER, vms.map(vmRow), 2)}`;
  const worst = [...vms].sort(byWorstP95).slice(0, WORST_VMS_SHOWN);
  return (
    `RPO over ${vms.length} VMs: the mean over VMs (RPO mean and time within threshold weighted by time observed) ` +
    `and the worst VM in each column (a VM without any point counts 0% within threshold)\n` +
    `${textTable(VM_HEADER, aggregateRows(vms), 2)}\n\n` +
    `Worst ${worst.length} VMs by p95 RPO\n${textTable(VM_HEADER, worst.map(vmRow), 2)}`
  );
}

function vmRow(vm: VmSummary): string[] {
  return [
    vm.name,
    vm.processServer,
    rpoMinutes({ mean: vm.rpo.mean, p95: vm.rpo.p95, max: vm.rpo.max }),
    formatPercent(vm.rpo.fractionWithinThreshold),
    alerts(vm.rpoAlerts.episodes, vm.rpoAlerts.seconds),
    // Backlog: written at the source but not yet uploaded (source bitmap/log plus PS cache).
    formatBytes(vm.peakUnuploadedBytes),
  ];
}

/**
 * The mean over VMs and the worst VM of each column. Alert time is per VM, never summed over VMs: a sum
 * would read as elapsed time (4 days of alerts in a 7-day run).
 */
function aggregateRows(vms: readonly VmSummary[]): string[][] {
  const observed = vms.filter((vm) => vm.rpo.observedSec > 0 && vm.rpo.mean !== null);
  const present = (pick: (vm: VmSummary) => number | null) => vms.map(pick).filter((v): v is number => v !== null);
  const average = (values: number[]) => (values.length > 0 ? sum(values) / values.length : null);
  const largest = (values: number[]) => (values.length > 0 ? Math.max(...values) : null);
  const episodes = vms.map((vm) => vm.rpoAlerts.episodes);
  const seconds = vms.map((vm) => vm.rpoAlerts.seconds);
  const longestInAlert = vms.reduce((a, b) => (b.rpoAlerts.seconds > a.rpoAlerts.seconds ? b : a));
  const mean = [
    `mean of ${vms.length} VMs`,
    '',
    rpoMinutes({
      mean: weightedMean(observed.map((vm) => [vm.rpo.mean ?? 0, vm.rpo.observedSec])),
      p95: average(present((vm) => vm.rpo.p95)),
      max: average(present((vm) => vm.rpo.max)),
    }),
    formatPercent(
      weightedMean(
        vms
          .filter((vm) => vm.rpo.fractionWithinThreshold !== null)
          .map((vm) => [vm.rpo.fractionWithinThreshold ?? 0, vm.rpo.observedSec]),
      ),
    ),
    `${(sum(episodes) / vms.length).toFixed(1)} (${formatDuration(sum(seconds) / vms.length)})`,
    formatBytes(sum(vms.map((vm) => vm.peakUnuploadedBytes)) / vms.length),
  ];
  const worst = [
    'worst VM',
    '',
    rpoMinutes({ mean: largest(present((vm) => vm.rpo.mean)), p95: largest(present((vm) => vm.rpo.p95)), max: largest(present((vm) => vm.rpo.max)) }),
    formatPercent(Math.min(...vms.map((vm) => vm.rpo.fractionWithinThreshold ?? 0))),
    // The VM longest in alert, with its own episodes.
    alerts(longestInAlert.rpoAlerts.episodes, longestInAlert.rpoAlerts.seconds),
    formatBytes(Math.max(...vms.map((vm) => vm.peakUnuploadedBytes))),
  ];
  return [mean, worst];
}

/** Worst first; a VM without any RPO figure never had a recovery point in the observed window: worst of all. */
function byWorstP95(a: VmSummary, b: VmSummary): number {
  const key = (vm: VmSummary) => vm.rpo.p95 ?? Number.POSITIVE_INFINITY;
  return key(b) - key(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function failoverSection(result: SimulationResult): string {
  const choices = failoverFigures(eachFailover(result.failovers));
  if (choices.length === 0) return '';
  const rows = choices.map((c) => [
    c.choice,
    `${c.available}/${c.total}`,
    triple(c.dataLossSec, formatDuration),
    triple(c.dataLossBytes, formatBytes),
    triple(c.downtimeSec, formatDuration),
  ]);
  const headerRow = ['choice', 'with point', 'data loss mean / p95 / max', 'bytes lost mean / p95 / max', 'downtime mean / p95 / max'];
  return `Failover per choice (over disasters × VMs)\n${textTable(headerRow, rows)}`;
}

function processServerSection(servers: readonly ProcessServerSummary[]): string {
  if (servers.length === 0) return '';
  const rows = servers.map((ps) => [
    ps.name,
    `${formatBytes(ps.peakCacheBytes)} (${formatPercent(ps.peakCacheFraction)})`,
    alerts(ps.throttle.episodes, ps.throttle.seconds),
    `${ps.cacheWarning.episodes} / ${ps.cacheCritical.episodes}`,
    `${ps.pendingUploadWarning.episodes} / ${ps.pendingUploadCritical.episodes}`,
    formatDuration(ps.downSec),
  ]);
  const headerRow = ['process server', 'peak cache', 'throttle episodes', 'cache alerts warn / crit', 'upload alerts warn / crit', 'down'];
  return `Process servers\n${textTable(headerRow, rows)}`;
}

function uplinkSection(uplinks: readonly UplinkSummary[]): string {
  if (uplinks.length === 0) return '';
  // The background column only when some uplink carries other traffic.
  const background = uplinks.some((u) => u.backgroundBytes !== undefined);
  const rows = uplinks.map((u) => [
    u.name,
    formatPercent(u.utilisation),
    ...(background ? [u.backgroundBytes === undefined ? '-' : formatBytes(u.backgroundBytes)] : []),
    String(u.outages),
    formatDuration(u.downSec),
  ]);
  const headerRow = ['uplink', 'utilisation', ...(background ? ['background traffic'] : []), 'outages', 'down'];
  return `Uplinks\n${textTable(headerRow, rows)}`;
}

/** RPO figures are exact time-weighted statistics of the run, not Monte-Carlo estimates: no interval. */
function rpoMinutes(f: Pick<Figures, 'mean' | 'p95' | 'max'>): string {
  return triple({ ...f, ci95: null, halfWidth: null }, (seconds) => (seconds === null ? '-' : (seconds / 60).toFixed(1)));
}

/** mean / p95 / max; a Monte-Carlo mean shows its 95% half-width ("12m ±1m"). */
function triple(f: Figures, format: (value: number | null) => string): string {
  const half = f.halfWidth === null ? '' : ` ±${format(f.halfWidth)}`;
  return `${format(f.mean)}${half} / ${format(f.p95)} / ${format(f.max)}`;
}

function alerts(episodes: number, seconds: number): string {
  return episodes === 0 ? '0' : `${episodes} (${formatDuration(seconds)})`;
}

function weightedMean(pairs: ReadonlyArray<readonly [number, number]>): number | null {
  const weight = sum(pairs.map(([, w]) => w));
  return weight > 0 ? sum(pairs.map(([v, w]) => v * w)) / weight : null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
