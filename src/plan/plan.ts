import type { SimulationResult } from '../metrics/types.js';
import { pointSpacingAtBestSec } from '../model/policies/index.js';
import { QUANTITY_LIMITS } from '../scenario/limits.js';
import type { OutageSpec, Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { ComplianceCache, type Compliances, mbps, measured, worstVm } from './complianceCache.js';
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
  /**
   * Evaluate bandwidths with the exact fluid model where it applies (fluidObstacle), checked by simulation at
   * one answer and at the achievable bandwidth (default true); false: simulate every bandwidth.
   */
  fluid?: boolean;
}

export interface PlanTarget {
  rpo_s: number;
  compliance: number;
  measure: RpoMeasure;
  /** Smallest uplink bandwidth meeting the target with the chosen measure; null: no bandwidth does (see unachievable). */
  bandwidth_bits_per_s: number | null;
  /** The same target with the other measure, for comparison (null: unachievable with it). */
  lag_bandwidth_bits_per_s: number | null;
  recovery_point_bandwidth_bits_per_s: number | null;
  /** Process-server throughput needed (source bytes per second): in series with the uplink, it must pass as much. */
  process_server_bytes_per_s: number | null;
  initial_replication_s: number | null;
  initial_replication_within_goal: boolean | null;
  /** Why no bandwidth meets the target with the chosen measure; null when one does. */
  unachievable: Unachievable | null;
}

/** A target that more bandwidth cannot reach. */
export interface Unachievable {
  /** The worst VM's compliance at a practically unlimited bandwidth (unlimited_bandwidth_bits_per_s): the best any bandwidth gives. */
  best_compliance: number;
  worst_vm: string;
  /** That VM's own limits, which bandwidth cannot lift (source bytes per second). */
  worst_vm_max_replication_bytes_per_s: number;
  worst_vm_apply_bytes_per_s: number;
  /** Whether its process server or the uplink has outages (no bandwidth shortens them). */
  outages: boolean;
  /**
   * The smallest RPO target that could allow the compliance q at all: with the recovery-point measure a point is
   * usable a processing delay D after its tag and tags come every T, so the RPO is at least D and exceeds D + q·T
   * a fraction 1 − q of the time even with nothing queued; 0 with the lag measure. When rpo_s is at or above
   * it, what holds the worst VM back is its own limits (max replication rate, apply rate) or outages.
   */
  floor_rpo_s: number;
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
  /** The VM these figures are of: the one with the lowest compliance. */
  vm: string;
  /** Largest RPO of the worst VM in each day after the warm-up, exact (a last partial day counts). */
  peak_per_day_s: number[];
}

export interface PlanReport {
  scenario: string;
  rpo_s: number;
  /** c* = sup (bytes in [s,u]) / ((u−s) + R), on the wire; null when the churn is not made of traces. */
  exact_lag_bandwidth_bits_per_s: number | null;
  /**
   * The churn kinds that are not traces (e.g. ["dailyProfile", "onOff"]): why c* and the planner's p95 rule are
   * missing (they need the write curve in advance). Empty when every churn component is a trace.
   */
  churn_not_from_traces: string[];
  /** Above this bandwidth nothing is limited by the uplink (1000 × the VMs' max replication rates, on the wire; at most 1 PB/s at the process server). */
  unlimited_bandwidth_bits_per_s: number;
  processing_delay_s: number;
  point_interval_s: number;
  targets: PlanTarget[];
  rules_of_thumb: RuleOfThumb[];
  achievable: Achievable | null;
  initial_replication_goal_s: number;
  /** Runs of the simulation: bandwidths the fluid model does not apply to, confirmations, the achievable run. */
  simulations: number;
  /** Bandwidths evaluated exactly by the fluid model instead of a simulation (fluidCompliance). */
  fluid_evaluations: number;
  /** Whether the fluid model was used, where the simulation confirmed it, or why it was not used. */
  fluid_model: string;
}

const BITS = 8;
/** Bisection stops when the bracket is this narrow relative to its upper end (the answer). */
const RELATIVE_PRECISION = 5e-3;
/**
 * "Unlimited" bandwidth, as a multiple of the VMs' summed max replication rates on the wire: above 1× the uplink
 * never holds data back except to drain a backlog left by an outage, which 1000× drains in seconds.
 */
const UNLIMITED_FACTOR = 1000;

export function plan(base: Scenario, options: PlanOptions): PlanReport {
  if (base.uplinks.length !== 1) throw new Error(`plan sizes one uplink; this scenario has ${base.uplinks.length}`);
  const report = planBy(base, options, options.fluid !== false);
  if (!('disagreement' in report)) return report;
  // A fluid answer the simulation does not confirm sends the whole plan back to simulation (and says so).
  return { ...(planBy(base, options, false) as PlanReport), fluid_model: `not used: it disagreed with the simulation (${report.disagreement})` };
}

/** The plan, evaluating bandwidths with the fluid model where it applies; a disagreement with the simulation stops it. */
function planBy(base: Scenario, options: PlanOptions, fluid: boolean): PlanReport | { disagreement: string } {
  const compression = base.processServers[0]!.compressionRatio;
  const R = options.rpoSec;
  // One evaluation per bandwidth gives the compliance with both measures; compliance grows with bandwidth,
  // so every evaluation also narrows the search for every other target.
  const cache = new ComplianceCache(base, R, options.seed, fluid);
  const evaluate = (wire: number): Compliances => cache.at(wire);
  const complianceAt = (measure: RpoMeasure, wire: number) => evaluate(wire)[measure].compliance;
  const search = (measure: RpoMeasure, q: number, bracket: Bracket) =>
    findBandwidth((wire) => complianceAt(measure, wire) >= q, bracket, [...cache.entries.keys()], RELATIVE_PRECISION);

  // What no bandwidth can do: a target the worst VM misses even at unlimited bandwidth is unachievable. That
  // run also caps every search from above (it is in the cache).
  // At most the largest rate a scenario may hold (1 PB/s, on the uplink and, times the compression, at the
  // process server): 1000× the max rates of some 18,500 VMs or more would be refused as a measured scenario.
  const summedMax = base.vms.reduce((sum, vm) => sum + vm.maxReplicationBytesPerSec, 0);
  const unlimited = Math.min(UNLIMITED_FACTOR * summedMax, QUANTITY_LIMITS.rate.max) / compression;
  const best = evaluate(unlimited);
  const pointIntervalSec = pointSpacingAtBestSec(base.policy);
  const delaySec = base.cloud.processingDelaySec;
  const unachievable = (measure: RpoMeasure, q: number): Unachievable | null => {
    if (best[measure].compliance >= q) return null;
    const vm = base.vms.find((v) => v.name === best[measure].vm)!;
    const ps = base.processServers.find((p) => p.name === vm.processServer)!;
    const hasOutages = (o: OutageSpec) => o.windows.length > 0 || o.random !== null;
    return {
      best_compliance: best[measure].compliance,
      worst_vm: vm.name,
      worst_vm_max_replication_bytes_per_s: vm.maxReplicationBytesPerSec,
      worst_vm_apply_bytes_per_s: vm.applyRateBytesPerSec,
      outages: hasOutages(ps.outages) || hasOutages(base.uplinks[0]!.outages),
      floor_rpo_s: measure === 'lag' ? 0 : delaySec + q * pointIntervalSec,
    };
  };

  const rate = scenarioTraceRate(base);
  const exactLag = rate === null ? null : exactLagCapacity(rate.startsSec, rate.ratesBytesPerSec, rate.endSec, R) / compression;
  const meanWire = meanSourceRate(base, rate) / compression;
  const peakWire = rate === null ? 10 * meanWire : rate.ratesBytesPerSec.reduce((a, b) => Math.max(a, b), 0) / compression;
  const usedDisk = base.vms.reduce((sum, vm) => sum + vm.usedDiskBytes, 0);

  // Brackets from what is already known: 100% with the lag measure is c* (checked on both sides, within the
  // precision), which also meets every lower target; the recovery-point RPO is never below the lag, so the lag
  // answer (less the precision) fails with it too. Targets go from the highest down.
  const lagAnswers = new Map<number, number | null>();
  for (const q of [...options.compliances].sort((a, b) => b - a)) {
    const bracket: Bracket =
      exactLag === null ? { lo: meanWire, hi: Math.max(peakWire, meanWire * 1.01) }
      : q === 1 ? { lo: exactLag * (1 - RELATIVE_PRECISION), hi: exactLag * (1 + RELATIVE_PRECISION) }
      : { lo: meanWire, hi: exactLag };
    lagAnswers.set(q, unachievable('lag', q) === null ? search('lag', q, bracket) : null);
  }
  const targets = options.compliances.map((q): PlanTarget => {
    const lag = lagAnswers.get(q)!;
    const point = lag === null || unachievable('recovery-point', q) !== null ? null
      : search('recovery-point', q, { lo: lag * (1 - RELATIVE_PRECISION), loChecked: true, hi: 2 * lag });
    const chosen = options.measure === 'lag' ? lag : point;
    const initial = usedDisk > 0 && chosen !== null ? (usedDisk / compression) / chosen : null;
    return {
      rpo_s: R,
      compliance: q,
      measure: options.measure,
      bandwidth_bits_per_s: bits(chosen),
      lag_bandwidth_bits_per_s: bits(lag),
      recovery_point_bandwidth_bits_per_s: bits(point),
      process_server_bytes_per_s: chosen === null ? null : chosen * compression,
      initial_replication_s: initial,
      initial_replication_within_goal: initial === null ? null : initial <= options.initialReplicationGoalSec,
      unachievable: unachievable(options.measure, q),
    };
  });

  const rules: RuleOfThumb[] = [{ rule: 'average churn', bandwidth_bits_per_s: meanWire * BITS, compliance: 0 }];
  if (rate !== null) {
    rules.push({ rule: 'planner: p95 churn + 30%', bandwidth_bits_per_s: (percentile(rate.ratesBytesPerSec, 0.95) * 1.3 / compression) * BITS, compliance: 0 });
  }
  for (const rule of rules) rule.compliance = complianceAt(options.measure, rule.bandwidth_bits_per_s / BITS);

  // The fluid model's answers rest on its equality with the simulation (test/plan/fluidCompliance.test.ts). One
  // simulation checks it on this scenario at the smallest answer (the lowest target's, where the RPO spends the
  // most time above R, so that most of the model is exercised), or at unlimited bandwidth when no target is
  // achievable (the verdicts rest on that evaluation); the achievable run checks it again at its bandwidth. A
  // simulation per answer would double plan's time (docs/plan.md).
  const answers = targets.flatMap((t) => (t.bandwidth_bits_per_s === null ? [] : [t.bandwidth_bits_per_s / BITS]));
  if (!cache.confirm(answers.length > 0 ? Math.min(...answers) : unlimited)) return { disagreement: cache.disagreement! };
  let achievable: Achievable | null = null;
  if (options.bandwidthBytesPerSec !== null) {
    const wire = options.bandwidthBytesPerSec;
    const result = cache.simulate(measuredScenario(base, R, wire), options.measure === 'lag', true);
    if (!cache.confirm(wire, result)) return { disagreement: cache.disagreement! };
    achievable = achievableAt(result, wire, options.measure);
  }
  return {
    scenario: base.name,
    rpo_s: R,
    exact_lag_bandwidth_bits_per_s: bits(exactLag),
    churn_not_from_traces: [...new Set(base.vms.flatMap((vm) => vm.churn.map((c) => c.kind)).filter((kind) => kind !== 'trace'))],
    unlimited_bandwidth_bits_per_s: unlimited * BITS,
    processing_delay_s: delaySec,
    point_interval_s: pointIntervalSec,
    targets,
    rules_of_thumb: rules,
    achievable,
    initial_replication_goal_s: options.initialReplicationGoalSec,
    simulations: cache.simulations,
    fluid_evaluations: cache.fluidEvaluations,
    fluid_model: cache.notFluid !== null ? `not used: ${cache.notFluid}`
      : `used, and agrees with the simulation at ${cache.confirmedAt.map(mbps).join(' and ')}`,
  };
}

const bits = (bytesPerSec: number | null): number | null => (bytesPerSec === null ? null : bytesPerSec * BITS);

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
  const worst = result.vms.find((vm) => vm.name === worstVm(result, measure).vm)!;
  const summary = measured(worst, measure);
  return {
    bandwidth_bits_per_s: wire * BITS,
    measure,
    p50_s: summary.p50,
    p95_s: summary.p95,
    p99_s: summary.p99,
    max_s: summary.max,
    compliance: summary.fractionWithinThreshold ?? 0,
    violations: (measure === 'lag' ? worst.lagAlerts! : worst.rpoAlerts).episodes,
    vm: worst.name,
    peak_per_day_s: summary.peakPerDaySec!,
  };
}
