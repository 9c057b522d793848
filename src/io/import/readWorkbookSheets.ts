// Reads chosen sheets of an .xlsx workbook (exceljs' streaming reader: sheets are parsed from the zip as they
// come, other sheets are skipped). Each sheet becomes a Table of text cells; row numbers are the workbook's.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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

/** The named sheets that exist in the workbook, each with its rows; a missing sheet is absent from the map. */
export async function readWorkbookSheets(path: string, names: readonly string[]): Promise<Map<string, Table>> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const sheets = new Map<string, Table>();
  // The reader opens the file itself and would raise a missing one as an unhandled stream error.
  await access(path, constants.R_OK);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      const keep = wanted.has(name.toLowerCase());
      let header: string[] | null = null;
      let headerRow = 1;
      const rows: TableRow[] = [];
      for await (const row of worksheet) {
        if (!keep) continue;
        // row.values is 1-based: index 0 is empty.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (header === null) {
          header = cells.map((h) => h.trim());
          headerRow = row.number;
        } else {
          rows.push({ row: row.number, cells });
        }
      }
      if (keep) sheets.set(name, { where: { file: path, sheet: name }, headerRow, header: header ?? [], rows });
    }
  } catch (error) {
    if (error instanceof ImportError || (error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new ImportError({ file: path }, 'an .xlsx workbook', (error as Error).message);
  }
  return sheets;
}
