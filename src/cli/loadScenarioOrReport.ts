import { loadScenarioFile } from '../io/loadScenario.js';
import { InputFileError } from '../io/readLines.js';
import { formatIssues, oneLine } from '../scenario/issues.js';
import type { ParseScenarioResult } from '../scenario/parse.js';
import { EXIT_USAGE } from './command.js';

type Loaded = Extract<ParseScenarioResult, { ok: true }>;

/**
 * Load a scenario for a command. Issues and warnings go to stderr; on issues, returns the exit code instead
 * of a scenario. A file that cannot be read is the user's input problem too (exit 2): "file not found: PATH".
 */
export async function loadScenarioOrReport(file: string): Promise<Loaded | { exitCode: number }> {
  let loaded: ParseScenarioResult;
  try {
    loaded = await loadScenarioFile(file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(`rposim: ${error.message}`);
    return { exitCode: EXIT_USAGE };
  }
  if (!loaded.ok) {
    console.error(formatIssues(loaded.errors));
    return { exitCode: EXIT_USAGE };
  }
  for (const warning of loaded.warnings) console.error(oneLine(`warning: ${warning}`));
  return loaded;
}
