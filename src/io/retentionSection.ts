// Terminal summary section for the recovery points a policy keeps: how many, how far back, what they occupy.
import type { VmSummary } from '../metrics/types.js';
import { formatBytes, formatDuration } from './humanUnits.js';
import { textTable } from './textTable.js';

const HEADER = ['vm', 'points created', 'retained at end', 'oldest point age min / mean', 'storage mean / peak'];

/** One line per VM, or above maxLines VMs one line for all of them (counts and storage summed over the VMs). */
export function retentionSection(vms: readonly VmSummary[], maxLines: number): string {
  if (vms.length === 0) return '';
  const interval = formatDuration(vms[0]!.retention.intervalSec);
  if (vms.length <= maxLines) {
    return `Recovery points per VM (history and storage sampled every ${interval} after the warm-up)\n${textTable(HEADER, vms.map(row), 1)}`;
  }
  return `Recovery points over ${vms.length} VMs (summed over the VMs; history sampled every ${interval})\n${textTable(HEADER, [allRow(vms)], 1)}`;
}

function row(vm: VmSummary): string[] {
  const r = vm.retention;
  return [
    vm.name,
    String(vm.recoveryPointsCreated),
    String(vm.recoveryPointsRetainedAtEnd),
    `${formatDuration(r.oldestPointAgeMinSec)} / ${formatDuration(r.oldestPointAgeMeanSec)}`,
    `${formatBytes(r.storageMeanBytes)} / ${formatBytes(r.storagePeakBytes)}`,
  ];
}

/** Mean age weighted by samples; storage summed (the sum of peaks bounds the site's peak from above). */
function allRow(vms: readonly VmSummary[]): string[] {
  const sampled = vms.map((vm) => vm.retention).filter((r) => r.samples > 0);
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const samples = sum(sampled.map((r) => r.samples));
  const some = sampled.length > 0;
  return [
    `all ${vms.length} VMs`,
    String(sum(vms.map((vm) => vm.recoveryPointsCreated))),
    String(sum(vms.map((vm) => vm.recoveryPointsRetainedAtEnd))),
    `${formatDuration(some ? Math.min(...sampled.map((r) => r.oldestPointAgeMinSec!)) : null)} / ${formatDuration(some ? sum(sampled.map((r) => r.oldestPointAgeMeanSec! * r.samples)) / samples : null)}`,
    `${formatBytes(some ? sum(sampled.map((r) => r.storageMeanBytes!)) : null)} / ${formatBytes(some ? sum(sampled.map((r) => r.storagePeakBytes!)) : null)}`,
  ];
}
