import { replicationSeed } from './engine/replicationSeed.js';
import { estimateMean, type Estimate } from './metrics/confidenceInterval.js';
import { failoversOfChoice } from './metrics/failoverTable.js';
import type { FailoverRecord, PrecisionMetric, SimulateOptions, SimulationResult } from './metrics/types.js';
import type { FailoverChoice, Scenario } from './scenario/types.js';
import { simulate } from './simulate.js';

/** The figures `--metric` can name, each read from a failover record (null: the choice had no point there). */
export const PRECISION_METRICS: Record<PrecisionMetric, (record: FailoverRecord) => number | null> = {
  'data-loss-sec': (r) => r.dataLossSec,
  'data-loss-bytes': (r) => r.dataLossBytes,
  'downtime-sec': (r) => r.downtimeSec,
};

/** The options ask for an estimate the scenario cannot give (a choice it lacks, or one that never has a point). */
export class PrecisionInputError extends Error {}

export interface PrecisionOptions {
  seed: number;
  /** Target half-width of the 95% CI of the mean, relative to the mean; e.g. 0.05. */
  relativeHalfWidth: number;
  /** The figure whose mean is driven to the target (default data-loss-sec). */
  metric?: PrecisionMetric;
  /** The failover choice it is taken from (default: see defaultPrecisionChoice). */
  choice?: FailoverChoice;
  /** Cap on replications (default 64). */
  maxReplications?: number;
  /** Receives the first replication's timeseries samples (see SimulateOptions.onSample). */
  onSample?: SimulateOptions['onSample'];
}

export interface PrecisionRun {
  /** The first replication's full result (seed = replicationSeed(seed, 0)). */
  result: SimulationResult;
  metric: PrecisionMetric;
  choice: FailoverChoice;
  /** The metric's mean over disasters × VMs for the choice, per replication, over the replications: estimate and 95% CI. */
  estimate: Estimate;
  relativeHalfWidth: number;
  met: boolean;
  replications: number;
  maxReplications: number;
}

/**
 * Adds independent replications (seeds derived from the run's seed), doubling from 4, until the mean of the
 * metric for the choice (over all VMs and disasters at which the choice had a point) has a 95% CI within the
 * target, or the cap is reached. Replications, not more disasters in one run: disasters in one run see the same
 * backlog history, so beyond a point they add no information (measured: 400 → 6,400 disasters on a 3-day run
 * left the CI at ±55%). Deterministic for a seed; an extended run keeps its first replications. Throws a
 * PrecisionInputError when the choice is not among the scenario's or never has a recovery point (nothing to estimate).
 */
export function simulateToPrecision(scenario: Scenario, options: PrecisionOptions): PrecisionRun {
  const cap = options.maxReplications ?? 64;
  const metric = options.metric ?? 'data-loss-sec';
  const choices = scenario.failover.choices;
  if (options.choice !== undefined && !choices.includes(options.choice)) {
    throw new PrecisionInputError(`the choice ${options.choice} is not among the scenario's failover choices (${choices.join(', ')})`);
  }
  const first = simulate(scenario, { seed: replicationSeed(options.seed, 0), onSample: options.onSample });
  const choice = options.choice ?? defaultPrecisionChoice(first, choices, metric);
  const perReplication: number[] = [];
  const add = (result: SimulationResult) => {
    const m = meanOf(result, choice, metric);
    if (m !== null) perReplication.push(m);
  };
  add(first);
  let replications = 1;
  let target = Math.min(4, cap);
  for (;;) {
    for (; replications < target; replications++) add(simulate(scenario, { seed: replicationSeed(options.seed, replications), onSample: discardSample }));
    if (perReplication.length === 0) {
      throw new PrecisionInputError(`the choice ${choice} had no recovery point at any disaster in ${replications} replications: nothing to estimate`);
    }
    const estimate = estimateMean(perReplication, { atLeast: 0 });
    const half = estimate.halfWidth;
    const relative = estimate.mean === 0 ? (half === 0 ? 0 : Infinity) : half / Math.abs(estimate.mean);
    const met = relative <= options.relativeHalfWidth;
    if (met || target >= cap) {
      return { result: first, metric, choice, estimate, relativeHalfWidth: relative, met, replications, maxReplications: cap };
    }
    target = Math.min(cap, target * 2);
  }
}

/** Only the first replication's timeseries is written: the others' samples need not be held. */
const discardSample = (): void => {};

/**
 * The choice whose mean is worth estimating: the first whose mean in the first replication is not 0 (a target
 * relative to a mean of 0 says nothing), trying latest-processed first when the scenario has it (its data loss
 * is the one a user weighs; latest's is often 0), then the scenario's order.
 */
export function defaultPrecisionChoice(first: SimulationResult, choices: readonly FailoverChoice[], metric: PrecisionMetric): FailoverChoice {
  const ordered: FailoverChoice[] = choices.includes('latest-processed') ? ['latest-processed', ...choices] : [...choices];
  return ordered.find((choice) => (meanOf(first, choice, metric) ?? 0) !== 0) ?? ordered[0]!;
}

/** The metric's mean over a run's failovers of one choice; null when the choice never had a point. */
function meanOf(result: SimulationResult, choice: FailoverChoice, metric: PrecisionMetric): number | null {
  const read = PRECISION_METRICS[metric];
  let sum = 0;
  let count = 0;
  for (const record of failoversOfChoice(result.failovers, choice)) {
    const value = read(record);
    if (value !== null) (sum += value), count++;
  }
  return count === 0 ? null : sum / count;
}
