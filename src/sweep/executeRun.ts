// One run: build the variant scenario for its point, validate it like any scenario, simulate, summarise.
// Runs inside a sweep worker process (sweepProcess.ts); the record depends only on (sweep, run index).
import type { ChurnTraceData } from '../scenario/traceData.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { setAtPath } from './axisPath.js';
import { batchScenario, failureLine } from './batchScenario.js';
import { runAt, sweepLayout, type Run, type SweepLayout } from './design.js';
import { runRows, type RunRecord } from './runRecord.js';
import type { RunJob } from './runProcesses.js';
import type { SweepSpec } from './spec.js';

/** Everything a run needs, as plain structured-cloneable data (sent once to each worker). */
export interface SweepInput {
  spec: SweepSpec;
  /** The spec's seed, or the base scenario's when the spec has none. */
  baseSeed: number;
  /** The base scenario as parsed from YAML, before validation. */
  baseRaw: unknown;
  /** Trace files the base refers to, read once, keyed as the base names them. */
  traces: Map<string, ChurnTraceData | string>;
}

export type PreparedSweep = SweepInput & SweepLayout;

export function prepareSweep(input: SweepInput): PreparedSweep {
  return { ...input, ...sweepLayout(input.spec, input.baseSeed) };
}

/** The raw base with the spec's fixed settings and the point's axis values applied, or why it cannot be. */
export function variantRaw(sweep: PreparedSweep, point: number): { ok: true; raw: unknown } | { ok: false; error: string } {
  const raw = structuredClone(sweep.baseRaw);
  const settings = [
    ...sweep.spec.set,
    ...sweep.spec.axes.map((axis, i) => ({ path: axis.path, segments: axis.segments, value: sweep.points[point]![i] })),
  ];
  for (const { path, segments, value } of settings) {
    const problem = setAtPath(raw, segments, value);
    if (problem !== null) return { ok: false, error: `${path}: ${problem}` };
  }
  return { ok: true, raw };
}

/** A run that gave no result, and why. */
export const failedRecord = (run: Run, error: string): RunRecord => ({ ...run, status: 'failed', error, rows: [] });

/** A point's scenario, validated, or why it cannot be run. */
function pointScenario(sweep: PreparedSweep, point: number): Scenario | string {
  const variant = variantRaw(sweep, point);
  return variant.ok ? batchScenario(variant.raw, sweep.spec.base, sweep.traces) : variant.error;
}

/** Run `index` of the sweep, on its point's scenario (`scenarioOf` may hand back one it already parsed: simulate never changes it). */
export function executeRun(sweep: PreparedSweep, index: number, scenarioOf = (point: number) => pointScenario(sweep, point)): RunRecord {
  const run = runAt(index, sweep.spec.replications, sweep.baseSeed);
  const scenario = scenarioOf(run.point);
  if (typeof scenario === 'string') return failedRecord(run, scenario);
  try {
    const result = simulate(scenario, { seed: run.seed });
    return { ...run, status: 'ok', error: '', rows: runRows(result, scenario.failover.choices, scenario.disasters.dwellSec) };
  } catch (error) {
    return failedRecord(run, failureLine(error));
  }
}

/**
 * The sweep's runs, as a worker process executes them. A point's runs have consecutive indices (its
 * replications), so the last point's scenario is kept: parsing and validating it cost as much as simulating
 * a day of the small site (2.2 of the 5.5 ms a run took in the bench's sweep), and every replication repeated it.
 */
export function sweepExecutor(input: SweepInput): (index: number) => RunRecord {
  const sweep = prepareSweep(input);
  let last: { point: number; scenario: Scenario | string } | null = null;
  const scenarioOf = (point: number) => {
    if (last?.point !== point) last = { point, scenario: pointScenario(sweep, point) };
    return last.scenario;
  };
  return (index) => executeRun(sweep, index, scenarioOf);
}

export const sweepJob = (input: SweepInput): RunJob<SweepInput> => ({ input, workerEntry: 'sweep/sweepProcess.js' });
