#!/usr/bin/env node
// Writes the synthetic import examples into scenarios/import/ (see its README): an RVTools export of a small
// site as a workbook and as per-tab CSV files, a physical-server list, a vCenter/PowerCLI Get-Stat export of
// the VMs' disk writes (one day at the 5-minute "past day" level) and a long-format churn CSV of the physical
// servers (one day per minute). Made up by this script, not recorded from any system; deterministic for a seed.
// Usage: node scripts/make-import-examples.mjs [OUT_FOLDER] [SEED]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import seedrandom from 'seedrandom';

const out = process.argv[2] ?? 'scenarios/import';
const rng = seedrandom.xor4096(`import-examples/${process.argv[3] ?? '1'}`);
const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const noise = () => Math.exp(0.4 * normal() - 0.08); // lognormal, mean 1

const GIB_IN_MIB = 1024;
/** Busy office hours 07:00–19:00, quiet nights (multiplier, mean about 1). */
const office = (hour) => 0.4 + 1.3 * Math.max(0, Math.sin(((hour - 7) / 12) * Math.PI));

// Disks: size and use in GiB, mount point, mean write rate in KBps, and an optional nightly window
// [from, to) hours with its extra KBps (an ETL or a backup).
const vms = [
  { name: 'web-01', os: 'Microsoft Windows Server 2019 (64-bit)', tools: true, power: 'poweredOn', dhcp: 'True',
    disks: [{ gib: 80, used: 34, mount: 'C:\\', kbps: 180 }] },
  { name: 'web-02', os: 'Microsoft Windows Server 2019 (64-bit)', tools: true, power: 'poweredOn', dhcp: 'True',
    disks: [{ gib: 80, used: 31, mount: 'C:\\', kbps: 160 }] },
  { name: 'sql-01', os: 'Microsoft Windows Server 2022 (64-bit)', tools: true, power: 'poweredOn', dhcp: 'False',
    disks: [
      { gib: 100, used: 48, mount: 'C:\\', kbps: 120 },
      { gib: 500, used: 362, mount: 'D:\\', kbps: 1400, window: [1, 3, 9000] },
      { gib: 200, used: 75, mount: 'L:\\', kbps: 900, window: [1, 3, 3000] },
    ] },
  { name: 'app-01', os: 'Red Hat Enterprise Linux 8 (64-bit)', tools: true, power: 'poweredOn', dhcp: '',
    disks: [{ gib: 60, used: 22, mount: '/', kbps: 90 }, { gib: 250, used: 140, mount: '/data', kbps: 650 }] },
  { name: 'file-01', os: 'Microsoft Windows Server 2016 (64-bit)', tools: true, power: 'poweredOn', dhcp: '',
    disks: [{ gib: 90, used: 41, mount: 'C:\\', kbps: 70 }, { gib: 2048, used: 1530, mount: 'E:\\', kbps: 500, window: [22, 23, 6000] }] },
  { name: 'dev-01', os: 'Ubuntu Linux (64-bit)', tools: true, power: 'poweredOff', dhcp: '',
    disks: [{ gib: 40, used: 18, mount: '/', kbps: 0 }] },
  { name: 'legacy-01', os: 'Other (64-bit)', tools: false, power: 'poweredOn', dhcp: '', inUseGib: 55,
    disks: [{ gib: 60, used: null, mount: null, kbps: 0 }] },
  { name: 'tmpl-win2022', os: 'Microsoft Windows Server 2022 (64-bit)', tools: false, power: 'poweredOff', dhcp: '', template: true,
    disks: [{ gib: 60, used: null, mount: null, kbps: 0 }] },
];

const tf = (b) => (b ? 'True' : 'False');
const vInfoHeader = ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'DNS Name', 'CPUs', 'Memory', 'NICs', 'Disks',
  'Total disk capacity MiB', 'Primary IP Address', 'Provisioned MiB', 'In Use MiB', 'Unshared MiB', 'Datacenter', 'Cluster',
  'Host', 'OS according to the configuration file', 'OS according to the VMware Tools', 'DHCP', 'VM ID', 'VI SDK Server'];
const vDiskHeader = ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'Disk', 'Disk Key', 'Disk Path', 'Capacity MiB',
  'Raw', 'Disk Mode', 'Thin', 'Controller', 'Unit #', 'Datacenter', 'Cluster', 'Host', 'VM ID'];
const vPartitionHeader = ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'Disk Key', 'Disk', 'Capacity MiB',
  'Consumed MiB', 'Free MiB', 'Free %', 'Datacenter', 'Cluster', 'Host', 'VM ID'];

const vInfo = [];
const vDisk = [];
const vPartition = [];
vms.forEach((vm, v) => {
  const id = `vm-${101 + v}`;
  const capacity = vm.disks.reduce((s, d) => s + d.gib * GIB_IN_MIB, 0);
  const used = vm.inUseGib ?? vm.disks.reduce((s, d) => s + (d.used ?? 0), 0);
  const on = vm.power === 'poweredOn';
  vInfo.push([vm.name, vm.power, tf(!!vm.template), 'False', on ? `${vm.name}.corp.example` : '', 4, 16384, 1, vm.disks.length,
    capacity, on ? `10.0.1.${11 + v}` : '', capacity + 16384, Math.round(used * GIB_IN_MIB + 8192), Math.round(used * GIB_IN_MIB),
    'DC1', 'Cluster-A', `esx0${1 + (v % 3)}.corp.example`, vm.os, vm.tools && on ? vm.os : '', vm.dhcp, id, 'vcenter.corp.example']);
  vm.disks.forEach((d, k) => {
    const key = 2000 + k;
    vDisk.push([vm.name, vm.power, tf(!!vm.template), 'False', `Hard disk ${k + 1}`, key, `[ds-0${1 + (k % 2)}] ${vm.name}/${vm.name}${k ? `_${k}` : ''}.vmdk`,
      d.gib * GIB_IN_MIB, 'False', 'persistent', 'True', 'SCSI controller 0', k, 'DC1', 'Cluster-A', `esx0${1 + (v % 3)}.corp.example`, id]);
    if (d.used !== null && vm.tools) {
      const cap = d.gib * GIB_IN_MIB - 512;
      const consumed = Math.round(d.used * GIB_IN_MIB);
      vPartition.push([vm.name, vm.power, 'False', 'False', key, d.mount, cap, consumed, cap - consumed, Math.round((100 * (cap - consumed)) / cap), 'DC1', 'Cluster-A', `esx0${1 + (v % 3)}.corp.example`, id]);
    }
  });
});

const csvCell = (value) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header, rows, quoteAll = false) =>
  [header, ...rows].map((r) => r.map((c) => (quoteAll ? `"${String(c).replace(/"/g, '""')}"` : csvCell(c))).join(',')).join('\r\n') + '\r\n';

mkdirSync(join(out, 'rvtools-csv'), { recursive: true });
writeFileSync(join(out, 'rvtools-csv', 'RVTools_tabvInfo.csv'), csv(vInfoHeader, vInfo));
writeFileSync(join(out, 'rvtools-csv', 'RVTools_tabvDisk.csv'), csv(vDiskHeader, vDisk));
writeFileSync(join(out, 'rvtools-csv', 'RVTools_tabvPartition.csv'), csv(vPartitionHeader, vPartition));

const workbook = new ExcelJS.Workbook();
workbook.creator = 'rposim scripts/make-import-examples.mjs (synthetic)';
workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 16));
for (const [name, header, rows] of [['vInfo', vInfoHeader, vInfo], ['vDisk', vDiskHeader, vDisk], ['vPartition', vPartitionHeader, vPartition]]) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header);
  // Booleans as RVTools writes them in its workbook: text "True"/"False"; sizes as numbers.
  for (const row of rows) sheet.addRow(row);
}
workbook.addWorksheet('vHost').addRow(['Host', 'Datacenter', 'Cluster']);
await workbook.xlsx.writeFile(join(out, 'rvtools-synthetic.xlsx'));

// Get-Stat: one day at the 5-minute level; a sample is stamped at the end of its interval, newest first per
// VM as Get-Stat returns them; values are whole KBps as vCenter reports them.
const day0 = Date.UTC(2024, 0, 15);
const usTime = (ms) => {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
};
const kbpsAt = (d, hour) => {
  const window = d.window && hour >= d.window[0] && hour < d.window[1] ? d.window[2] : 0;
  return Math.round((d.kbps * office(hour) + window) * noise());
};
const stats = [];
for (const vm of vms.filter((x) => x.power === 'poweredOn' && x.disks.some((d) => d.kbps > 0))) {
  for (let k = 288; k >= 1; k--) {
    const end = day0 + k * 300_000;
    const hour = ((k - 0.5) * 5) / 60;
    vm.disks.forEach((d, unit) => stats.push(['virtualDisk.write.average', usTime(end), kbpsAt(d, hour), 'KBps', `scsi0:${unit}`, vm.name, 300]));
    if (vm.name === 'web-01') stats.push(['virtualDisk.read.average', usTime(end), Math.round(400 * noise()), 'KBps', 'scsi0:0', vm.name, 300]);
  }
}
writeFileSync(join(out, 'getstat-synthetic.csv'), csv(['MetricId', 'Timestamp', 'Value', 'Unit', 'Instance', 'Entity', 'IntervalSecs'], stats, true));

writeFileSync(join(out, 'physical-servers.csv'), csv(['name', 'os', 'disks', 'used', 'dhcp'], [
  ['erp-db', 'Windows Server 2019', 2, '1.2 TB', 'false'],
  ['print-01', 'Ubuntu 22.04', 1, '60 GB', 'true'],
  ['badge-gw', '', 1, '', ''],
]));

// Long format: the physical servers, per minute, time = start of the interval.
const iso = (ms) => new Date(ms).toISOString().slice(0, 19);
const long = [];
const physicalDisks = { 'erp-db': [{ kbps: 2500, window: [2, 4, 12000] }, { kbps: 600 }], 'print-01': [{ kbps: 40 }] };
for (let m = 0; m < 1440; m++) {
  for (const [name, disks] of Object.entries(physicalDisks)) {
    disks.forEach((d, unit) => long.push([iso(day0 + m * 60_000), name, unit, Math.round(kbpsAt(d, (m + 0.5) / 60) * 1024 * 60)]));
  }
}
writeFileSync(join(out, 'churn-long.csv'), csv(['time', 'vm', 'disk', 'bytes_written'], long));
