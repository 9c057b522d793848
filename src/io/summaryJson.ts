import type { CycleResult, SimulationResult } from '../metrics/types.js';

/** Identity keys lead each object so a reader sees what it describes; everything else follows alphabetically. */
const LEADING_KEYS = ['scenario', 'name', 'choice'];

/**
 * summary.json: the result without the per-record tables (failovers, timeseries, plan runs, cycle phases),
 * which go to CSV.
 * Keys are ordered by rule, not by how simulate() happened to build the objects, so that equal results
 * give byte-identical files and diffs between runs show only changed figures.
 */
export function summaryJson(result: SimulationResult): string {
  const { failovers: _failovers, timeseries: _timeseries, planRuns: _planRuns, cycle, ...rest } = result;
  // The cycle's phase rows go to lifecycle.csv; its per-VM and per-plan totals stay here.
  const summary = { ...rest, cycle: cycle === null ? null : withoutPhases(cycle) };
  return `${JSON.stringify(withStableKeys(summary), null, 2)}\n`;
}

function withoutPhases({ phases: _phases, ...totals }: CycleResult): Omit<CycleResult, 'phases'> {
  return totals;
}

function withStableKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStableKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([key, inner]) => [key, withStableKeys(inner)]));
}

function compareKeys(a: string, b: string): number {
  const rank = (key: string) => {
    const index = LEADING_KEYS.indexOf(key);
    return index === -1 ? LEADING_KEYS.length : index;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
