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

/** A short rendering of a value as the user wrote it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One line per issue: file:line:col: path: expected …, found … */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((i) => {
      const where = i.line === undefined ? i.source : `${i.source}:${i.line}:${i.column ?? 1}`;
      return `${where}: ${i.path || '(top level)'}: expected ${i.expected}, found ${i.found}`;
    })
    .join('\n');
}
