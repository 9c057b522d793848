import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPhysicalServers } from '../../../src/io/import/readPhysicalServers.js';
import { readRvtools } from '../../../src/io/import/readRvtools.js';
import { tempFolder } from '../tempFolder.js';
import { writeFile } from 'node:fs/promises';

const EXAMPLES = 'scenarios/import';
const GIB = 2 ** 30;
const MIB = 2 ** 20;

let folder: string;
beforeAll(async () => {
  folder = await tempFolder();
});

describe('readRvtools', () => {
  it('reads the synthetic workbook and its per-tab CSV files to the same machines', async () => {
    const xlsx = await readRvtools(join(EXAMPLES, 'rvtools-synthetic.xlsx'));
    const csv = await readRvtools(join(EXAMPLES, 'rvtools-csv'));
    const strip = (inv: typeof xlsx) => inv.machines.map(({ origin: _, ...m }) => m);
    expect(strip(csv)).toEqual(strip(xlsx));
    expect(csv.skipped).toEqual([{ name: 'tmpl-win2022', reason: 'template' }]);
  });

  it('takes used space from vPartition, else vInfo In Use MiB; OS from the Tools; DHCP from a custom attribute', async () => {
    const { machines } = await readRvtools(join(EXAMPLES, 'rvtools-synthetic.xlsx'));
    const byName = new Map(machines.map((m) => [m.name, m]));
    // The generator's figures (scripts/make-import-examples.mjs): sql-01 uses 48 + 362 + 75 GiB on three disks.
    const sql = byName.get('sql-01')!;
    expect(sql.usedBytes).toBe((48 + 362 + 75) * GIB);
    expect(sql.diskCount).toBe(3);
    expect(sql.disks.map((d) => [d.label, d.capacityBytes / GIB, d.usedBytes! / GIB])).toEqual([
      ['Hard disk 1', 100, 48],
      ['Hard disk 2', 500, 362],
      ['Hard disk 3', 200, 75],
    ]);
    expect(sql.dhcp).toBe(false);
    expect(byName.get('web-01')!.dhcp).toBe(true);
    expect(byName.get('app-01')!.machineKind).toBe('linux');
    expect(byName.get('dev-01')!.powerState).toBe('poweredOff');
    // No VMware Tools: no partitions, so vInfo's In Use MiB (55 GiB + 8 GiB of swap and logs in the generator).
    const legacy = byName.get('legacy-01')!;
    expect(legacy.usedBytes).toBe(55 * GIB + 8192 * MIB);
    expect(legacy.machineKind).toBeNull();
  });

  it('names the sheet, row and column of a bad cell in a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('vInfo');
    sheet.addRow(['VM', 'Powerstate', 'In Use MiB']);
    sheet.addRow(['a', 'poweredOn', 100]);
    sheet.addRow(['b', 'running', 100]);
    const path = join(folder, 'bad.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(readRvtools(path)).rejects.toThrow(`${path}, sheet vInfo, row 3, column "Powerstate": expected poweredOn, poweredOff or suspended, found "running"`);
  });

  it('names the missing column and the header row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('vInfo').addRow(['Name', 'Powerstate']);
    const path = join(folder, 'no-vm.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(readRvtools(path)).rejects.toThrow(`${path}, sheet vInfo, row 1: expected a column "VM", found the columns "Name", "Powerstate"`);
  });

  it('rejects a workbook without a vInfo sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('vHost').addRow(['Host']);
    const path = join(folder, 'no-vinfo.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(readRvtools(path)).rejects.toThrow(/expected an RVTools export with a vInfo tab/);
  });
});

describe('readPhysicalServers', () => {
  it('reads name, os, disks, used (with its unit) and dhcp; every server is machineKind physical', async () => {
    const { machines } = await readPhysicalServers(join(EXAMPLES, 'physical-servers.csv'));
    expect(machines.map((m) => [m.name, m.machineKind, m.diskCount, m.usedBytes, m.dhcp])).toEqual([
      ['erp-db', 'physical', 2, 1.2e12, false],
      ['print-01', 'physical', 1, 60e9, true],
      ['badge-gw', 'physical', 1, 0, null],
    ]);
  });

  it('names the row and column of a size without a unit', async () => {
    const path = join(folder, 'servers.csv');
    await writeFile(path, 'name,used\nx,1 TB\ny,500\n');
    await expect(readPhysicalServers(path)).rejects.toThrow(`${path}, row 3, column "used": expected a size with a unit, like "350 GB", found "500"`);
  });
});
