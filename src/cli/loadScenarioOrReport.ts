import { formatFindings } from '../io/compatibilityCsv.js';
import { loadScenarioFile } from '../io/loadScenario.js';
import { InputFileError } from '../io/readLines.js';
import { type CompatibilityFinding, compatibilityFindings } from '../scenario/compatibility.js';
import { formatIssues, oneLine } from '../scenario/issues.js';
import type { ParseScenarioResult } from '../scenario/parse.js';
import { EXIT_USAGE } from './command.js';

type Loaded = Extract<ParseScenarioResult, { ok: true }> & { findings: CompatibilityFinding[] };

/**
 * Load a scenario for a command. Issues and warnings go to stderr, and with `compatibility` the findings of ASR's
 * limits (they do not stop the command: the design is simulated as described); on issues, returns the exit code
 * instead of a scenario. A file that cannot be read is the user's input problem too (exit 2): "file not found: PATH".
 */
export async function loadScenarioOrReport(file: string, options: { compatibility?: boolean } = {}): Promise<Loaded | { exitCode: number }> {
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
  const findings = options.compatibility ? compatibilityFindings(loaded.scenario) : [];
  for (const line of formatFindings(findings)) console.error(oneLine(line));
  return { ...loaded, findings };
}
