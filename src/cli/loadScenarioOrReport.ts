import { loadScenarioFile } from '../io/loadScenario.js';
import { formatFindings } from '../io/compatibilityCsv.js';
import { type CompatibilityFinding, compatibilityFindings } from '../scenario/compatibility.js';
import { formatIssues } from '../scenario/issues.js';
import type { Scenario } from '../scenario/types.js';
import { EXIT_USAGE } from './command.js';

/**
 * Load a scenario for a command. Issues and warnings go to stderr, and with `compatibility` the findings of ASR's
 * limits (they do not stop the command: the design is simulated as described); on issues, returns the exit code
 * instead of a scenario. A file that cannot be read is the user's input problem too (exit 2), whether the loader
 * reports it as an issue or throws.
 */
export async function loadScenarioOrReport(
  file: string,
  options: { compatibility?: boolean } = {},
): Promise<{ scenario: Scenario; findings: CompatibilityFinding[] } | { exitCode: number }> {
  let loaded: Awaited<ReturnType<typeof loadScenarioFile>>;
  try {
    loaded = await loadScenarioFile(file);
  } catch (error) {
    if (!isFileAccessError(error)) throw error;
    console.error(`rposim: cannot read scenario ${file}: ${error.message}`);
    return { exitCode: EXIT_USAGE };
  }
  if (!loaded.ok) {
    console.error(formatIssues(loaded.errors));
    return { exitCode: EXIT_USAGE };
  }
  for (const warning of loaded.warnings) console.error(`warning: ${warning}`);
  const findings = options.compatibility ? compatibilityFindings(loaded.scenario) : [];
  for (const line of formatFindings(findings)) console.error(line);
  return { scenario: loaded.scenario, findings };
}

const FILE_ACCESS_CODES = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'ENOTDIR']);

function isFileAccessError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && FILE_ACCESS_CODES.has((error as NodeJS.ErrnoException).code ?? '');
}
