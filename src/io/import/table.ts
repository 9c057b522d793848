// A table read from a CSV file or a workbook sheet: a header and rows of text cells, each row with its
// number in the file. Readers find columns by name (as the exporting tool writes them) and turn cells into
// values, or raise an ImportError naming the file, sheet, row and column.
import { ImportError, type Where } from './importError.js';

export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  /** File and sheet. */
  where: Where;
  headerRow: number;
  header: string[];
  /** Read once, in order (for await works on both). */
  rows: AsyncIterable<TableRow> | Iterable<TableRow>;
}

const normalise = (name: string): string => name.trim().toLowerCase();

/** The index of the first column named like one of names (case and surrounding spaces ignored), or null. */
export function findColumn(table: Pick<Table, 'header'>, names: readonly string[]): number | null {
  for (const name of names) {
    const index = table.header.findIndex((h) => normalise(h) === normalise(name));
    if (index >= 0) return index;
  }
  return null;
}

export function requireColumn(table: Pick<Table, 'header' | 'where' | 'headerRow'>, names: readonly string[]): number {
  const index = findColumn(table, names);
  if (index !== null) return index;
  const wanted = names.map((n) => `"${n}"`).join(' or ');
  const found = table.header.length === 0 ? 'no header' : `the columns ${table.header.map((h) => `"${h}"`).join(', ')}`;
  throw new ImportError({ ...table.where, row: table.headerRow }, `a column ${wanted}`, found);
}

/** A cell's text (trimmed; "" when the row is short). */
export function cell(row: TableRow, column: number | null): string {
  return column === null ? '' : (row.cells[column] ?? '').trim();
}

/** Reads one cell as a value, raising an ImportError that names the cell when parse returns undefined. */
export function parseCell<T>(
  table: Pick<Table, 'header' | 'where'>,
  row: TableRow,
  column: number,
  expected: string,
  parse: (text: string) => T | undefined,
): T {
  const text = cell(row, column);
  const value = parse(text);
  if (value === undefined) {
    throw new ImportError({ ...table.where, row: row.row, column: table.header[column] }, expected, text === '' ? 'an empty cell' : JSON.stringify(text));
  }
  return value;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain number; with decimalComma, "12,5" is 12.5 (CSV written with a semicolon list separator). */
export function parseNumber(text: string, decimalComma = false): number | undefined {
  const plain = decimalComma ? text.replace(',', '.') : text;
  return NUMBER.test(plain) ? Number(plain) : undefined;
}

export const nonNegativeNumber = (decimalComma = false) => (text: string): number | undefined => {
  const value = parseNumber(text, decimalComma);
  return value !== undefined && value >= 0 ? value : undefined;
};

const TRUE = new Set(['true', 'yes', '1', 'on', 'enabled']);
const FALSE = new Set(['false', 'no', '0', 'off', 'disabled', 'static']);

export function parseBoolean(text: string): boolean | undefined {
  const t = text.toLowerCase();
  return TRUE.has(t) ? true : FALSE.has(t) ? false : undefined;
}
