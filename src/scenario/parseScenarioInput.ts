import type { TraceTable } from './churnSchema.js';
import { parseScenario } from './parse.js';
import { ScenarioError } from './scenarioError.js';
import type { Scenario } from './types.js';
import { readScenarioText, type ScenarioText } from './yamlScenario.js';

export interface ParseScenarioInputOptions {
  /** Named in every issue; default "scenario". */
  source?: string;
  /** Contents of the churn traces the scenario names, keyed by trace.file as written (see loadScenario for files). */
  traces?: TraceTable;
}

/**
 * The library's parseScenario: scenario text (YAML or JSON) or an already-parsed object, in the scenario file's
 * format, → a validated Scenario in base units. Throws a ScenarioError with every problem, as the CLI lists them
 * (with line and column for text).
 */
export function parseScenarioInput(input: string | object, options: ParseScenarioInputOptions = {}): Scenario {
  const source = options.source ?? 'scenario';
  const read: ScenarioText = typeof input === 'string' ? readScenarioText(input, source) : { ok: true, raw: input, locate: (issues) => [...issues] };
  if (!read.ok) throw new ScenarioError(read.errors);
  const result = parseScenario(read.raw, { source, traces: options.traces ?? new Map() });
  if (!result.ok) throw new ScenarioError(read.locate(result.errors));
  return result.scenario;
}
