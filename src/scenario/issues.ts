// One validation problem in a scenario, and how it is shown to a user: where, what was expected, what was found.

export interface ScenarioIssue {
  /** The file (or other origin) the scenario came from. */
  source: string;
  /** Where in the scenario, like vms[2].churn[0].onOff.peak; "" = the whole document. */
  path: string;
  expected: string;
  found: string;
  /** 1-based, when the input came from a file the loader could locate the path in. */
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

export function pathToString(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Inverse of pathToString (keys are camelCase identifiers, so "." and "[" never occur inside one). */
export function parsePath(path: string): PathSegment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The value at path in raw input, or undefined when the path leaves the input. */
export function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let node = raw;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

// Characters a terminal may act on that JSON.stringify leaves as they are: C1 controls, line and paragraph
// separators, bidirectional overrides.
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeUnsafe = (text: string): string => text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const cutTo = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

/** Text from a user's file, quoted, cut to `max` characters and with control characters escaped. */
export function excerpt(text: string, max = 60): string {
  return escapeUnsafe(JSON.stringify(cutTo(text, max)));
}

/**
 * JSON of the first `max` characters of a value: work stops there, whatever the value's size, and a structure
 * that contains itself (YAML aliases can make one) is shown as [...] / {...} where it recurs.
 */
function shortJson(value: unknown, max: number): string {
  let out = '';
  const open = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out += typeof v === 'string' ? JSON.stringify(cutTo(v, max)) : (JSON.stringify(v) ?? String(v));
      return;
    }
    const list = Array.isArray(v);
    if (open.has(v)) {
      out += list ? '[...]' : '{...}';
      return;
    }
    open.add(v);
    out += list ? '[' : '{';
    let first = true;
    for (const key in v) {
      if (out.length > max) break;
      out += first ? '' : ',';
      first = false;
      if (!list) out += `${JSON.stringify(key)}:`;
      visit((v as Record<string, unknown>)[key]);
    }
    out += list ? ']' : '}';
    open.delete(v);
  };
  visit(value);
  return escapeUnsafe(cutTo(out, max));
}

/** A short rendering of a value as the user wrote it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? excerpt(value) : shortJson(value, 60);
}

/** Names for a message: at most `max` of them, each as written when it is plain, quoted otherwise. */
export function listNames(names: Iterable<string>, max = 10): string {
  const all = [...names];
  const shown = all.slice(0, max).map((name) => (/^[\w.-]+$/.test(name) ? name : excerpt(name, 40)));
  return all.length > max ? `${shown.join(', ')}, … (${all.length} in all)` : shown.join(', ');
}

/** Line breaks and other control characters as escapes: whatever a file holds, an issue stays one line. */
export function oneLine(text: string): string {
  return escapeUnsafe(text.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1)));
}

/** One line per issue: file:line:col: path: expected …, found … */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((i) => {
      const where = i.line === undefined ? i.source : `${i.source}:${i.line}:${i.column ?? 1}`;
      return oneLine(`${where}: ${i.path || '(top level)'}: expected ${i.expected}, found ${i.found}`);
    })
    .join('\n');
}
