import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChurnExport } from '../../../src/io/import/readChurnExport.js';
import { tempFolder } from '../tempFolder.js';

let folder: string;
beforeAll(async () => {
  folder = await tempFolder();
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

const options = { dayFirst: false };

describe('readChurnExport: vCenter / PowerCLI performance export', () => {
  it('reads Windows PowerShell Export-Csv output (#TYPE line, every FloatSampleImpl column): KBps × 1024 × interval bytes', async () => {
    const header = '"Value","Timestamp","MetricId","Unit","Description","Entity","EntityId","IntervalSecs","Instance","Uid"';
    const row = (v: number, t: string, disk: string, vm = 'sql') =>
      `"${v}","${t}","virtualDisk.write.average","KBps","Rate of writing data to the virtual disk","${vm}","VirtualMachine-vm-1","300","${disk}","/VIServer=x/FloatSample=1"`;
    const file = await fileWith(
      'getstat.csv',
      [
        '#TYPE VMware.VimAutomation.ViCore.Impl.V1.Stat.FloatSampleImpl',
        header,
        row(200, '1/15/2024 12:10:00 AM', 'scsi0:0'),
        row(100, '1/15/2024 12:05:00 AM', 'scsi0:0'),
        row(50, '1/15/2024 12:10:00 AM', 'scsi0:1'),
        row(40, '1/15/2024 12:05:00 AM', 'scsi0:1'),
        '"99","1/15/2024 12:05:00 AM","cpu.usage.average","%","","sql","","300","",""',
      ].join('\r\n'),
    );
    const result = await readChurnExport(file, options);
    expect(result.format).toBe('vsphere');
    const [vm] = result.vms;
    expect(vm!.vm).toBe('sql');
    expect(vm!.intervalSec).toBe(300);
    // The 12:05 sample covers 00:00-00:05.
    expect(vm!.startSec).toBe(Date.UTC(2024, 0, 15) / 1000);
    expect([...vm!.bytes]).toEqual([(100 + 40) * 1024 * 300, (200 + 50) * 1024 * 300]);
    expect(result.notes.join()).toContain('1 row(s) of cpu.usage.average skipped');
  });

  it('reads a semicolon-separated export with decimal commas and day-first dotted dates (Export-Csv -UseCulture)', async () => {
    const file = await fileWith(
      'semicolons.csv',
      ['"MetricId";"Timestamp";"Value";"Unit";"Instance";"Entity"', ...['00:05', '00:10'].map((t, i) => `"virtualDisk.write.average";"15.01.2024 ${t}:00";"${i + 1},5";"KBps";"scsi0:0";"web"`)].join('\n'),
    );
    const [vm] = (await readChurnExport(file, options)).vms;
    expect([...vm!.bytes]).toEqual([1.5 * 1024 * 300, 2.5 * 1024 * 300]);
  });

  it('names the file, row and column of a bad value, counting the #TYPE line', async () => {
    const file = await fileWith(
      'bad-value.csv',
      ['#TYPE x', 'MetricId,Timestamp,Value,Unit,Instance,Entity', 'virtualDisk.write.average,1/15/2024 12:05:00 AM,10,KBps,scsi0:0,web', 'virtualDisk.write.average,1/15/2024 12:10:00 AM,-3,KBps,scsi0:0,web'].join('\n'),
    );
    await expect(readChurnExport(file, options)).rejects.toThrow(`${file}, row 4, column "Value": expected a write rate in KBps >= 0, found "-3"`);
  });

  it('rejects another unit, a bad timestamp, and a file without write rows', async () => {
    const head = 'MetricId,Timestamp,Value,Unit,Instance,Entity';
    const mbps = await fileWith('unit.csv', `${head}\nvirtualDisk.write.average,1/15/2024 12:05:00 AM,10,MBps,scsi0:0,web\n`);
    await expect(readChurnExport(mbps, options)).rejects.toThrow(/row 2, column "Unit": expected KBps, found "MBps"/);
    const time = await fileWith('time.csv', `${head}\nvirtualDisk.write.average,15/01/2024 00:05:00,10,KBps,scsi0:0,web\n`);
    await expect(readChurnExport(time, options)).rejects.toThrow(/row 2, column "Timestamp": expected a timestamp/);
    const none = await fileWith('none.csv', `${head}\nvirtualDisk.read.average,1/15/2024 12:05:00 AM,10,KBps,scsi0:0,web\n`);
    await expect(readChurnExport(none, options)).rejects.toThrow(/expected rows of virtualDisk\.write\.average .*found only virtualDisk\.read\.average/);
  });
});

describe('readChurnExport: long format', () => {
  it('reads time (seconds or timestamps) as the interval start, bytes as written, disk optional', async () => {
    const file = await fileWith('long.csv', 'time,vm,disk,bytes_written\n0,a,0,100\n0,a,1,1\n60,a,0,200\n60,a,1,2\n0,b,,7\n60,b,,8\n');
    const result = await readChurnExport(file, options);
    expect(result.format).toBe('long');
    expect(result.vms.map((v) => [v.vm, v.startSec, v.intervalSec, [...v.bytes]])).toEqual([
      ['a', 0, 60, [101, 202]],
      ['b', 0, 60, [7, 8]],
    ]);
  });

  it('rejects a header of neither format, naming its columns', async () => {
    const file = await fileWith('other.csv', 'when,who,what\n1,2,3\n');
    await expect(readChurnExport(file, options)).rejects.toThrow(/row 1: expected a vCenter\/PowerCLI performance export .* found the columns when, who, what/);
  });
});
