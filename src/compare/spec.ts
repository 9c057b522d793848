// The compare file: a base scenario and strategies, each a set of overrides by the sweep's field paths, run on
// common random numbers. Validated with zod and reported in the scenario parser's issue shape (file, line,
// path, expected, found), like the sweep file.
import { z } from 'zod';
import type { ScenarioIssue } from '../scenario/issues.js';
import { parseFraction } from '../scenario/units.js';
import { parseAxisPath, type PathSegment } from '../sweep/axisPath.js';
import { describeFound, formatPath, type SpecParseOptions } from '../sweep/spec.js';
import { METRICS, metricDef, splitMetricKey } from './metrics.js';

const overrides = z.record(z.string(), z.unknown(), { error: 'a map of path: value (paths as in sweeps: policy.retention, uplinks[0].bandwidth)' });

const strategySchema = z.strictObject({
  name: z.string({ error: 'a name (text)' }).trim().min(1, { error: 'a non-empty name' }),
  description: z.string({ error: 'text' }).default(''),
  set: overrides.default({}),
});

export const DEFAULT_REPLICATIONS = 5;
export const DEFAULT_MAX_REPLICATIONS = 64;

export const compareSchema = z.strictObject({
  base: z.string({ error: 'the path of the base scenario, relative to the compare file' }).min(1, { error: 'a file path' }),
  description: z.string({ error: 'text' }).default(''),
  seed: z.int({ error: 'a whole number' }).optional(),
  replications: z.int({ error: 'a whole number ≥ 2' }).min(2, { error: 'a whole number ≥ 2 (a confidence interval needs two)' }).default(DEFAULT_REPLICATIONS),
  precision: z.union([z.string(), z.number()], { error: 'a fraction such as "5%" or 0.05' }).optional(),
  maxReplications: z.int({ error: 'a whole number ≥ 2' }).min(2, { error: 'a whole number ≥ 2' }).default(DEFAULT_MAX_REPLICATIONS),
  baseline: z.string({ error: 'the name of a strategy' }).optional(),
  objective: z.string({ error: 'a metric such as cost_per_year or data_loss_s:latest' }).optional(),
  metrics: z.array(z.string({ error: 'a metric name' }), { error: 'a list of metric names' }).min(1, { error: 'at least one metric' }).optional(),
  set: overrides.default({}),
  strategies: z.array(strategySchema, { error: 'a list of strategies { name, description, set }' }).min(2, { error: 'at least two strategies to compare' }),
});

type RawCompare = z.infer<typeof compareSchema>;

export interface Override {
  path: string;
  segments: PathSegment[];
  value: unknown;
}

export interface StrategySpec {
  name: string;
  description: string;
  set: Override[];
}

export interface CompareSpec {
  base: string;
  description: string;
  /** Replication k of every strategy runs with replicationSeed(seed, k). Undefined: the base's seed. */
  seed: number | undefined;
  /** The count, or with precision the first batch. */
  replications: number;
  /** Target half-width of every paired difference's 95% CI, relative to the larger of the two means; null: none. */
  precision: number | null;
  maxReplications: number;
  /** The strategy every other is compared with. */
  baseline: string;
  /** The metric key the table is ranked by; null: cost_per_year when prices are set, else the first choice's data loss. */
  objective: string | null;
  /** Metric names reported (and paired); null: all. */
  metrics: string[] | null;
  set: Override[];
  strategies: StrategySpec[];
}

const KNOWN_FIELDS: Record<string, string> = {
  '': 'base, description, seed, replications, precision, maxReplications, baseline, objective, metrics, set, strategies',
  strategies: 'name, description, set',
};

const metricNames = METRICS.map((m) => m.name).join(', ');

export function parseCompareSpec(raw: unknown, options: SpecParseOptions): { ok: true; spec: CompareSpec } | { ok: false; errors: ScenarioIssue[] } {
  const errors: ScenarioIssue[] = [];
  const report = (path: (string | number)[], expected: string, found: string) => {
    errors.push({ source: options.source, path: formatPath(path), expected, found, ...options.locate?.(path) });
  };
  const parsed = compareSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const where = path[0] === 'strategies' ? 'strategies' : '';
        for (const key of issue.keys) report([...path, key], `one of the fields ${KNOWN_FIELDS[where]}`, `"${key}"`);
      } else {
        report(path, issue.message, describeFound(issue.input));
      }
    }
    return { ok: false, errors };
  }
  const spec = checkSemantics(parsed.data, report);
  return errors.length > 0 || spec === null ? { ok: false, errors } : { ok: true, spec };
}

function checkSemantics(data: RawCompare, report: (path: (string | number)[], expected: string, found: string) => void): CompareSpec | null {
  let problems = 0;
  const fail = (path: (string | number)[], expected: string, found: string) => {
    problems++;
    report(path, expected, found);
  };
  const readOverrides = (map: Record<string, unknown>, where: (string | number)[]): Override[] =>
    Object.entries(map).flatMap(([path, value]) => {
      const segments = parseAxisPath(path);
      if (typeof segments === 'string') {
        fail([...where, path], segments, describeFound(path));
        return [];
      }
      return [{ path, segments, value }];
    });

  const set = readOverrides(data.set, ['set']);
  const names = new Set<string>();
  const strategies = data.strategies.map((s, i): StrategySpec => {
    if (names.has(s.name)) fail(['strategies', i, 'name'], 'a name not used by another strategy', describeFound(s.name));
    names.add(s.name);
    return { name: s.name, description: s.description, set: readOverrides(s.set, ['strategies', i, 'set']) };
  });
  const nameList = [...names].join(', ');
  const baseline = data.baseline ?? strategies[0]!.name;
  if (!names.has(baseline)) fail(['baseline'], `the name of a strategy (${nameList})`, describeFound(data.baseline));

  let precision: number | null = null;
  if (data.precision !== undefined) {
    const p = parseFraction(data.precision);
    if (!p.ok || p.value <= 0 || p.value >= 1) fail(['precision'], 'a fraction above 0 and below 1, such as "5%" or 0.05', describeFound(data.precision));
    else precision = p.value;
  }
  if (data.maxReplications < data.replications) {
    fail(['maxReplications'], `a whole number ≥ replications (${data.replications})`, describeFound(data.maxReplications));
  }
  (data.metrics ?? []).forEach((name, i) => {
    if (!metricDef(name)) fail(['metrics', i], `a metric name (${metricNames})`, describeFound(name));
  });
  if (data.objective !== undefined) {
    const { metric, choice } = splitMetricKey(data.objective);
    const def = metricDef(metric);
    if (!def) fail(['objective'], `a metric (${metricNames}), with :choice for the per-choice ones (data_loss_s:latest)`, describeFound(data.objective));
    else if (def.perChoice !== (choice !== null)) {
      fail(['objective'], def.perChoice ? `${metric}:<choice>, e.g. ${metric}:latest` : `${metric} without a choice`, describeFound(data.objective));
    } else if (data.metrics && !data.metrics.includes(metric)) {
      fail(['objective'], `a metric among metrics (${data.metrics.join(', ')})`, describeFound(data.objective));
    }
  }
  if (problems > 0) return null;
  return {
    base: data.base,
    description: data.description,
    seed: data.seed,
    replications: data.replications,
    precision,
    maxReplications: data.maxReplications,
    baseline,
    objective: data.objective ?? null,
    metrics: data.metrics ?? null,
    set,
    strategies,
  };
}

/** The spec as a compare file would write it (normalised: defaults filled in, seed resolved). */
export function compareSpecAsWritten(spec: CompareSpec, baseSeed: number): Record<string, unknown> {
  const map = (overrides: Override[]) => Object.fromEntries(overrides.map((o) => [o.path, o.value]));
  return {
    base: spec.base,
    description: spec.description,
    seed: baseSeed,
    replications: spec.replications,
    ...(spec.precision === null ? {} : { precision: spec.precision, maxReplications: spec.maxReplications }),
    baseline: spec.baseline,
    ...(spec.objective === null ? {} : { objective: spec.objective }),
    ...(spec.metrics === null ? {} : { metrics: spec.metrics }),
    set: map(spec.set),
    strategies: spec.strategies.map((s) => ({ name: s.name, description: s.description, set: map(s.set) })),
  };
}
