// results.xlsx: the tables of a run folder in one workbook, for people who work in Excel (as the ASR Deployment
// Planner's users do): per-VM summary, per VM × choice figures, failovers, plans, lifecycle. Built from the
// folder's own files, so it has exactly their columns. Text cells are strings, never formulas.
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, zipSync } from 'fflate';
import type { Sheet, Value } from 'write-excel-file/node';

export const WORKBOOK_FILE = 'results.xlsx';

/** Excel's row limit; longer tables continue on a second sheet. */
const MAX_ROWS = 1_048_575;

/**
 * The most rows a table may have to go into the workbook, which is built in memory: about 4 KB and 0.1 ms a
 * row (400,000 failovers took 1.9 GB and 33 s; 1,048,575 took 4.0 GB and 2 minutes, at the edge of Node's
 * default heap). A longer table's sheet holds a note instead, and its CSV file every row.
 */
export const MAX_WORKBOOK_ROWS = 500_000;

/** Columns holding numbers, by the unit suffix of their name (the CSV writers' convention). */
const NUMERIC_COLUMN = /(_s|_bytes|_per_s|_fraction)$/;

const CSV_SHEETS: ReadonlyArray<readonly [file: string, sheet: string]> = [
  ['failovers.csv', 'failovers'],
  ['plans.csv', 'plans'],
  ['lifecycle.csv', 'lifecycle'],
];

type Row = Value[];

function csvRows(text: string): Row[] {
  const [header = [], ...rows] = parse(text, { relax_column_count: true }) as string[][];
  const numeric = header.map((name) => NUMERIC_COLUMN.test(name));
  return [header, ...rows.map((row) => row.map((cell, i) => (numeric[i] && cell !== '' ? Number(cell) : cell)))];
}

/** A nested object as dotted columns (rpo.mean, rpoAlerts.episodes); lists are left to their own sheets. */
function flatten(value: unknown, prefix = '', out: Record<string, Value> = {}): Record<string, Value> {
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(inner)) {
      if (inner.every((v) => typeof v !== 'object')) out[name] = inner.join(' – ');
    } else if (inner !== null && typeof inner === 'object') flatten(inner, name, out);
    else out[name] = inner as Value;
  }
  return out;
}

function objectRows(objects: Array<Record<string, Value>>): Row[] {
  const columns = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return [columns, ...objects.map((o) => columns.map((c) => o[c] ?? null))];
}

function sheets(name: string, rows: Row[]): Sheet<never>[] {
  if (rows.length <= 1) return [];
  const [header, ...body] = rows;
  const parts: Sheet<never>[] = [];
  for (let start = 0, n = 1; start < body.length; start += MAX_ROWS, n++) {
    parts.push({ sheet: n === 1 ? name : `${name} ${n}`, data: [header!, ...body.slice(start, start + MAX_ROWS)], stickyRowsCount: 1 });
  }
  return parts;
}

/** Writes results.xlsx into a run folder from its summary.json and CSV files. */
export async function writeWorkbook(folder: string): Promise<void> {
  const summary = JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8')) as { vms?: Array<Record<string, unknown>> };
  const vms = summary.vms ?? [];
  const perChoice = vms.flatMap((vm) => ((vm['failover'] as unknown[]) ?? []).map((c) => ({ vm: vm['name'] as string, ...flatten(c) })));
  const workbook = [...sheets('VMs', objectRows(vms.map((vm) => flatten(vm)))), ...sheets('VM × choice', objectRows(perChoice))];
  for (const [file, sheet] of CSV_SHEETS) {
    const path = join(folder, file);
    const rows = await dataRowCount(path);
    if (rows > MAX_WORKBOOK_ROWS) {
      workbook.push(...sheets(sheet, [['note'], [tooLongForWorkbook(file, rows)]]));
      continue;
    }
    workbook.push(...sheets(sheet, rows === 0 ? [] : csvRows(await readFile(path, 'utf8'))));
  }
  // Loaded on use (about 0.1 s): only --xlsx needs it.
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const bytes = await writeExcelFile(workbook).toBuffer();
  await writeFile(join(folder, WORKBOOK_FILE), deterministicZip(bytes));
}

/** What a sheet says instead of a table too long for the workbook. */
export function tooLongForWorkbook(file: string, rows: number): string {
  return `${file} has ${rows.toLocaleString('en-US')} rows, more than results.xlsx takes (${MAX_WORKBOOK_ROWS.toLocaleString('en-US')}: it is built in memory): every one is in ${file}`;
}

/** Rows of a CSV file after its header (0 when it is absent), by its line ends: no row of ours spans lines. */
async function dataRowCount(path: string): Promise<number> {
  let lines = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  return Math.max(0, lines - 1);
}

/** The same archive with every entry dated 1980-01-01, so that equal results give byte-identical workbooks. */
function deterministicZip(bytes: Uint8Array): Uint8Array {
  return zipSync(unzipSync(bytes), { mtime: new Date(1980, 0, 1), level: 6 });
}
