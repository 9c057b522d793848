// Measured churn from a CSV export, streamed row by row, in one of two formats told apart by the header:
//
// - vCenter / PowerCLI performance statistics (Get-Stat ... | Export-Csv): columns MetricId, Timestamp, Value,
//   Unit, Instance, Entity (IntervalSecs and the others Get-Stat writes are read when present). Rows of the
//   metric virtualDisk.write.average are used: the average write rate of one virtual disk (Instance, e.g.
//   scsi0:1) of one VM (Entity) over the sampling interval, in KBps, where vSphere's KB is 1024 bytes. A
//   sample is stamped at the end of its interval. Other metrics are skipped.
// - Long format, one row per VM, disk and interval: time, vm, disk, bytes_written. time is the start of the
//   interval, in seconds or as a timestamp; disk may be empty or absent (the VM as a whole).
import { ChurnSeries, type VmChurn } from './churnSeries.js';
import { ImportError } from './importError.js';
import { EXPECTED_TIMESTAMP, parseTimestamp } from './parseTimestamp.js';
import { type CsvTable, readCsvTable } from './readCsvTable.js';
import { cell, findColumn, nonNegativeNumber, parseCell, parseNumber, requireColumn } from './table.js';

export const VSPHERE_WRITE_METRIC = 'virtualDisk.write.average';
/** vSphere's performance counters: "Kilobytes per second (KBps) – 1024 bytes per second". */
const KBPS = 1024;

export interface ChurnExport {
  file: string;
  format: 'vsphere' | 'long';
  vms: VmChurn[];
  notes: string[];
}

export interface ChurnExportOptions {
  /** Read d/m/yyyy timestamps (en-GB) instead of m/d/yyyy (en-US). */
  dayFirst: boolean;
}

export async function readChurnExport(file: string, options: ChurnExportOptions): Promise<ChurnExport> {
  const table = await readCsvTable(file);
  if (findColumn(table, ['MetricId']) !== null) return readVsphere(table, options);
  if (findColumn(table, ['bytes_written']) !== null) return readLong(table, options);
  throw new ImportError(
    { file, row: table.headerRow },
    'a vCenter/PowerCLI performance export (MetricId, Timestamp, Value, Unit, Instance, Entity) or a long-format churn CSV (time, vm, disk, bytes_written)',
    `the columns ${table.header.join(', ')}`,
  );
}

const timestampOf = (dayFirst: boolean) => (text: string) => parseTimestamp(text, dayFirst);

async function readVsphere(table: CsvTable, options: ChurnExportOptions): Promise<ChurnExport> {
  const file = table.where.file;
  const metric = requireColumn(table, ['MetricId']);
  const timestamp = requireColumn(table, ['Timestamp']);
  const value = requireColumn(table, ['Value']);
  const entity = requireColumn(table, ['Entity']);
  const unit = findColumn(table, ['Unit']);
  const instance = findColumn(table, ['Instance']);
  const interval = findColumn(table, ['IntervalSecs']);
  const series = new ChurnSeries({ file, value: 'bytesPerSec', stamp: 'end' });
  const skipped = new Map<string, number>();
  const rate = nonNegativeNumber(table.delimiter === ';');
  for await (const row of table.rows) {
    const id = cell(row, metric);
    if (id !== VSPHERE_WRITE_METRIC) {
      skipped.set(id, (skipped.get(id) ?? 0) + 1);
      continue;
    }
    if (unit !== null) parseCell(table, row, unit, 'KBps', (t) => (t === 'KBps' || t === '' ? t : undefined));
    const vm = parseCell(table, row, entity, 'a VM name', (t) => (t === '' ? undefined : t));
    const time = parseCell(table, row, timestamp, EXPECTED_TIMESTAMP, timestampOf(options.dayFirst));
    const kbps = parseCell(table, row, value, 'a write rate in KBps >= 0', rate);
    const seconds = interval === null || cell(row, interval) === '' ? null : parseCell(table, row, interval, 'a whole number of seconds > 0', positiveInteger);
    series.add(vm, cell(row, instance), time, kbps * KBPS, row.row, seconds);
  }
  if (series.vmCount === 0) {
    const found = skipped.size === 0 ? 'no data rows' : `only ${[...skipped.keys()].join(', ')}`;
    throw new ImportError({ file, column: 'MetricId' }, `rows of ${VSPHERE_WRITE_METRIC} (Get-Stat -Stat ${VSPHERE_WRITE_METRIC})`, found);
  }
  const vms = series.finish();
  const notes = [...skipped].map(([id, n]) => `${n} row(s) of ${id || 'no metric'} skipped (only ${VSPHERE_WRITE_METRIC} is churn)`);
  return { file, format: 'vsphere', vms, notes: [...notes, ...series.notes] };
}

function positiveInteger(text: string): number | undefined {
  const n = parseNumber(text);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

async function readLong(table: CsvTable, options: ChurnExportOptions): Promise<ChurnExport> {
  const file = table.where.file;
  const time = requireColumn(table, ['time']);
  const vm = requireColumn(table, ['vm']);
  const disk = findColumn(table, ['disk']);
  const written = requireColumn(table, ['bytes_written']);
  const series = new ChurnSeries({ file, value: 'bytes', stamp: 'start' });
  const bytes = nonNegativeNumber(table.delimiter === ';');
  const timeOf = (text: string) => parseNumber(text) ?? parseTimestamp(text, options.dayFirst);
  for await (const row of table.rows) {
    const name = parseCell(table, row, vm, 'a VM name', (t) => (t === '' ? undefined : t));
    const start = parseCell(table, row, time, `seconds or ${EXPECTED_TIMESTAMP}`, timeOf);
    const value = parseCell(table, row, written, 'bytes written >= 0', bytes);
    series.add(name, cell(row, disk), start, value, row.row);
  }
  if (series.vmCount === 0) throw new ImportError({ file }, 'at least one data row', 'none');
  return { file, format: 'long', vms: series.finish(), notes: series.notes };
}
