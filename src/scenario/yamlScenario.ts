// Scenario or sweep text (YAML, or JSON: the YAML parser reads both) → raw input, within the limits that keep
// any text cheap to answer: aliases, nesting, and the size of the data once aliases are expanded; and issues
// placed at their line and column. Every problem is an issue naming the source, never an exception.
import { type Document, LineCounter, parseDocument } from 'yaml';
import { excerpt, type ScenarioIssue } from './issues.js';
import { formatLimit, LIMITS } from './limits.js';
import { locateInYaml } from './yamlLocation.js';

export type YamlText = { ok: true; raw: unknown; doc: Document; lineCounter: LineCounter } | { ok: false; errors: ScenarioIssue[] };

export type ScenarioText =
  | { ok: true; raw: unknown; locate: (issues: readonly ScenarioIssue[]) => ScenarioIssue[] }
  | { ok: false; errors: ScenarioIssue[] };

const NESTING = `YAML nested at most ${LIMITS.nestingDepth} levels deep`;

/** Parser and converter failures worded for a user: the library's words for a stack overflow are not. */
function describeYamlError(message: string): { expected: string; found: string } {
  if (/call stack/i.test(message)) return { expected: NESTING, found: 'nesting too deep' };
  if (/alias count/i.test(message)) {
    return { expected: `at most ${formatLimit(LIMITS.yamlAliases)} uses of YAML aliases (an alias inside an aliased value counts once per use)`, found: 'more' };
  }
  return { expected: 'valid YAML', found: excerpt(message.split('\n')[0]!, 120) };
}

/**
 * Depth and size of the data as a program walking it sees them, aliases expanded, without expanding them:
 * each distinct object is measured once. Also finds an alias that contains itself, which no walk ends.
 */
function checkShape(raw: unknown): { expected: string; found: string } | undefined {
  const tooDeep = { expected: NESTING, found: `nesting too deep (more than ${LIMITS.nestingDepth} levels)` };
  const size = new Map<object, number>();
  const height = new Map<object, number>();
  const onPath = new Set<object>();
  // Iterative post-order walk: a deep document must not overflow this walk either.
  const stack: Array<{ node: object; children: unknown[]; next: number }> = [];
  const enter = (node: object) => {
    onPath.add(node);
    stack.push({ node, children: Object.values(node), next: 0 });
  };
  if (raw !== null && typeof raw === 'object') enter(raw);
  while (stack.length > 0) {
    if (stack.length > LIMITS.nestingDepth) return tooDeep;
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object' || size.has(child)) continue;
      if (onPath.has(child)) return { expected: 'YAML whose aliases do not contain themselves', found: 'an alias inside its own anchored value' };
      enter(child);
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    let total = 1;
    let deepest = 0;
    for (const c of top.children) {
      const isObject = c !== null && typeof c === 'object';
      total += isObject ? size.get(c)! : 1;
      deepest = Math.max(deepest, isObject ? height.get(c)! : 0);
    }
    if (total > LIMITS.yamlValues) {
      return { expected: `a document of at most ${formatLimit(LIMITS.yamlValues)} values once YAML aliases are expanded`, found: 'more' };
    }
    if (deepest + 1 > LIMITS.nestingDepth) return tooDeep;
    size.set(top.node, total);
    height.set(top.node, deepest + 1);
  }
  return undefined;
}

/** Parses YAML text into plain data, or the issues (naming `source`) that stop it. */
export function parseYamlText(text: string, source: string): YamlText {
  const lineCounter = new LineCounter();
  const fail = (problem: { expected: string; found: string }): YamlText => ({ ok: false, errors: [{ source, path: '', ...problem }] });
  let doc: Document;
  try {
    // merge: YAML 1.1 merge keys (<<: *defaults), a common way to share settings between entries.
    // resolveKnownTags off: !!binary, !!set and the like stay plain text or lists, the only shapes a scenario has.
    // logLevel error: the library would print its warnings itself.
    doc = parseDocument(text, { lineCounter, merge: true, resolveKnownTags: false, logLevel: 'error' });
  } catch (error) {
    return fail(describeYamlError((error as Error).message));
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { source, path: '', ...describeYamlError(e.message), line, column: col };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (error) {
    return fail(describeYamlError((error as Error).message));
  }
  const shape = checkShape(raw);
  return shape ? fail(shape) : { ok: true, raw, doc, lineCounter };
}

/** A scenario's text: its raw input, and a function that places issues at their line and column. */
export function readScenarioText(text: string, source: string): ScenarioText {
  const read = parseYamlText(text, source);
  if (!read.ok) return read;
  const { doc, lineCounter } = read;
  const locate = (issues: readonly ScenarioIssue[]) =>
    issues
      .map((issue) => ({ ...issue, ...locateInYaml(doc, lineCounter, issue.path) }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: true, raw: read.raw, locate };
}
