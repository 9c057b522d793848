// One run: build the variant scenario for its point, validate it like any scenario, simulate, summarise.
// Runs inside a sweep worker process (sweepProcess.ts); the record depends only on (sweep, run index).
import { formatIssues } from '../scenario/issues.js';
import { parseScenario } from '../scenario/parse.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import { simulate } from '../simulate.js';
import { setAtPath } from './axisPath.js';
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

export function executeRun(sweep: PreparedSweep, index: number): RunRecord {
  const run = runAt(index, sweep.spec.replications, sweep.baseSeed);
  const failed = (error: string) => failedRecord(run, error);
  const variant = variantRaw(sweep, run.point);
  if (!variant.ok) return failed(variant.error);
  const parsed = parseScenario(variant.raw, { source: sweep.spec.base, traces: sweep.traces });
  // One line: the error lands in a CSV cell.
  if (!parsed.ok) return failed(formatIssues(parsed.errors).replace(/\n/g, '; '));
  try {
    const result = simulate(parsed.scenario, { seed: run.seed });
    return { ...run, status: 'ok', error: '', rows: runRows(result, parsed.scenario.failover.choices, parsed.scenario.disasters.dwellSec) };
  } catch (error) {
    // The message only: a stack would differ between machines and break byte-identical outputs.
    return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/** The sweep's runs, as a worker process executes them. */
export function sweepExecutor(input: SweepInput): (index: number) => RunRecord {
  const sweep = prepareSweep(input);
  return (index) => executeRun(sweep, index);
}

export const sweepJob = (input: SweepInput): RunJob<SweepInput> => ({ input, workerEntry: 'sweep/sweepProcess.js' });
