// One run of a comparison: strategy s at replication k, on the seed every strategy shares at k (common random
// numbers). Runs inside a worker process (compareProcess.ts); the record depends only on (comparison, index).
import { replicationSeed } from '../engine/replicationSeed.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { batchScenario, failureLine } from '../sweep/batchScenario.js';
import type { RunJob } from '../sweep/runProcesses.js';
import { runFigures, type RunFigures } from './metrics.js';

/** Everything a run needs, as plain structured-cloneable data (sent once to each worker). */
export interface CompareInput {
  /** Each strategy's scenario as raw input: the base with the overrides applied. */
  variants: unknown[];
  /** Names the base scenario in messages. */
  source: string;
  traces: Map<string, ChurnTraceData | string>;
  baseSeed: number;
}

export interface CompareRun {
  index: number;
  strategy: number;
  replication: number;
  seed: number;
}

export interface CompareRunRecord extends CompareRun {
  status: 'ok' | 'failed';
  /** Empty when ok. */
  error: string;
  figures: RunFigures;
}

/**
 * Run index → (strategy, replication): replication-major, so adding replications appends indices and the runs
 * already done keep their numbers.
 */
export function compareRunAt(index: number, strategies: number, baseSeed: number): CompareRun {
  const replication = Math.floor(index / strategies);
  return { index, strategy: index % strategies, replication, seed: replicationSeed(baseSeed, replication) };
}

/** A run that gave no figures, and why. */
export const failedCompareRecord = (run: CompareRun, error: string): CompareRunRecord => ({ ...run, status: 'failed', error, figures: {} });

export function compareExecutor(input: CompareInput): (index: number) => CompareRunRecord {
  const scenarios = new Map<number, Scenario | string>();
  const scenarioOf = (s: number): Scenario | string => {
    if (!scenarios.has(s)) scenarios.set(s, batchScenario(input.variants[s], input.source, input.traces));
    return scenarios.get(s)!;
  };
  return (index) => {
    const run = compareRunAt(index, input.variants.length, input.baseSeed);
    const scenario = scenarioOf(run.strategy);
    if (typeof scenario === 'string') return failedCompareRecord(run, scenario);
    try {
      return { ...run, status: 'ok', error: '', figures: runFigures(simulate(scenario, { seed: run.seed }), scenario) };
    } catch (error) {
      return failedCompareRecord(run, failureLine(error));
    }
  };
}

export const compareJob = (input: CompareInput): RunJob<CompareInput> => ({ input, workerEntry: 'compare/compareProcess.js' });
