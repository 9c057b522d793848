import { quantile } from 'd3-array';
import type { ProcessServerSummary, SimulationResult, UplinkSummary, VmSummary } from '../metrics/types.js';
import { cycleSections } from './cycleSections.js';
import { failoverFigures, type Figures } from './failoverFigures.js';
import { formatBytes, formatCount, formatDuration, formatPercent } from './humanUnits.js';
import { textTable } from './textTable.js';

/** Above this many VMs, one line per VM drowns the rest: show the aggregate and the worst few instead. */
export const MAX_VM_LINES = 20;
export const WORST_VMS_SHOWN = 5;

/** The terminal summary of a run. Pure: the same result always gives the same text. */
export function formatSummary(result: SimulationResult): string {
  const sections = [
    header(result),
    vmSection(result.vms),
    failoverSection(result),
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

const VM_HEADER = ['vm', 'process server', 'RPO min mean / p95 / max', 'within threshold', 'RPO alerts', 'peak backlog'];

function vmSection(vms: readonly VmSummary[]): string {
  if (vms.length === 0) return '';
  if (vms.length <= MAX_VM_LINES) return `RPO per VM\n${textTable(VM_HEADER, vms.map(vmRow), 2)}`;
  const worst = [...vms].sort(byWorstP95).slice(0, WORST_VMS_SHOWN);
  return (
    `RPO over ${vms.length} VMs (mean weighted by time observed; p95 = 95th percentile of the VMs' p95)\n` +
    `${textTable(VM_HEADER, [aggregateVmRow(vms)], 2)}\n\n` +
    `Worst ${worst.length} VMs by p95 RPO\n${textTable(VM_HEADER, worst.map(vmRow), 2)}`
  );
}

function vmRow(vm: VmSummary): string[] {
  return [
    vm.name,
    vm.processServer,
    rpoMinutes({ mean: vm.rpo.mean, p95: vm.rpo.p95, max: vm.rpo.max, ci95: null }),
    formatPercent(vm.rpo.fractionWithinThreshold),
    alerts(vm.rpoAlerts.episodes, vm.rpoAlerts.seconds),
    // Backlog: written at the source but not yet uploaded (source bitmap/log plus PS cache).
    formatBytes(vm.peakUnuploadedBytes),
  ];
}

function aggregateVmRow(vms: readonly VmSummary[]): string[] {
  const observed = vms.filter((vm) => vm.rpo.observedSec > 0 && vm.rpo.mean !== null);
  const p95s = vms.map((vm) => vm.rpo.p95).filter((v): v is number => v !== null);
  const maxes = vms.map((vm) => vm.rpo.max).filter((v): v is number => v !== null);
  return [
    `all ${vms.length} VMs`,
    '',
    rpoMinutes({
      mean: weightedMean(observed.map((vm) => [vm.rpo.mean ?? 0, vm.rpo.observedSec])),
      p95: quantile(p95s, 0.95) ?? null,
      max: maxes.length > 0 ? Math.max(...maxes) : null,
      ci95: null,
    }),
    formatPercent(
      weightedMean(
        vms
          .filter((vm) => vm.rpo.fractionWithinThreshold !== null)
          .map((vm) => [vm.rpo.fractionWithinThreshold ?? 0, vm.rpo.observedSec]),
      ),
    ),
    alerts(sum(vms.map((vm) => vm.rpoAlerts.episodes)), sum(vms.map((vm) => vm.rpoAlerts.seconds))),
    formatBytes(Math.max(...vms.map((vm) => vm.peakUnuploadedBytes))),
  ];
}

/** Worst first; a VM without any RPO figure never had a recovery point in the observed window: worst of all. */
function byWorstP95(a: VmSummary, b: VmSummary): number {
  const key = (vm: VmSummary) => vm.rpo.p95 ?? Number.POSITIVE_INFINITY;
  return key(b) - key(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function failoverSection(result: SimulationResult): string {
  const choices = failoverFigures(result.failovers);
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
  const rows = uplinks.map((u) => [u.name, formatPercent(u.utilisation), String(u.outages), formatDuration(u.downSec)]);
  return `Uplinks\n${textTable(['uplink', 'utilisation', 'outages', 'down'], rows)}`;
}

function rpoMinutes(f: Figures): string {
  return triple(f, (seconds) => (seconds === null ? '-' : (seconds / 60).toFixed(1)));
}

/**
 * mean / p95 / max; a Monte-Carlo mean shows its 95% half-width ("12m ±1m"), read from the high end: the low end
 * is clipped at 0 (confidenceInterval.ts).
 */
function triple(f: Figures, format: (value: number | null) => string): string {
  const half = f.ci95 === null || f.ci95 === undefined || f.mean === null ? '' : ` ±${format(f.ci95[1] - f.mean)}`;
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
