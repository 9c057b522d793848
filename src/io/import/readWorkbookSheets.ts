// Reads chosen sheets of an .xlsx workbook (exceljs' streaming reader: sheets are parsed from the zip as they
// come, other sheets are skipped; its whole-file reader where the streaming one fails on a race of its own).
// Each sheet becomes a Table of text cells; row numbers are the workbook's.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { ImportError } from './importError.js';
import type { Table, TableRow } from './table.js';

/** A cell as text: numbers in full precision, booleans as True/False (as RVTools' CSV export writes them). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** A sheet's rows as a Table: the first row is the header, row numbers are the workbook's. */
async function sheetTable(path: string, name: string, rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>): Promise<Table> {
  let header: string[] | null = null;
  let headerRow = 1;
  const body: TableRow[] = [];
  for await (const row of rows) {
    // row.values is 1-based (index 0 is empty) and sparse where cells are empty: Array.from fills the holes.
    const cells = Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText);
    if (header === null) {
      header = cells.map((h) => h.trim());
      headerRow = row.number;
    } else {
      body.push({ row: row.number, cells });
    }
  }
  return { where: { file: path, sheet: name }, headerRow, header: header ?? [], rows: body };
}

/** exceljs takes about 0.4 s to load: only `rposim import` of a workbook pays for it, not every command. */
const loadExcelJs = () => import('exceljs');

/** Streaming: sheets are parsed from the zip as they come, and only the wanted ones are kept. */
async function readStreaming(path: string, wanted: Set<string>): Promise<Map<string, Table>> {
  const sheets = new Map<string, Table>();
  const { default: ExcelJS } = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    if (wanted.has(name.toLowerCase())) sheets.set(name, await sheetTable(path, name, worksheet as AsyncIterable<ExcelJS.Row>));
    else for await (const _row of worksheet) void _row; // the reader moves on only once a sheet is consumed
  }
  return sheets;
}

/** The wanted sheets, with the whole workbook read into memory: the fallback when streaming trips over its own race (below). */
export async function readWholeWorkbook(path: string, wanted: Set<string>): Promise<Map<string, Table>> {
  const { default: ExcelJS } = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = new Map<string, Table>();
  for (const worksheet of workbook.worksheets) {
    if (!wanted.has(worksheet.name.toLowerCase())) continue;
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow((row) => rows.push(row));
    sheets.set(worksheet.name, await sheetTable(path, worksheet.name, rows));
  }
  return sheets;
}

/**
 * exceljs' streaming reader can parse a worksheet before the workbook part that names it, when the archive
 * stores that part last (as exceljs itself writes it), and then throws "Cannot read properties of undefined
 * (reading 'sheets')" — a race, so the same file may pass or fail (exceljs issue 3064, open).
 */
const isWorkbookOrderRace = (error: unknown) => error instanceof TypeError && /reading 'sheets'/.test(error.message);

/** The named sheets that exist in the workbook, each with its rows; a missing sheet is absent from the map. */
export async function readWorkbookSheets(path: string, names: readonly string[]): Promise<Map<string, Table>> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  // The reader opens the file itself and would raise a missing one as an unhandled stream error.
  await access(path, constants.R_OK);
  try {
    try {
      return await readStreaming(path, wanted);
    } catch (error) {
      if (!isWorkbookOrderRace(error)) throw error;
      return await readWholeWorkbook(path, wanted);
    }
  } catch (error) {
    if (error instanceof ImportError || (error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new ImportError({ file: path }, 'an .xlsx workbook', (error as Error).message);
  }
}
