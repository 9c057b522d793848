// Scenario text (YAML, or JSON: the YAML parser reads both) → raw input, and issues placed at their line and column.
import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioIssue } from './issues.js';
import { locateInYaml } from './yamlLocation.js';

export type ScenarioText =
  | { ok: true; raw: unknown; locate: (issues: readonly ScenarioIssue[]) => ScenarioIssue[] }
  | { ok: false; errors: ScenarioIssue[] };

export function readScenarioText(text: string, source: string): ScenarioText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e): ScenarioIssue => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return { source, path: '', expected: 'valid YAML', found: e.message.split('\n')[0]!, line, column: col };
    });
    return { ok: false, errors };
  }
  const locate = (issues: readonly ScenarioIssue[]) =>
    issues
      .map((issue) => ({ ...issue, ...locateInYaml(doc, lineCounter, issue.path) }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: true, raw: doc.toJS(), locate };
}
