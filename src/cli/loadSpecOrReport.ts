import { InputFileError } from '../io/readLines.js';
import { formatIssues, type ScenarioIssue } from '../scenario/issues.js';

type Failed = { ok: false; errors: ScenarioIssue[] };

/**
 * Loads a sweep or compare file for a command. Its issues, or why the file cannot be read ("file not found:
 * PATH"), go to stderr and give null: the command exits 2.
 */
export async function loadSpecOrReport<L extends { ok: true }>(load: Promise<L | Failed>): Promise<L | null> {
  let loaded: L | Failed;
  try {
    loaded = await load;
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    process.stderr.write(`rposim: ${error.message}\n`);
    return null;
  }
  if (loaded.ok) return loaded as L;
  process.stderr.write(`${formatIssues((loaded as Failed).errors)}\n`);
  return null;
}
