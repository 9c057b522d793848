// The scenario an import is about to write, validated in memory with its traces as they will be written, so
// that a scenario that would not load is never written.
import { parse } from 'yaml';
import { parseScenario, type ParseScenarioResult } from '../../scenario/parse.js';
import type { ImportPlan } from './importPlan.js';

export function validateImport(plan: ImportPlan, yaml: string, source: string): ParseScenarioResult {
  const traces = new Map(
    plan.traces.map(({ path, series }) => [path, { startsSec: Array.from(series.bytes, (_, k) => k * series.intervalSec), bytes: Array.from(series.bytes) }]),
  );
  return parseScenario(parse(yaml), { source, traces });
}
