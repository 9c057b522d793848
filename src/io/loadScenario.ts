// Reads a scenario file (YAML or JSON), the churn traces it names, and validates it; every issue comes back
// with the file's line and column when they can be found. A file that cannot be read at all (not found, a
// folder, too large) throws InputFileError.
import { dirname } from 'node:path';
import { parseScenario, type ParseScenarioResult } from '../scenario/parse.js';
import { locateInYaml } from '../scenario/yamlLocation.js';
import { notAScenario } from './fileKind.js';
import { readTraces, traceRequests } from './readTraces.js';
import { readYamlFile } from './readYamlFile.js';

export async function loadScenarioFile(path: string): Promise<ParseScenarioResult> {
  const read = await readYamlFile(path);
  if (!read.ok) return read;
  const { raw, doc, lineCounter } = read.file;
  const sweep = notAScenario(raw, path);
  if (sweep) return { ok: false, errors: [sweep] };
  const traces = await readTraces(traceRequests(raw), dirname(path));
  const result = parseScenario(raw, { source: path, traces });
  if (result.ok) return result;
  const errors = result.errors.map((issue) => ({ ...issue, ...locateInYaml(doc, lineCounter, issue.path) }));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors };
}
