// Physical servers from a simple CSV (rposim's own format: no standard tool exports these):
//   name,os,disks,used,dhcp
//   erp-db,windows,4,1.2 TB,false
// name is required; os (text, informational: ASR treats every physical server as needing extra processing at
// failover), disks (integer >= 1, default 1), used (a size with its unit, default 0) and dhcp (true/false)
// are optional columns.
import { parseSize } from '../../scenario/units.js';
import { describeWhere, ImportError } from './importError.js';
import type { Inventory } from './inventory.js';
import { readCsvTable } from './readCsvTable.js';
import { cell, findColumn, parseBoolean, parseCell, parseNumber, requireColumn } from './table.js';

export async function readPhysicalServers(path: string): Promise<Inventory> {
  const table = await readCsvTable(path);
  const name = requireColumn(table, ['name']);
  const os = findColumn(table, ['os']);
  const disks = findColumn(table, ['disks']);
  const used = findColumn(table, ['used']);
  const dhcp = findColumn(table, ['dhcp']);
  const inventory: Inventory = { machines: [], skipped: [], sources: [path] };
  const seen = new Map<string, number>();
  for await (const row of table.rows) {
    const server = parseCell(table, row, name, 'a server name', (t) => (t === '' ? undefined : t));
    if (seen.has(server)) {
      throw new ImportError({ file: path, row: row.row, column: 'name' }, `a name not used by an earlier row (row ${seen.get(server)} has it)`, JSON.stringify(server));
    }
    seen.set(server, row.row);
    const diskCount = disks === null || cell(row, disks) === '' ? 1 : parseCell(table, row, disks, 'an integer >= 1', (t) => {
      const n = parseNumber(t);
      return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
    });
    const usedBytes = used === null || cell(row, used) === '' ? 0 : parseCell(table, row, used, 'a size with a unit, like "350 GB"', (t) => {
      const size = parseSize(t);
      return size.ok && size.value >= 0 ? size.value : undefined;
    });
    inventory.machines.push({
      name: server,
      origin: describeWhere({ file: path, row: row.row }),
      physical: true,
      powerState: 'poweredOn',
      os: cell(row, os),
      machineKind: 'physical',
      dhcp: dhcp === null || cell(row, dhcp) === '' ? null : parseCell(table, row, dhcp, 'true or false', parseBoolean),
      disks: [],
      diskCount,
      usedBytes,
      usedFrom: used === null || cell(row, used) === '' ? 'physical-server CSV: no used size given' : 'physical-server CSV',
    });
  }
  return inventory;
}
