import type { RpoSummary, SimulationResult, VmSummary } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { FluidCompliance, fluidObstacle } from './fluidCompliance.js';
import { measuredScenario, type RpoMeasure } from './measuredScenario.js';
import { traceWriteCurve } from './traceWriteCurve.js';

/** The worst VM's compliance at one bandwidth, per measure. */
export type Compliances = Record<RpoMeasure, { compliance: number; vm: string }>;

/** How far a fluid compliance may be from the simulated one (a fraction of the observed time: 2.7 s a month). */
const AGREEMENT = 1e-6;

/**
 * The compliance at each uplink bandwidth plan asks about, evaluated once: exactly by the fluid model
 * (fluidCompliance) where it applies, else by one simulation, which gives both measures. `confirm` holds a
 * fluid evaluation against the simulation.
 */
export class ComplianceCache {
  readonly entries = new Map<number, Compliances>();
  simulations = 0;
  fluidEvaluations = 0;
  /** Why the fluid model is not used (null: it is, where the cache stays below throttling). */
  readonly notFluid: string | null;
  /** Bandwidths (wire bytes per second) at which a simulation confirmed the fluid model. */
  readonly confirmedAt: number[] = [];
  /** The first disagreement between the fluid model and a simulation, or null. */
  disagreement: string | null = null;
  /** The fluid model, when it applies to the scenario (some bandwidths may still need a simulation). */
  private readonly fluid: FluidCompliance | null;
  private readonly fluidWires = new Set<number>();

  constructor(
    private readonly base: Scenario,
    private readonly rpoSec: number,
    private readonly seed: number,
    fluid: boolean,
  ) {
    this.notFluid = fluid ? fluidObstacle(measuredScenario(base, rpoSec, 1)) : 'turned off';
    this.fluid = this.notFluid === null ? new FluidCompliance(traceWriteCurve(base.vms[0]!.churn, base.horizonSec)!) : null;
  }

  at(wire: number): Compliances {
    let entry = this.entries.get(wire) ?? this.fluidAt(wire);
    if (entry === undefined) {
      entry = compliances(this.simulate(measuredScenario(this.base, this.rpoSec, wire)));
      this.entries.set(wire, entry);
    }
    return entry;
  }

  /** The fluid model's answer at `wire` (cached), or undefined where it does not answer. */
  private fluidAt(wire: number): Compliances | undefined {
    if (this.fluidWires.has(wire)) return this.entries.get(wire);
    const scenario = measuredScenario(this.base, this.rpoSec, wire);
    const fluid = this.fluid?.of(scenario) ?? null;
    if (fluid === null) return undefined;
    const vm = scenario.vms[0]!.name;
    const entry = { lag: { compliance: fluid.lag, vm }, 'recovery-point': { compliance: fluid.recoveryPoint, vm } };
    this.fluidEvaluations++;
    this.fluidWires.add(wire);
    this.entries.set(wire, entry);
    return entry;
  }

  /**
   * One simulation of a measured scenario (measuredScenario), counted; without the lag, when it is not needed;
   * with each day's peak, when asked.
   */
  simulate(scenario: Scenario, measureLag = true, dailyPeaks = false): SimulationResult {
    this.simulations++;
    return simulate(scenario, { seed: this.seed, measureLag, dailyPeaks });
  }

  /**
   * Whether a simulation at `wire` agrees with the fluid model there (a simulation given by the caller, compared on
   * the measures it has, or one run here); true where the fluid model does not answer. A disagreement is kept,
   * to be reported.
   */
  confirm(wire: number, result?: SimulationResult): boolean {
    const fluid = this.entries.has(wire) && !this.fluidWires.has(wire) ? undefined : this.fluidAt(wire);
    if (fluid === undefined) return true;
    const run = result ?? this.simulate(measuredScenario(this.base, this.rpoSec, wire));
    const measures = run.vms.every((vm) => vm.lag !== undefined) ? (['lag', 'recovery-point'] as const) : (['recovery-point'] as const);
    const differs = measures.find((m) => !(Math.abs(worstVm(run, m).compliance - fluid[m].compliance) <= AGREEMENT));
    if (differs === undefined) {
      this.confirmedAt.push(wire);
      return true;
    }
    this.disagreement = `at ${mbps(wire)} the ${differs} compliance is ${worstVm(run, differs).compliance} simulated, ${fluid[differs].compliance} fluid`;
    return false;
  }
}

/** A wire bandwidth in bytes per second as Mbps, to 0.01 (for messages). */
export const mbps = (wireBytesPerSec: number): string => `${+((wireBytesPerSec * 8) / 1e6).toFixed(2)} Mbps`;

/** The RPO or lag summary of a VM in a run made with measureLag. */
export function measured(vm: VmSummary, measure: RpoMeasure): RpoSummary {
  return measure === 'lag' ? vm.lag! : vm.rpo;
}

/** The compliance of a run: the worst VM's fraction of time at or under the threshold (no point yet = 0), and that VM. */
export function worstVm(result: SimulationResult, measure: RpoMeasure): { compliance: number; vm: string } {
  const fraction = (vm: VmSummary) => measured(vm, measure).fractionWithinThreshold ?? 0;
  const worst = result.vms.reduce((a, b) => (fraction(b) < fraction(a) ? b : a));
  return { compliance: fraction(worst), vm: worst.name };
}

const compliances = (result: SimulationResult): Compliances => ({ lag: worstVm(result, 'lag'), 'recovery-point': worstVm(result, 'recovery-point') });
