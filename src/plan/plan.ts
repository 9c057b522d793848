import type { RpoSummary, SimulationResult, VmSummary } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { type Bracket, findBandwidth } from './findBandwidth.js';
import { measuredScenario, type RpoMeasure } from './measuredScenario.js';
import { cumulativeWrites, minimumLagCapacity } from './minimumLagCapacity.js';
import { scenarioTraceRate } from './traceRate.js';

export interface PlanOptions {
  rpoSec: number;
  /** Fractions of time the RPO must be at or under rpoSec, 0–1. */
  compliances: number[];
  measure: RpoMeasure;
  /** Also report the RPO achievable at this uplink bandwidth (bytes per second on the wire). */
  bandwidthBytesPerSec: number | null;
  initialReplicationGoalSec: number;
  seed: number;
}

export interface PlanTarget {
  rpo_s: number;
  compliance: number;
  measure: RpoMeasure;
  /** Smallest uplink bandwidth meeting the target with the chosen measure. */
  bandwidth_bits_per_s: number;
  /** The same target with the other measure, for comparison. */
  lag_bandwidth_bits_per_s: number;
  recovery_point_bandwidth_bits_per_s: number;
  /** Process-server throughput needed (source bytes per second): in series with the uplink, it must pass as much. */
  process_server_bytes_per_s: number;
  initial_replication_s: number | null;
  initial_replication_within_goal: boolean | null;
}

export interface RuleOfThumb {
  rule: string;
  bandwidth_bits_per_s: number;
  /** Fraction of time RPO ≤ R at that bandwidth (chosen measure). */
  compliance: number;
}

export interface Achievable {
  bandwidth_bits_per_s: number;
  measure: RpoMeasure;
  p50_s: number | null;
  p95_s: number | null;
  p99_s: number | null;
  max_s: number | null;
  compliance: number;
  violations: number;
  /** Largest sampled RPO of each day (samples every minute). */
  peak_per_day_s: number[];
}

export interface PlanReport {
  scenario: string;
  rpo_s: number;
  /** c* = sup (bytes in [s,u]) / ((u−s) + R), on the wire; null when the churn is not made of traces. */
  exact_lag_bandwidth_bits_per_s: number | null;
  targets: PlanTarget[];
  rules_of_thumb: RuleOfThumb[];
  achievable: Achievable | null;
  initial_replication_goal_s: number;
  simulations: number;
}

const BITS = 8;
/** Bisection stops when the bracket is this narrow relative to its upper end (the answer). */
const RELATIVE_PRECISION = 5e-3;

export function plan(base: Scenario, options: PlanOptions): PlanReport {
  if (base.uplinks.length !== 1) throw new Error(`plan sizes one uplink; this scenario has ${base.uplinks.length}`);
  const compression = base.processServers[0]!.compressionRatio;
  const R = options.rpoSec;
  // One simulation per bandwidth gives the compliance with both measures; compliance grows with bandwidth,
  // so every evaluation also narrows the search for every other target.
  const cache = new Map<number, Record<RpoMeasure, number>>();
  const complianceAt = (measure: RpoMeasure, wire: number): number => {
    let entry = cache.get(wire);
    if (entry === undefined) {
      const result = simulate(measuredScenario(base, R, wire), { seed: options.seed, measureLag: true });
      entry = { lag: compliance(result, 'lag'), 'recovery-point': compliance(result, 'recovery-point') };
      cache.set(wire, entry);
    }
    return entry[measure];
  };
  const search = (measure: RpoMeasure, q: number, bracket: Bracket) =>
    findBandwidth((wire) => complianceAt(measure, wire) >= q, bracket, [...cache.keys()], RELATIVE_PRECISION);

  const rate = scenarioTraceRate(base);
  const exactLag = rate === null ? null : exactLagCapacity(rate.startsSec, rate.ratesBytesPerSec, rate.endSec, R) / compression;
  const meanWire = meanSourceRate(base, rate) / compression;
  const peakWire = rate === null ? 10 * meanWire : Math.max(...rate.ratesBytesPerSec) / compression;
  const usedDisk = base.vms.reduce((sum, vm) => sum + vm.usedDiskBytes, 0);

  // Brackets from what is already known: 100% with the lag measure is c* (checked by simulation on both
  // sides, within the precision), which also meets every lower target; the recovery-point RPO is never below
  // the lag, so the lag answer (less the precision) fails with it too. Targets go from the highest down.
  const lagAnswers = new Map<number, number>();
  for (const q of [...options.compliances].sort((a, b) => b - a)) {
    const bracket: Bracket =
      exactLag === null ? { lo: meanWire, hi: Math.max(peakWire, meanWire * 1.01) }
      : q === 1 ? { lo: exactLag * (1 - RELATIVE_PRECISION), hi: exactLag * (1 + RELATIVE_PRECISION) }
      : { lo: meanWire, hi: exactLag };
    lagAnswers.set(q, search('lag', q, bracket));
  }
  const targets = options.compliances.map((q): PlanTarget => {
    const lag = lagAnswers.get(q)!;
    const point = search('recovery-point', q, { lo: lag * (1 - RELATIVE_PRECISION), loChecked: true, hi: 2 * lag });
    const chosen = options.measure === 'lag' ? lag : point;
    const initial = usedDisk > 0 ? (usedDisk / compression) / chosen : null;
    return {
      rpo_s: R,
      compliance: q,
      measure: options.measure,
      bandwidth_bits_per_s: chosen * BITS,
      lag_bandwidth_bits_per_s: lag * BITS,
      recovery_point_bandwidth_bits_per_s: point * BITS,
      process_server_bytes_per_s: chosen * compression,
      initial_replication_s: initial,
      initial_replication_within_goal: initial === null ? null : initial <= options.initialReplicationGoalSec,
    };
  });

  const rules: RuleOfThumb[] = [{ rule: 'average churn', bandwidth_bits_per_s: meanWire * BITS, compliance: 0 }];
  if (rate !== null) {
    rules.push({ rule: 'planner: p95 churn + 30%', bandwidth_bits_per_s: (percentile(rate.ratesBytesPerSec, 0.95) * 1.3 / compression) * BITS, compliance: 0 });
  }
  for (const rule of rules) rule.compliance = complianceAt(options.measure, rule.bandwidth_bits_per_s / BITS);

  let achievable: Achievable | null = null;
  if (options.bandwidthBytesPerSec !== null) {
    const wire = options.bandwidthBytesPerSec;
    const result = simulate(measuredScenario(base, R, wire, 60), { seed: options.seed, measureLag: true });
    achievable = achievableAt(result, wire, options.measure);
  }
  return {
    scenario: base.name,
    rpo_s: R,
    exact_lag_bandwidth_bits_per_s: exactLag === null ? null : exactLag * BITS,
    targets,
    rules_of_thumb: rules,
    achievable,
    initial_replication_goal_s: options.initialReplicationGoalSec,
    simulations: cache.size + (achievable === null ? 0 : 1),
  };
}

/** The RPO or lag summary of a VM in a run made with measureLag. */
function measured(vm: VmSummary, measure: RpoMeasure): RpoSummary {
  return measure === 'lag' ? vm.lag! : vm.rpo;
}

/** The compliance of a run: the worst VM's fraction of time at or under the threshold (no point yet = 0). */
function compliance(result: SimulationResult, measure: RpoMeasure): number {
  return Math.min(...result.vms.map((vm) => measured(vm, measure).fractionWithinThreshold ?? 0));
}

export function exactLagCapacity(startsSec: number[], rates: number[], endSec: number, rpoSec: number): number {
  const { times, written } = cumulativeWrites(startsSec, rates, endSec);
  return minimumLagCapacity(times, written, rpoSec);
}

function meanSourceRate(base: Scenario, rate: ReturnType<typeof scenarioTraceRate>): number {
  if (rate !== null) {
    const { times, written } = cumulativeWrites(rate.startsSec, rate.ratesBytesPerSec, rate.endSec);
    return written[written.length - 1]! / times[times.length - 1]!;
  }
  const result = simulate({ ...base, disasters: { timesSec: [], randomCount: 0 }, output: { sampleIntervalSec: 0 } });
  return result.vms.reduce((sum, vm) => sum + vm.bytesWritten, 0) / base.horizonSec;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

function achievableAt(result: SimulationResult, wire: number, measure: RpoMeasure): Achievable {
  const fraction = (vm: VmSummary) => measured(vm, measure).fractionWithinThreshold ?? 0;
  const worst = [...result.vms].sort((a, b) => fraction(a) - fraction(b))[0]!;
  const summary = measured(worst, measure);
  const perDay: number[] = [];
  for (const sample of result.timeseries) {
    const value = measure === 'lag' ? sample.lagSec : sample.rpoSec;
    if (value === null || value === undefined || sample.vm !== worst.name) continue;
    const day = Math.floor(sample.timeSec / 86_400);
    perDay[day] = Math.max(perDay[day] ?? 0, value);
  }
  return {
    bandwidth_bits_per_s: wire * BITS,
    measure,
    p50_s: summary.p50,
    p95_s: summary.p95,
    p99_s: summary.p99,
    max_s: summary.max,
    compliance: summary.fractionWithinThreshold ?? 0,
    violations: (measure === 'lag' ? worst.lagAlerts! : worst.rpoAlerts).episodes,
    peak_per_day_s: Array.from(perDay, (v) => v ?? 0),
  };
}
