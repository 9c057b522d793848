import type { SimulationResult } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import type { ResultsFolder } from './resultsFolder.js';

/** summary.json as written by summaryJson(): the result without its per-record tables. Read with care: fields may be added. */
export type RunSummary = Omit<SimulationResult, 'failovers' | 'timeseries' | 'planRuns' | 'eventCount'>;

/** scenario.resolved.json (src/scenario/resolvedScenario.ts). */
export interface ResolvedInputs {
  defaults: string[];
  scenario: Scenario;
}

export interface ReportContext {
  folder: ResultsFolder;
  /** null when the folder has no summary.json (a plan or a sweep). */
  summary: RunSummary | null;
  resolved: ResolvedInputs | null;
  /** Computes a value once per report (several sections read the same CSV digest). */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export async function reportContext(folder: ResultsFolder): Promise<ReportContext> {
  const memo = new Map<string, Promise<unknown>>();
  const summary = (await folder.json('summary.json')) as RunSummary | null;
  return {
    folder,
    summary: summary !== null && Array.isArray(summary.vms) ? summary : null,
    resolved: (await folder.json('scenario.resolved.json')) as ResolvedInputs | null,
    once<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Promise<T>;
    },
  };
}

/** A part of the report, shown when the files it reads are in the folder. */
export interface ReportSection {
  id: string;
  title: string;
  applies(context: ReportContext): boolean;
  /** HTML of the section's body. */
  render(context: ReportContext): Promise<string>;
}
