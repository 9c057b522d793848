// A malformed import file: the message names the file, the sheet (workbooks), the row and the column, then
// what was expected and what was found, so that the user can open the file at that cell.

export interface Where {
  file: string;
  /** Workbook sheet; absent for CSV files. */
  sheet?: string;
  /** 1-based, as a spreadsheet or an editor numbers lines. */
  row?: number;
  column?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly where: Where,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${describeWhere(where)}: expected ${expected}, found ${found}`);
  }
}

export function describeWhere(where: Where): string {
  const parts = [where.file];
  if (where.sheet !== undefined) parts.push(`sheet ${where.sheet}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  return parts.join(', ');
}
