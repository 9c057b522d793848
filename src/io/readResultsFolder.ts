import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse';
import type { ResultsFolder } from '../report/resultsFolder.js';

/** A results folder on disk for the report: JSON read on demand, CSV streamed row by row. */
export async function readResultsFolder(path: string): Promise<ResultsFolder> {
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
      yield* createReadStream(join(path, name)).pipe(parse({ columns: true, skip_empty_lines: true, relax_column_count: true }));
    },
  };
}
