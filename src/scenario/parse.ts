// Unknown input (from YAML or JSON) → a validated Scenario in base units, or every problem found at once.
import type * as z from 'zod';
import type { TraceTable } from './churnSchema.js';
import { crossChecks, rawVmTotal, type RawIssue } from './crossChecks.js';
import { expandVms } from './expandVms.js';
import { markValid } from './knownValid.js';
import { withProductDefaults } from './productDefaults.js';
import { describeValue, type PathSegment, pathToString, type ScenarioIssue, valueAt } from './issues.js';
import { LIMITS } from './limits.js';
import { checkRunSize, type RunSize } from './runSize.js';
import { scenarioSchema } from './schema.js';
import type { FailoverChoice, Scenario } from './types.js';
import { scenarioWarnings } from './warnings.js';

export interface ParseScenarioOptions {
  /** Named in every issue (usually the file path). */
  source: string;
  /** Trace contents (or the error met reading them), keyed by trace.file exactly as written. */
  traces?: TraceTable;
}

export type ParseScenarioResult =
  | { ok: true; scenario: Scenario; warnings: string[]; runSize: RunSize }
  | { ok: false; errors: ScenarioIssue[] };

/**
 * Cut a path where the raw input stops being a mapping or list: the schema wraps plain values (a fixed
 * distribution written as "5m" becomes { fixed: "5m" }), and the user should see the field they wrote.
 */
function pathInInput(raw: unknown, path: readonly PathSegment[]): PathSegment[] {
  const kept: PathSegment[] = [];
  let node = raw;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') break;
    kept.push(seg);
    node = (node as Record<PathSegment, unknown>)[seg];
  }
  return kept;
}

function fromZod(raw: unknown, issue: z.core.$ZodIssue): RawIssue[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], expected: issue.message, found: `unknown key "${key}"` }));
  }
  if (issue.code === 'invalid_union') {
    // Input shaped like one branch (its issues lie inside the value, like a list of disks with a bad disk)
    // reports that branch's issues, not "expected one of the forms".
    const inside = issue.errors.filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
    if (inside.length === 1) return inside[0]!.flatMap((i) => fromZod(raw, { ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
  }
  const found = issue.code === 'custom' ? (issue.params?.['found'] as string | undefined) : undefined;
  return [{ path: pathInInput(raw, path), expected: issue.message, ...(found === undefined ? {} : { found }) }];
}

/** Dwell times with the default choices: clean, the choice that evaluates them, joins the defaults. */
function withCleanChoice<F extends { choices: FailoverChoice[] }>(failover: F, dwellSec: number[] | undefined, filled: unknown): F {
  if (dwellSec === undefined || valueAt(filled, ['failover', 'choices']) !== undefined) return failover;
  return { ...failover, choices: [...failover.choices, 'clean'] };
}

/**
 * The document's schema for a table of traces, built once per table: building it costs about as much as
 * parsing with it, and a sweep parses one variant per run against the same traces.
 */
const schemas = new WeakMap<TraceTable, ReturnType<typeof scenarioSchema>>();
const NO_TRACES: TraceTable = new Map();
function schemaFor(traces: TraceTable): ReturnType<typeof scenarioSchema> {
  let schema = schemas.get(traces);
  if (schema === undefined) {
    schema = scenarioSchema(traces);
    schemas.set(traces, schema);
  }
  return schema;
}

export function parseScenario(raw: unknown, options: ParseScenarioOptions): ParseScenarioResult {
  const filled = withProductDefaults(raw);
  const result = schemaFor(options.traces ?? NO_TRACES).safeParse(filled);
  const rawIssues = [...(result.success ? [] : result.error.issues.flatMap((i) => fromZod(raw, i))), ...crossChecks(filled)];
  // The run's size needs every field valid and a VM total within the limit (crossChecks reports it).
  const size = result.success && rawVmTotal(filled) <= LIMITS.vms ? checkRunSize(filled, result.data) : undefined;
  rawIssues.push(...(size?.issues ?? []));
  if (!result.success || size === undefined || rawIssues.length > 0) {
    const seen = new Set<string>();
    const errors = rawIssues.flatMap((i): ScenarioIssue[] => {
      const path = pathToString(i.path);
      const key = `${path}\u0000${i.expected}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ source: options.source, path, expected: i.expected, found: i.found ?? describeValue(valueAt(raw, i.path)) }];
    });
    return { ok: false, errors };
  }
  const doc = result.data;
  const scenario: Scenario = {
    name: doc.name,
    description: doc.description,
    horizonSec: doc.horizon,
    warmupSec: doc.warmup,
    seed: doc.seed,
    policy: doc.policy,
    cloud: doc.cloud,
    uplinks: doc.uplinks,
    processServers: doc.processServers,
    vms: expandVms(doc.vms, doc.vmDefaults),
    disasters: doc.disasters,
    failover: withCleanChoice(doc.failover, doc.disasters.dwellSec, filled),
    output: { ...doc.output, sampleIntervalSec: size.sampleIntervalSec },
    alerts: doc.alerts,
    replicationGroups: doc.replicationGroups,
    recoveryPlans: doc.recoveryPlans,
    masterTargets: doc.masterTargets,
    cycle: doc.cycle ?? null,
    ...(doc.costs === undefined ? {} : { costs: doc.costs }),
  };
  return { ok: true, scenario: markValid(scenario), warnings: [...size.warnings, ...scenarioWarnings(scenario)], runSize: size.size };
}
