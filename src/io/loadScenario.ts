// Reads a scenario file (YAML or JSON: the YAML parser reads both), the churn traces it names, and
// validates it; every issue comes back with the file's line and column when they can be found.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioIssue } from '../scenario/issues.js';
import { parseScenario, type ParseScenarioResult } from '../scenario/parse.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import { locateInYaml } from '../scenario/yamlLocation.js';
import { readChurnTrace } from './readChurnTrace.js';

/** trace.file values as written, from vmDefaults and every VM (malformed entries are the parser's to report). */
function traceFiles(raw: unknown): string[] {
  const doc = (raw ?? {}) as { vmDefaults?: { churn?: unknown }; vms?: unknown };
  const churnLists = [doc.vmDefaults?.churn, ...(Array.isArray(doc.vms) ? doc.vms.map((vm) => vm?.churn) : [])];
  const files = churnLists
    .filter(Array.isArray)
    .flat()
    .map((item) => item?.trace?.file)
    .filter((file): file is string => typeof file === 'string');
  return [...new Set(files)];
}

async function readTraces(files: string[], folder: string): Promise<Map<string, ChurnTraceData | string>> {
  const entries = await Promise.all(
    files.map(async (file): Promise<[string, ChurnTraceData | string]> => {
      try {
        return [file, await readChurnTrace(resolve(folder, file))];
      } catch (err) {
        return [file, err instanceof Error ? err.message : String(err)];
      }
    }),
  );
  return new Map(entries);
}

export async function loadScenarioFile(path: string): Promise<ParseScenarioResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      ok: false,
      errors: [{ source: path, path: '', expected: 'a readable scenario file (.yaml, .yml or .json)', found: code }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e): ScenarioIssue => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return { source: path, path: '', expected: 'valid YAML', found: e.message.split('\n')[0]!, line, column: col };
    });
    return { ok: false, errors };
  }
  const raw: unknown = doc.toJS();
  const traces = await readTraces(traceFiles(raw), dirname(path));
  const result = parseScenario(raw, { source: path, traces });
  if (result.ok) return result;
  const errors = result.errors.map((issue) => ({ ...issue, ...locateInYaml(doc, lineCounter, issue.path) }));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors };
}
