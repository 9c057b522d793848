// Opens a CSV file as a Table, streamed record by record (csv-parse), so a multi-gigabyte performance export
// is never held whole. Comma or semicolon separated (PowerShell's Export-Csv -UseCulture writes ";" in many
// locales), an optional UTF-8 BOM, and the "#TYPE ..." line Windows PowerShell puts first are all accepted.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { ImportError } from './importError.js';
import type { Table, TableRow } from './table.js';

export interface CsvTable extends Table {
  delimiter: ',' | ';';
}

const PROBE_BYTES = 64 * 1024;

/** The first lines of the file, enough to see the header. */
async function firstLines(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(PROBE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PROBE_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 3);
  } finally {
    await handle.close();
  }
}

const count = (text: string, char: string): number => text.split(char).length - 1;

export async function readCsvTable(path: string): Promise<CsvTable> {
  const lines = await firstLines(path);
  const typeLine = lines[0]?.startsWith('#TYPE') ? 1 : 0;
  const headerLine = lines[typeLine] ?? '';
  if (headerLine.trim() === '') throw new ImportError({ file: path, row: typeLine + 1 }, 'a header row', 'an empty line');
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, from_line: typeLine + 1, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const where = { file: path };
  const next = async (): Promise<IteratorResult<{ record: string[]; info: { lines: number } }>> => {
    try {
      return await records.next();
    } catch (error) {
      // csv-parse names the line of an unclosed quote or a bad character; keep its words, add the file.
      const line = (error as { lines?: number }).lines;
      throw new ImportError({ ...where, ...(line === undefined ? {} : { row: line }) }, 'well-formed CSV', (error as Error).message);
    }
  };
  const first = await next();
  if (first.done) throw new ImportError(where, 'a header row', 'an empty file');
  const header = first.value.record.map((h) => h.trim());
  const rows: AsyncIterable<TableRow> = {
    async *[Symbol.asyncIterator]() {
      for (let r = await next(); !r.done; r = await next()) yield { row: r.value.info.lines, cells: r.value.record };
    },
  };
  return { where, headerRow: first.value.info.lines, header, rows, delimiter };
}
