// Terminal summary sections for replication groups, recovery plans and the failover–failback cycle.
import type { SimulationResult } from '../metrics/types.js';
import { formatBytes, formatDuration } from './humanUnits.js';
import { textTable } from './textTable.js';

const duration = (seconds: number | null) => (seconds === null ? '-' : formatDuration(seconds));

function groupSection(result: SimulationResult): string {
  if (result.groups.length === 0) return '';
  const rows = result.groups.map((g) => [
    g.name,
    String(g.vms.length),
    `${duration(g.commonPointAgeSec.mean)} / ${duration(g.commonPointAgeSec.max)}`,
    `${duration(g.commonAppConsistentPointAgeSec.mean)} / ${duration(g.commonAppConsistentPointAgeSec.max)}`,
  ]);
  return `Replication groups (age of the newest common point at disasters)\n${textTable(['group', 'VMs', 'crash mean / max', 'app mean / max'], rows)}`;
}

function planSection(result: SimulationResult): string {
  if (result.plans.length === 0) return '';
  const rows = result.plans.map((p) => [
    p.name,
    p.choice,
    `${p.available}/${p.available + p.unavailable}`,
    `${duration(p.downtimeSec.mean)} / ${duration(p.downtimeSec.p50)} / ${duration(p.downtimeSec.p95)} / ${duration(p.downtimeSec.max)}`,
    `${duration(p.dataLossSec.mean)} / ${duration(p.dataLossSec.max)}`,
    p.commonestCriticalPath,
  ]);
  const header = ['plan', 'choice', 'completed', 'downtime mean / p50 / p95 / max', 'data loss mean / max', 'commonest critical path'];
  return `Recovery plans (over disasters)\n${textTable(header, rows)}`;
}

function cycleSection(result: SimulationResult): string {
  const cycle = result.cycle;
  if (cycle === null) return '';
  const header = ['', 'downtime', 'data lost', 'bytes lost', 'unprotected', 'longest phase'];
  const row = (name: string, c: { downtimeSec: number; dataLossSec: number; dataLossBytes: number; unprotectedSec: number; longestPhase: { phase: string; durationSec: number } }) => [
    name,
    formatDuration(c.downtimeSec),
    formatDuration(c.dataLossSec),
    formatBytes(c.dataLossBytes),
    formatDuration(c.unprotectedSec),
    `${c.longestPhase.phase} (${formatDuration(c.longestPhase.durationSec)})`,
  ];
  const rows = [...cycle.plans.map((p) => row(`plan ${p.name}`, p)), ...cycle.vms.map((vm) => row(vm.name, vm))];
  const title =
    `Failover–failback cycle (${cycle.outcome === 'cancel' ? 'failover cancelled' : 'committed'}) from ` +
    `${formatDuration(cycle.startSec)} to ${formatDuration(cycle.endSec)} · phases in lifecycle.csv`;
  return `${title}\n${textTable(header, rows)}`;
}

/** The sections, empty ones included (the caller drops them). */
export function cycleSections(result: SimulationResult): string[] {
  return [groupSection(result), planSection(result), cycleSection(result)];
}
