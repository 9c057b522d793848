import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from '../report/buildReport.js';
import { readResultsFolder } from './readResultsFolder.js';

export const REPORT_FILE = 'report.html';

/** Writes the report of a results folder to `out` (default: report.html inside it), through a temporary file. */
export async function writeReport(folder: string, out = join(folder, REPORT_FILE)): Promise<string> {
  const html = await buildReport(await readResultsFolder(folder));
  const tmp = `${out}.tmp-${process.pid}`;
  await writeFile(tmp, html, 'utf8');
  await rename(tmp, out);
  return out;
}
