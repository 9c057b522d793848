// CSV files written row by row: a writer appends to a file it holds open, so a long table (a timeseries, the
// failovers of a long horizon) goes to disk batch by batch instead of being held whole as one string (V8 caps
// one near 512 MB). Writes are synchronous so that a producer that is itself synchronous (a simulation calling
// a sink) can use it.
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { type CsvTable, csvRowsText } from './csvCells.js';
import { withPath } from './pathInError.js';

export type CsvRow = readonly string[];

/** Rows kept before a write: about 100 kB of text for the widest tables, few system calls. */
const BATCH_ROWS = 1024;

export class CsvFileWriter {
  private pending: CsvRow[] = [];
  private fd: number | null;

  private constructor(readonly path: string, fd: number) {
    this.fd = fd;
  }

  /** Creates (or truncates) `path` and writes the header row. */
  static open(path: string, columns: CsvRow): CsvFileWriter {
    const writer = new CsvFileWriter(path, openSync(path, 'w'));
    writer.writeRow(columns);
    return writer;
  }

  /** Cells as they should appear (formatted by csvCells.ts); quoting and formula neutralising are done here. */
  writeRow(cells: CsvRow): void {
    this.pending.push(cells);
    if (this.pending.length >= BATCH_ROWS) this.flush();
  }

  /** Writes what is pending and closes the file; also closes it (without writing) after a failed write. */
  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === null) throw new Error(`${this.path}: written after close`);
    const text = csvRowsText(this.pending);
    this.pending = [];
    try {
      // To a descriptor, writeFileSync appends and goes on until all is written (a single write may not).
      writeFileSync(this.fd, text);
    } catch (error) {
      throw withPath(error, this.path);
    }
  }
}

/** A whole table in one go: rows are formatted batch by batch as they are written, never all at once. */
export function writeCsvFile<T>(path: string, table: CsvTable<T>, records: Iterable<T>): void {
  const writer = CsvFileWriter.open(path, table.columns);
  try {
    for (const record of records) writer.writeRow(table.row(record));
  } finally {
    writer.close();
  }
}
