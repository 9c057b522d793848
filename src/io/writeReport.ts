import { join } from 'node:path';
import { buildReport } from '../report/buildReport.js';
import { type ReadProgress, readResultsFolder } from './readResultsFolder.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export const REPORT_FILE = 'report.html';

/**
 * Writes the report of a results folder to `out` (default: report.html inside it), through a temporary file
 * (removed on a signal, see temporaries.ts); `onRead` hears how far each CSV file is read.
 */
export async function writeReport(folder: string, out = join(folder, REPORT_FILE), onRead?: ReadProgress): Promise<string> {
  const html = await buildReport(await readResultsFolder(folder, onRead));
  writeFileAtomic(out, html);
  return out;
}
