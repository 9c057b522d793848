// Reads a scenario file (YAML or JSON), the churn traces it names, and validates it; every issue comes back
// with the file's line and column when they can be found. A file that cannot be read at all (not found, a
// folder, too large) throws InputFileError.
import { dirname } from 'node:path';
import { parseScenario, type ParseScenarioResult } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenarioError.js';
import type { Scenario } from '../scenario/types.js';
import { readScenarioText } from '../scenario/yamlScenario.js';
import { notAScenario } from './fileKind.js';
import { InputFileError } from './readLines.js';
import { readTraces, traceRequests } from './readTraces.js';
import { readBoundedText } from './readYamlFile.js';

export async function loadScenarioFile(path: string): Promise<ParseScenarioResult> {
  const read = readScenarioText(await readBoundedText(path), path);
  if (!read.ok) return read;
  const sweep = notAScenario(read.raw, path);
  if (sweep) return { ok: false, errors: [sweep] };
  const traces = await readTraces(traceRequests(read.raw), dirname(path));
  const result = parseScenario(read.raw, { source: path, traces });
  return result.ok ? result : { ok: false, errors: read.locate(result.errors) };
}

/** The library's loadScenario: the scenario in a file, or a ScenarioError listing every problem. */
export async function loadScenario(path: string): Promise<Scenario> {
  const result = await loadScenarioFile(path).catch((error: unknown) => {
    if (!(error instanceof InputFileError)) throw error;
    return { ok: false as const, errors: [{ source: path, path: '', expected: 'a readable scenario file (.yaml, .yml or .json)', found: error.message }] };
  });
  if (!result.ok) throw new ScenarioError(result.errors);
  return result.scenario;
}
