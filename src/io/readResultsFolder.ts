import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse';
import type { ResultsFolder } from '../report/resultsFolder.js';

/** How far a CSV file has been read: the fraction of its bytes. */
export type ReadProgress = (name: string, fraction: number) => void;

/**
 * A results folder on disk for the report: JSON read on demand, CSV streamed row by row (a large run's
 * failovers.csv holds millions of rows; `onRead` hears how far each file is read).
 */
export async function readResultsFolder(path: string, onRead?: ReadProgress): Promise<ResultsFolder> {
  const files = new Set(await readdir(path));
  return {
    name: basename(resolve(path)),
    files,
    async json(name) {
      if (!files.has(name)) return null;
      const file = join(path, name);
      try {
        return JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
    },
    async *rows(name) {
      if (!files.has(name)) return;
      const file = join(path, name);
      const stream = createReadStream(file);
      if (onRead !== undefined) {
        const size = (await stat(file)).size;
        let read = 0;
        stream.on('data', (chunk) => onRead(name, size === 0 ? 1 : (read += chunk.length) / size));
      }
      yield* stream.pipe(parse({ columns: true, skip_empty_lines: true, relax_column_count: true }));
    },
  };
}
