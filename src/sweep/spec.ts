// The sweep file: a base scenario, axes to vary, how to pick points, and how many replications.
// Validated with zod and reported in the scenario parser's issue shape, so both read the same way.
import { z } from 'zod';
import type { ScenarioIssue } from '../scenario/issues.js';
import { parseAxisPath, setAtPath, type PathSegment } from './axisPath.js';
import { schemaPathProblem } from './schemaPath.js';
import { splitQuantity } from './quantity.js';

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'a value (text, number or true/false)' });
const rangeEnd = z.union([z.string(), z.number()], { error: 'a quantity such as "20 Mbps", "1h" or 10' });

const rangeSchema = z.strictObject({
  from: rangeEnd,
  to: rangeEnd,
  steps: z.int({ error: 'a whole number of steps ≥ 2' }).min(2, { error: 'a whole number of steps ≥ 2' }).optional(),
  scale: z.enum(['linear', 'log'], { error: 'linear or log' }).default('linear'),
  integer: z.boolean({ error: 'true or false' }).default(false),
});

const axisSchema = z.strictObject({
  path: z.string({ error: 'a path such as "uplinks[0].bandwidth"' }),
  values: z.array(scalar, { error: 'a list of values' }).min(1, { error: 'at least one value' }).optional(),
  range: rangeSchema.optional(),
});

const samplingSchema = z.strictObject({
  method: z.enum(['random', 'latin-hypercube'], { error: 'random or latin-hypercube' }),
  points: z.int({ error: 'a whole number of points ≥ 1' }).min(1, { error: 'a whole number of points ≥ 1' }),
});

export const specSchema = z.strictObject({
  base: z.string({ error: 'the path of the base scenario, relative to the sweep file' }).min(1, { error: 'a file path' }),
  description: z.string({ error: 'text' }).default(''),
  seed: z.int({ error: 'a whole number' }).optional(),
  replications: z.int({ error: 'a whole number ≥ 1' }).min(1, { error: 'a whole number ≥ 1' }).default(1),
  set: z.record(z.string(), z.unknown(), { error: 'a map of path: value' }).default({}),
  sampling: samplingSchema.optional(),
  axes: z.array(axisSchema, { error: 'a list of axes' }).min(1, { error: 'at least one axis' }),
});

type RawSpec = z.infer<typeof specSchema>;
export type RangeSpec = z.infer<typeof rangeSchema>;

export type Axis =
  | { path: string; segments: PathSegment[]; kind: 'values'; values: (string | number | boolean)[] }
  | { path: string; segments: PathSegment[]; kind: 'range'; range: RangeSpec };

export interface SweepSpec {
  base: string;
  description: string;
  /** Replication k runs with seed + k at every point (common random numbers). Undefined: the base's seed. */
  seed: number | undefined;
  replications: number;
  set: { path: string; segments: PathSegment[]; value: unknown }[];
  sampling: { method: 'random' | 'latin-hypercube'; points: number } | null;
  axes: Axis[];
}

const KNOWN_FIELDS: Record<string, string> = {
  '': 'base, description, seed, replications, set, sampling, axes',
  sampling: 'method, points',
  axis: 'path, values, range',
  range: 'from, to, steps, scale, integer',
};

/** Columns of runs.csv that an axis may not shadow. */
const RESERVED_PATHS = new Set(['seed', 'point', 'replication', 'vm', 'choice', 'status', 'error']);

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface SpecParseOptions {
  source: string;
  /** Line and column of a path in the source file, when known (YAML input). */
  locate?: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
}

export function parseSweepSpec(
  raw: unknown,
  options: SpecParseOptions,
): { ok: true; spec: SweepSpec } | { ok: false; errors: ScenarioIssue[] } {
  const errors: ScenarioIssue[] = [];
  const report = (path: (string | number)[], expected: string, found: string) => {
    errors.push({ source: options.source, path: formatPath(path), expected, found, ...options.locate?.(path) });
  };
  const parsed = specSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const where = path.length === 0 ? '' : path.includes('range') ? 'range' : path[0] === 'axes' ? 'axis' : String(path[0]);
        for (const key of issue.keys) report([...path, key], `one of the fields ${KNOWN_FIELDS[where] ?? ''}`.trim(), `"${key}"`);
      } else {
        report(path, issue.message, describeFound(issue.input));
      }
    }
    return { ok: false, errors };
  }
  const spec = checkSemantics(parsed.data, report);
  return errors.length > 0 || spec === null ? { ok: false, errors } : { ok: true, spec };
}

/** The rules zod's shapes cannot say: path syntax, one of values/range, units of a range, steps for grids. */
function checkSemantics(
  data: RawSpec,
  report: (path: (string | number)[], expected: string, found: string) => void,
): SweepSpec | null {
  const axes: Axis[] = [];
  const seen = new Set<string>();
  data.axes.forEach((axis, i) => {
    const segments = parseAxisPath(axis.path);
    if (typeof segments === 'string') return report(['axes', i, 'path'], segments, describeFound(axis.path));
    if (RESERVED_PATHS.has(axis.path)) {
      const why = axis.path === 'seed' ? 'seeds come from replications' : 'it names a runs.csv column';
      return report(['axes', i, 'path'], `a scenario field other than "${axis.path}" (${why})`, describeFound(axis.path));
    }
    if (seen.has(axis.path)) return report(['axes', i, 'path'], 'a path not used by another axis', describeFound(axis.path));
    seen.add(axis.path);
    if ((axis.values === undefined) === (axis.range === undefined)) {
      return report(['axes', i], 'exactly one of values or range', axis.values ? 'both' : 'neither');
    }
    if (axis.values) return void axes.push({ path: axis.path, segments, kind: 'values', values: axis.values });
    const range = axis.range!;
    const from = splitQuantity(range.from);
    const to = splitQuantity(range.to);
    if (!from) return report(['axes', i, 'range', 'from'], 'a quantity such as "20 Mbps"', describeFound(range.from));
    if (!to || to.unit !== from.unit || to.numeric !== from.numeric) {
      return report(['axes', i, 'range', 'to'], `a quantity in the unit of from ("${from.unit}")`, describeFound(range.to));
    }
    if (range.scale === 'log' && (from.value <= 0 || to.value <= 0)) {
      return report(['axes', i, 'range', 'scale'], 'linear, or from and to above 0 for log', 'log');
    }
    if (!data.sampling && range.steps === undefined) {
      return report(['axes', i, 'range', 'steps'], 'a number of steps (a grid needs them; sampling does not)', 'nothing');
    }
    axes.push({ path: axis.path, segments, kind: 'range', range });
  });
  const set: SweepSpec['set'] = [];
  for (const [path, value] of Object.entries(data.set)) {
    const segments = parseAxisPath(path);
    if (typeof segments === 'string') report(['set', path], segments, describeFound(path));
    else if (seen.has(path)) report(['set', path], 'a path that no axis varies', describeFound(path));
    else set.push({ path, segments, value });
  }
  if (axes.length !== data.axes.length || set.length !== Object.keys(data.set).length) return null;
  return {
    base: data.base,
    description: data.description,
    seed: data.seed,
    replications: data.replications,
    set,
    sampling: data.sampling ?? null,
    axes,
  };
}

/**
 * Why a path of an override names no field of the scenario format, or leads nowhere in the base scenario (a list
 * item it does not have): a mistake in the sweep (or compare) file itself. null when it is fine.
 */
export function pathInBaseIssue(
  where: (string | number)[],
  path: string,
  segments: PathSegment[],
  baseRaw: unknown,
  baseName: string,
  options: SpecParseOptions,
): ScenarioIssue | null {
  const at = { source: options.source, path: formatPath(where), ...options.locate?.(where) };
  const notAField = schemaPathProblem(segments);
  if (notAField !== null) return { ...at, expected: 'a path to a field of the scenario format', found: `"${path}": ${notAField}` };
  const problem = setAtPath(structuredClone(baseRaw), segments, null);
  return problem === null ? null : { ...at, expected: `a path into ${baseName}`, found: `"${path}": ${problem}` };
}

/** Axis and set paths that name no field of the scenario format, or lead nowhere in the base scenario. */
export function checkPathsInBase(spec: SweepSpec, baseRaw: unknown, options: SpecParseOptions): ScenarioIssue[] {
  return [
    ...spec.axes.map((axis, i) => pathInBaseIssue(['axes', i, 'path'], axis.path, axis.segments, baseRaw, spec.base, options)),
    ...spec.set.map((s) => pathInBaseIssue(['set', s.path], s.path, s.segments, baseRaw, spec.base, options)),
  ].filter((issue): issue is ScenarioIssue => issue !== null);
}
