// What `rposim import` prints: what was read, and the churn per VM and disk beside its 95th percentile, the
// figures an architect sizes on. Pure text from the plan.
import { formatBytes, formatCount, formatDuration } from '../humanUnits.js';
import { textTable } from '../textTable.js';
import type { ChurnFigures } from './churnFigures.js';
import type { ImportPlan } from './importPlan.js';
import type { VmChurn } from './churnSeries.js';
import { formatTimestamp } from './parseTimestamp.js';

const rate = (bytesPerSec: number): string => `${formatBytes(bytesPerSec)}/s`;

export function importReport(plan: ImportPlan): string {
  const scale = 1 + plan.options.growth;
  const sections: string[] = [];
  const machines = plan.inventory.machines;
  if (plan.inventory.sources.length > 0) {
    const vms = machines.filter((m) => !m.physical);
    const off = vms.filter((m) => m.powerState !== 'poweredOn').length;
    const physical = machines.length - vms.length;
    const offText = off === 0 ? '' : ` (${off} not powered on: ${plan.options.poweredOff === 'comment' ? 'commented out' : plan.options.poweredOff === 'skip' ? 'left out' : 'included'})`;
    const parts = [`${formatCount(vms.length, 'VM')}${offText}`, ...(physical > 0 ? [formatCount(physical, 'physical server')] : [])];
    const left = plan.inventory.skipped.map((s) => `${s.name} (${s.reason})`);
    sections.push(`Inventory: ${parts.join(', ')}${left.length > 0 ? `; left out: ${left.join(', ')}` : ''}`);
  }
  for (const { file, vms, notes } of plan.churn) {
    const intervals = [...new Set(vms.map((v) => formatDuration(v.intervalSec)))].join(', ');
    const disks = vms.reduce((n, v) => n + v.disks.length, 0);
    sections.push(
      `Churn: ${file}: ${formatCount(vms.length, 'VM')}, ${formatCount(disks, 'disk')}, every ${intervals}, ${churnSpan(vms)}` +
        notes.map((n) => `\n  note: ${n}`).join(''),
    );
  }
  const measured = plan.vms.filter((vm) => vm.churn);
  if (measured.length > 0) {
    const grown = `p95 × ${Number(scale.toFixed(6))}`;
    const rows = measured.flatMap((vm) => {
      const c = vm.churn!;
      const row = (name: string, disk: string, f: ChurnFigures): string[] => [
        name,
        disk,
        formatDuration(c.series.intervalSec),
        rate(f.meanBytesPerSec),
        rate(f.p95BytesPerSec),
        rate(f.peakBytesPerSec),
        rate(f.p95BytesPerSec * scale),
      ];
      const single = c.series.disks.length === 1 ? c.series.disks[0]!.disk || '-' : 'all';
      return [row(vm.name, single, c.figures), ...c.disks.map((d) => row('', d.disk || '-', d.figures))];
    });
    sections.push(
      `Churn per VM and disk (p95 and peak of per-minute churn)\n` +
        textTable(['vm', 'disk', 'interval', 'mean', 'p95', 'peak', grown], rows, 2),
    );
    if (plan.site) {
      sections.push(`Site (all measured VMs together): mean ${rate(plan.site.meanBytesPerSec)}, p95 ${rate(plan.site.p95BytesPerSec)}, ${grown} ${rate(plan.site.p95BytesPerSec * scale)}`);
    }
  }
  return sections.join('\n\n');
}

/** The first and last sample times of a churn export, for the printed summary. */
function churnSpan(series: readonly VmChurn[]): string {
  const from = Math.min(...series.map((s) => s.startSec));
  const to = Math.max(...series.map((s) => s.startSec + s.bytes.length * s.intervalSec));
  return `${formatTimestamp(from)} to ${formatTimestamp(to)}`;
}
