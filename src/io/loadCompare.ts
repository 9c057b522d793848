// Reads a compare file, its base scenario and traces, and builds each strategy's scenario. Every strategy is
// validated here, before any run: a bad override is a mistake in the compare file (exit 2), not a failed run.
import { dirname, resolve } from 'node:path';
import type { CompareInput } from '../compare/executeRun.js';
import { metricKey } from '../compare/metrics.js';
import { compareSpecAsWritten, parseCompareSpec, type CompareSpec, type Override } from '../compare/spec.js';
import { choiceLabel, choiceVariants } from '../metrics/choiceLabel.js';
import { costSpecOf, hasPrices } from '../metrics/costFigures.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { setAtPath } from '../sweep/axisPath.js';
import { pathInBaseIssue } from '../sweep/spec.js';
import { notACompareSpec } from './fileKind.js';
import { locator, readBaseScenario, runsHash, seedOf } from './loadSweep.js';
import { readTraces, traceRequests, type TraceRequests } from './readTraces.js';
import { readYamlFile } from './readYamlFile.js';

export interface LoadedCompare {
  file: string;
  spec: CompareSpec;
  input: CompareInput;
  /** Each strategy's validated scenario, in spec order. */
  scenarios: Scenario[];
  /** The metric key the table is ranked by (the spec's, or the default). */
  objective: string;
  /** sha256 over what the runs depend on: seed, overrides, the base scenario and trace contents. */
  specHash: string;
}

const SAMPLE_INTERVAL = [{ kind: 'key' as const, key: 'output' }, { kind: 'key' as const, key: 'sampleInterval' }];

/** Reads a compare file and what it refers to; throws InputFileError when the compare file itself cannot be read. */
export async function loadCompareFile(file: string): Promise<{ ok: true; compare: LoadedCompare } | { ok: false; errors: ScenarioIssue[] }> {
  const yaml = await readYamlFile(file);
  if (!yaml.ok) return yaml;
  const wrongKind = notACompareSpec(yaml.raw, file);
  if (wrongKind) return { ok: false, errors: [wrongKind] };
  const locate = locator(yaml);
  const parsed = parseCompareSpec(yaml.raw, { source: file, locate });
  if (!parsed.ok) return parsed;
  const spec = parsed.spec;
  const base = await readBaseScenario(file, spec.base, locate, 'compare');
  if (!base.ok) return base;
  const baseRaw = base.raw;

  const pathIssues = [
    ...spec.set.map((o) => pathInBaseIssue(['set', o.path], o.path, o.segments, baseRaw, spec.base, { source: file, locate })),
    ...spec.strategies.flatMap((s, i) => s.set.map((o) => pathInBaseIssue(['strategies', i, 'set', o.path], o.path, o.segments, baseRaw, spec.base, { source: file, locate }))),
  ].filter((issue): issue is ScenarioIssue => issue !== null);
  if (pathIssues.length > 0) return { ok: false, errors: pathIssues };

  const variants = spec.strategies.map((strategy) => {
    const raw = structuredClone(baseRaw);
    applyOverrides(raw, [...spec.set, ...strategy.set]);
    // A comparison reads no time series: sampling them would only cost time (observation changes no result).
    setAtPath(raw, SAMPLE_INTERVAL, '0s');
    return raw;
  });
  // Every trace any strategy reads (an override may name another trace), read once; an unreadable one goes in the
  // table with its reason, which parseScenario reports.
  const requests: TraceRequests = new Map();
  for (const raw of variants) traceRequests(raw, requests);
  const traces = new Map(await readTraces(requests, dirname(resolve(dirname(file), spec.base))));
  const scenarios: Scenario[] = [];
  const errors: ScenarioIssue[] = [];
  variants.forEach((raw, i) => {
    const strategy = spec.strategies[i]!;
    const result = parseScenario(raw, { source: spec.base, traces });
    if (!result.ok) {
      const where = ['strategies', i, 'set'];
      for (const issue of result.errors) {
        errors.push({ source: file, path: `strategies[${i}].set`, expected: `overrides that make ${strategy.name} a valid scenario (${issue.path || 'top level'}: expected ${issue.expected})`, found: issue.found, ...locate(where) });
      }
      return;
    }
    scenarios.push(result.scenario);
  });
  if (errors.length > 0) return { ok: false, errors };

  const baseline = scenarios[spec.strategies.findIndex((s) => s.name === spec.baseline)]!;
  const labels = choiceVariants(baseline.failover.choices, baseline.disasters.dwellSec).map((v) => choiceLabel(v.choice, v.dwellSec));
  const objective = spec.objective ?? (scenarios.some((s) => hasPrices(costSpecOf(s))) ? 'cost_per_year' : metricKey('data_loss_s', labels[0]!));
  const choice = objective.includes(':') ? objective.slice(objective.indexOf(':') + 1) : null;
  if (choice !== null && !labels.includes(choice)) {
    return { ok: false, errors: [{ source: file, path: 'objective', expected: `a failover choice of the baseline ${spec.baseline} (${labels.join(', ')})`, found: JSON.stringify(choice), ...locate(['objective']) }] };
  }

  const baseSeed = spec.seed ?? seedOf(baseRaw);
  // Only what a run depends on: replications, precision, baseline and objective may change on a resume.
  const { seed, set, strategies } = compareSpecAsWritten(spec, baseSeed);
  const specHash = runsHash({ seed, set, strategies, base: baseRaw }, traces);
  return { ok: true, compare: { file, spec, input: { variants, source: spec.base, traces, baseSeed }, scenarios, objective, specHash } };
}

/** The overrides in order (a strategy's after the common ones); their paths were checked against the base. */
function applyOverrides(raw: unknown, overrides: readonly Override[]): void {
  for (const o of overrides) setAtPath(raw, o.segments, structuredClone(o.value));
}
