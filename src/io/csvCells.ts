// Cell formatting shared by the CSV writers: fixed precision so that equal results give byte-identical files,
// formulas neutralised.
import { stringify } from 'csv-stringify/sync';

/** Seconds with 3 decimals (millisecond resolution); null → empty cell. */
export function secondsCell(seconds: number | null): string {
  return seconds === null ? '' : normaliseZero(seconds.toFixed(3));
}

/** Whole bytes; null → empty cell. */
export function bytesCell(bytes: number | null): string {
  return bytes === null ? '' : normaliseZero(String(Math.round(bytes)));
}

/** "-0.000" would make an otherwise equal file differ: print zero one way only. */
function normaliseZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @, tab or carriage return as a
 * formula, and names in scenarios can come from imported inventories. Such a text cell gets a leading single
 * quote, which spreadsheets show as text; numbers, negative ones included, stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** csv-stringify's cast option for every file rposim writes. */
export const SAFE_CAST = { string: neutraliseFormula } as const;

/** A CSV file as a column list and a record → cells function: writers tolerate records gaining fields. */
export interface CsvTable<T> {
  columns: readonly string[];
  row: (record: T) => string[];
}

/** CSV text of rows, formulas neutralised. Whole files and appended batches (csvFileWriter.ts) both go through it. */
export function csvRowsText(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { cast: SAFE_CAST });
}

/** A whole table as one string: for small tables; large ones are written with writeCsvFile (csvFileWriter.ts). */
export function csvText<T>(table: CsvTable<T>, records: readonly T[]): string {
  return csvRowsText([table.columns, ...records.map(table.row)]);
}
