// An RVTools export → inventory. RVTools writes one workbook (.xlsx) with a sheet per tab, or one CSV per tab
// (RVTools_tabvInfo.csv, RVTools_tabvDisk.csv, RVTools_tabvPartition.csv). Three tabs are read:
//   vInfo:      VM, Powerstate, Template, SRM Placeholder, OS according to the configuration file,
//               OS according to the VMware Tools, Disks, In Use MiB (and a DHCP custom attribute if present)
//   vDisk:      VM, Disk, Capacity MiB, Disk Key
//   vPartition: VM, Disk, Consumed MiB, Disk Key
// Older RVTools versions head the size columns "MB" instead of "MiB"; vSphere reports these sizes in KiB, so
// the values are the same binary megabytes and both headings are read as MiB.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeWhere, ImportError } from './importError.js';
import { type Inventory, type InventoryDisk, type InventoryMachine, machineKindOfOs } from './inventory.js';
import { readCsvTable } from './readCsvTable.js';
import { readWorkbookSheets } from './readWorkbookSheets.js';
import { cell, findColumn, nonNegativeNumber, parseBoolean, parseCell, requireColumn, type Table } from './table.js';

const MIB = 2 ** 20;
const TABS = ['vInfo', 'vDisk', 'vPartition'] as const;
type Tab = (typeof TABS)[number];

const mib = (base: string): string[] => [`${base} MiB`, `${base} MB`];
const decimalComma = (table: Table): boolean => (table as { delimiter?: string }).delimiter === ';';

/** The vInfo, vDisk and vPartition tables of a workbook, a folder of CSV files, or a vInfo CSV and its siblings. */
async function openTabs(path: string): Promise<{ tables: Partial<Record<Tab, Table>>; sources: string[] }> {
  if (/\.xlsx$/i.test(path)) {
    const sheets = await readWorkbookSheets(path, TABS);
    const byName = (tab: Tab) => [...sheets].find(([name]) => name.toLowerCase() === tab.toLowerCase())?.[1];
    const tables = Object.fromEntries(TABS.flatMap((tab) => (byName(tab) ? [[tab, byName(tab)!]] : [])));
    return { tables, sources: [`${path} (sheets ${TABS.filter((t) => tables[t]).join(', ')})`] };
  }
  const folder = (await stat(path)).isDirectory() ? path : join(path, '..');
  const files = await readdir(folder);
  const tables: Partial<Record<Tab, Table>> = {};
  const sources: string[] = [];
  for (const tab of TABS) {
    const matches = files.filter((f) => f.toLowerCase().endsWith(`${tab.toLowerCase()}.csv`));
    if (matches.length > 1) {
      throw new ImportError({ file: folder }, `one CSV file for the RVTools tab ${tab}`, matches.join(', '));
    }
    if (matches.length === 1) {
      tables[tab] = await readCsvTable(join(folder, matches[0]!));
      sources.push(join(folder, matches[0]!));
    }
  }
  return { tables, sources };
}

export async function readRvtools(path: string): Promise<Inventory> {
  const { tables, sources } = await openTabs(path);
  const vInfo = tables.vInfo;
  if (!vInfo) throw new ImportError({ file: path }, 'an RVTools export with a vInfo tab (sheet or *vInfo.csv)', 'none');

  const disks = tables.vDisk ? await readDisks(tables.vDisk) : new Map<string, (InventoryDisk & { key: string })[]>();
  const partitions = tables.vPartition ? await readPartitions(tables.vPartition) : new Map<string, Map<string, number>>();

  const inventory: Inventory = { machines: [], skipped: [], sources };
  const name = requireColumn(vInfo, ['VM']);
  const power = requireColumn(vInfo, ['Powerstate']);
  const template = findColumn(vInfo, ['Template']);
  const placeholder = findColumn(vInfo, ['SRM Placeholder']);
  const osConfig = findColumn(vInfo, ['OS according to the configuration file']);
  const osTools = findColumn(vInfo, ['OS according to the VMware Tools']);
  const diskCount = findColumn(vInfo, ['Disks']);
  const inUse = findColumn(vInfo, mib('In Use'));
  const dhcp = findColumn(vInfo, ['DHCP']);
  const seen = new Map<string, number>();
  for await (const row of vInfo.rows) {
    const vm = parseCell(vInfo, row, name, 'a VM name', (t) => (t === '' ? undefined : t));
    if (cell(row, template).toLowerCase() === 'true') {
      inventory.skipped.push({ name: vm, reason: 'template' });
      continue;
    }
    if (cell(row, placeholder).toLowerCase() === 'true') {
      inventory.skipped.push({ name: vm, reason: 'SRM placeholder' });
      continue;
    }
    if (seen.has(vm)) {
      throw new ImportError({ ...vInfo.where, row: row.row, column: 'VM' }, `a VM name not used by an earlier row (row ${seen.get(vm)} has it)`, JSON.stringify(vm));
    }
    seen.set(vm, row.row);
    const powerState = parseCell(vInfo, row, power, 'poweredOn, poweredOff or suspended', (t) =>
      (['poweredOn', 'poweredOff', 'suspended'] as const).find((s) => s.toLowerCase() === t.toLowerCase()),
    );
    // The Tools' view is the running guest's; the configuration file's is what was chosen at creation.
    const os = cell(row, osTools) || cell(row, osConfig);
    const vmDisks = disks.get(vm) ?? [];
    const used = partitions.get(vm);
    for (const disk of vmDisks) disk.usedBytes = disk.key === '' ? null : (used?.get(disk.key) ?? null);
    const partitionsUsed = used ? [...used.values()].reduce((s, b) => s + b, 0) : null;
    const inUseBytes = inUse === null || cell(row, inUse) === '' ? null : parseCell(vInfo, row, inUse, 'a size in MiB >= 0', nonNegativeNumber(decimalComma(vInfo))) * MIB;
    const capacity = vmDisks.reduce((s, d) => s + d.capacityBytes, 0);
    const [usedBytes, usedFrom] =
      partitionsUsed !== null ? [partitionsUsed, 'vPartition Consumed MiB']
      : inUseBytes !== null ? [inUseBytes, `vInfo ${vInfo.header[inUse!]}`]
      : [capacity, 'vDisk Capacity MiB (no partition or usage figure)'];
    const count = vmDisks.length > 0 ? vmDisks.length : diskCount !== null && cell(row, diskCount) !== '' ? parseCell(vInfo, row, diskCount, 'a number of disks', nonNegativeNumber()) : 1;
    const machine: InventoryMachine = {
      name: vm,
      origin: describeWhere({ ...vInfo.where, row: row.row }),
      physical: false,
      powerState,
      os,
      machineKind: machineKindOfOs(os),
      dhcp: dhcp === null || cell(row, dhcp) === '' ? null : parseCell(vInfo, row, dhcp, 'true or false', parseBoolean),
      disks: vmDisks.map(({ label, capacityBytes, usedBytes: u }) => ({ label, capacityBytes, usedBytes: u })),
      diskCount: Math.max(1, Math.round(count)),
      usedBytes,
      usedFrom,
    };
    inventory.machines.push(machine);
  }
  return inventory;
}

/** vDisk: each VM's disks in file order, with the Disk Key that ties partitions to them. */
async function readDisks(table: Table): Promise<Map<string, (InventoryDisk & { key: string })[]>> {
  const vm = requireColumn(table, ['VM']);
  const disk = requireColumn(table, ['Disk']);
  const capacity = requireColumn(table, mib('Capacity'));
  const key = findColumn(table, ['Disk Key']);
  const byVm = new Map<string, (InventoryDisk & { key: string })[]>();
  for await (const row of table.rows) {
    const name = cell(row, vm);
    if (name === '') continue;
    const bytes = parseCell(table, row, capacity, 'a capacity in MiB >= 0', nonNegativeNumber(decimalComma(table))) * MIB;
    const list = byVm.get(name) ?? [];
    list.push({ label: cell(row, disk) || `disk ${list.length + 1}`, capacityBytes: bytes, usedBytes: null, key: key === null ? '' : cell(row, key) });
    byVm.set(name, list);
  }
  return byVm;
}

/** vPartition: consumed bytes per VM and Disk Key ("" when the export has no Disk Key column). */
async function readPartitions(table: Table): Promise<Map<string, Map<string, number>>> {
  const vm = requireColumn(table, ['VM']);
  const consumed = requireColumn(table, mib('Consumed'));
  const key = findColumn(table, ['Disk Key']);
  const byVm = new Map<string, Map<string, number>>();
  for await (const row of table.rows) {
    const name = cell(row, vm);
    if (name === '') continue;
    const bytes = parseCell(table, row, consumed, 'a consumed size in MiB >= 0', nonNegativeNumber(decimalComma(table))) * MIB;
    const perKey = byVm.get(name) ?? new Map<string, number>();
    const k = key === null ? '' : cell(row, key);
    perKey.set(k, (perKey.get(k) ?? 0) + bytes);
    byVm.set(name, perKey);
  }
  return byVm;
}
