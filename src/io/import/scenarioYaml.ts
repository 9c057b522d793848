// The scenario an import writes: plain YAML text with comments that say where each value came from and what
// the user should check, since this file is a starting point to edit, not a result.
import { stringify } from 'yaml';
import { formatBytes, formatCount, formatDuration } from '../humanUnits.js';
import type { ChurnFigures } from './churnFigures.js';
import type { ImportedVm, ImportPlan } from './importPlan.js';
import { VSPHERE_WRITE_METRIC } from './readChurnExport.js';
import { parseRate } from '../../scenario/units.js';

const DAY = 86_400;
const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** A YAML scalar, quoted only when it must be. */
const scalar = (value: string | number | boolean): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** A size in the largest unit that keeps it exact, so the scenario holds the export's figure to the byte. */
function exactSize(bytes: number): string {
  if (bytes === 0) return '0 B';
  for (const [unit, size] of [['GiB', GIB], ['MiB', MIB], ['GB', 1e9], ['MB', 1e6]] as const) {
    if (bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}

const rate = (bytesPerSec: number): string => `${formatBytes(bytesPerSec)}/s`;
const mbps = (bytesPerSec: number): string => `${((bytesPerSec * 8) / 1e6).toFixed(1)} Mbps`;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

function figuresText(f: ChurnFigures, scale: number): string {
  const grown = scale === 1 ? '' : ` (p95 × ${scale} = ${rate(f.p95BytesPerSec * scale)})`;
  return `mean ${rate(f.meanBytesPerSec)}, p95 per minute ${rate(f.p95BytesPerSec)}, peak ${rate(f.peakBytesPerSec)}${grown}`;
}

/**
 * The ASR sizing table for a configuration server with a built-in process server (domain §1): cache by daily
 * churn. Above 2 TB/day one process server is not enough; the largest cache is kept and the comment says so.
 */
function cacheFor(bytesPerDay: number): { cache: string; note: string } {
  const tb = bytesPerDay / 1e12;
  const tier = tb <= 0.5 ? ['300 GB', '<= 500 GB/day'] : tb <= 1 ? ['600 GB', '0.5-1 TB/day'] : ['1 TB', '1-2 TB/day'];
  const over = tb > 2 ? '; above the 2 TB/day limit of one process server: split the VMs over several' : '';
  return { cache: tier[0]!, note: `sizing table for ${tier[1]} (this site: ${tb.toFixed(2)} TB/day with growth${over})` };
}

function vmLines(vm: ImportedVm, plan: ImportPlan, scale: number): string[] {
  const m = vm.machine;
  const comments: string[] = [];
  const fields: string[] = [`- name: ${scalar(vm.name)}`];
  if (m) {
    const state = m.powerState === 'poweredOn' ? '' : ` · ${m.powerState}`;
    comments.push(`${m.origin}${state} · ${m.physical ? 'physical server' : 'VM'}${m.os ? ` · ${m.os}` : ''}`);
    if (m.machineKind === null) {
      fields.push(`  machineKind: windows   # CHECK: OS ${m.os ? JSON.stringify(m.os) : 'unknown'} is neither Windows nor Linux`);
    } else {
      fields.push(`  machineKind: ${m.machineKind}`);
    }
    if (m.dhcp !== null) fields.push(`  dhcp: ${m.dhcp}`);
    fields.push(`  disks: ${m.diskCount}`);
    fields.push(`  usedDisk: ${exactSize(m.usedBytes)}   # from ${m.usedFrom}`);
    if (m.disks.length > 0) {
      const disks = m.disks.map((d) => `${d.label} ${gib(d.capacityBytes)}${d.usedBytes === null ? '' : ` (used ${gib(d.usedBytes)})`}`);
      comments.push(`disks: ${disks.join(', ')}`);
    }
  } else {
    comments.push(`in ${vm.churn!.file} only, not in the inventory: machineKind, disks and usedDisk are defaults`);
  }
  if (vm.churn) {
    const c = vm.churn;
    comments.push(`churn: ${figuresText(c.figures, scale)}`);
    for (const d of c.disks) comments.push(`  disk ${d.disk || '(none)'}: ${figuresText(d.figures, scale)}; trace ${d.trace}`);
    const scaleText = scale === 1 ? '' : `, scale: ${scale}`;
    fields.push('  churn:', `    - trace: { file: ${scalar(c.trace)}${scaleText} }`);
  } else if (plan.churn.length > 0) {
    comments.push('no measured churn: vmDefaults.churn applies');
  }
  const lines = [...comments.map((c) => `# ${c}`), ...fields];
  if (!vm.commentedOut) return lines;
  return [`# ${m!.powerState}: uncomment the lines below to replicate it`, ...lines.map((l) => (l.startsWith('#') ? l : `# ${l}`))];
}

function headerLines(plan: ImportPlan, scale: number): string[] {
  const { inventory, churn, options } = plan;
  const lines = [
    `Imported by "rposim import". A starting point: edit it before you trust its results.`,
    `- uplinks and processServers are placeholders: set the real bandwidth, cache and throughput;`,
    `- check machineKind and dhcp: Linux VMs, physical servers and VMs without DHCP need 8-10 minutes of`,
    `  extra processing at failover (RVTools does not export DHCP: a "DHCP" custom attribute is read if present);`,
    `- usedDisk is copied by initial replication at the start; set it to 0 to start with the VMs protected.`,
  ];
  if (inventory.sources.length > 0) lines.push(`Inventory: ${inventory.sources.join('; ')}`);
  for (const { file, format } of churn) {
    const what = format === 'vsphere' ? `vCenter performance export, ${VSPHERE_WRITE_METRIC}, KBps = 1024 bytes/s` : 'long-format churn CSV';
    lines.push(`Churn: ${file} (${what})`);
  }
  if (churn.length > 0) {
    lines.push(`  One trace per VM in ${options.traceFolder}/ (CSV time_s,bytes_written),`);
    lines.push(`  and per disk in ${options.traceFolder}/<vm>/ for VMs with several disks. The simulation's time 0 is each trace's`);
    lines.push(`  first interval (they need not start at midnight); p95 = 95th percentile of per-minute churn.`);
  }
  if (options.growth !== 0) lines.push(`Growth: ${(options.growth * 100).toFixed(0)}% (trace scale ${scale}), as the Deployment Planner sizes on p95 churn + growth.`);
  const skipped = plan.skipped.map((s) => `${s.name} (${s.reason})`);
  if (skipped.length > 0) lines.push(`Left out: ${skipped.join(', ')}.`);
  for (const note of churn.flatMap((c) => c.notes)) lines.push(`Note: ${note}.`);
  return lines.map((l) => `# ${l}`);
}

export function scenarioYaml(plan: ImportPlan): string {
  const { options } = plan;
  const scale = Number((1 + options.growth).toFixed(6));
  const active = plan.vms.filter((vm) => !vm.commentedOut);
  const longest = Math.max(0, ...active.map((vm) => (vm.churn ? vm.churn.series.bytes.length * vm.churn.series.intervalSec : 0)));
  const horizonDays = longest === 0 ? 7 : Math.max(2, Math.ceil(longest / DAY - 1e-9));
  const unmeasured = active.filter((vm) => vm.churn === null);
  const defaultRate = parseRate(options.defaultChurn);
  const unmeasuredPerSec = defaultRate.ok ? defaultRate.value * unmeasured.length : 0;
  const { cache, note } = cacheFor(((plan.site?.meanBytesPerSec ?? 0) * scale + unmeasuredPerSec) * DAY);
  // The Deployment Planner's rule (p95 churn + growth), rounded up to 10 Mbps, is a starting point only.
  const p95Mbps = plan.site ? (plan.site.p95BytesPerSec * scale * 8) / 1e6 : null;
  const bandwidth = p95Mbps === null ? '100 Mbps' : `${Math.max(10, Math.ceil(p95Mbps / 10) * 10)} Mbps`;
  const bandwidthNote = plan.site
    ? `STARTING POINT: the site's p95 per-minute churn with growth (${mbps(plan.site.p95BytesPerSec * scale)}; mean ${mbps(plan.site.meanBytesPerSec * scale)}), rounded up; find the need with rposim plan`
    : 'PLACEHOLDER: no measured churn';
  const lines = [
    ...headerLines(plan, scale),
    `name: ${scalar(options.name)}`,
    `description: ${scalar(`Imported from ${[...plan.inventory.sources, ...plan.churn.map((c) => c.file)].join(', ')}`)}`,
    `horizon: ${horizonDays}d${longest > 0 ? `   # the longest trace covers ${formatDuration(longest)}; traces loop` : ''}`,
    'warmup: 1d',
    '',
    'uplinks:',
    '  - name: wan',
    `    bandwidth: ${bandwidth}   # ${bandwidthNote}`,
    '',
    'processServers:',
    '  - name: ps1',
    '    uplink: wan',
    `    cache: ${cache}   # ${note}`,
    '',
    'vmDefaults:',
    '  processServer: ps1',
  ];
  if (unmeasured.length > 0) {
    lines.push(
      '  churn:',
      `    - constant: ${options.defaultChurn}   # ASSUMPTION for the ${formatCount(unmeasured.length, 'VM')} without measured churn: edit`,
    );
  }
  lines.push('', 'vms:');
  for (const vm of plan.vms) lines.push(...vmLines(vm, plan, scale).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
