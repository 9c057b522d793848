// plan's answers are the same whether it bisects with the fluid model (confirmed by simulation) or simulates every
// bandwidth, on the shipped traces (the 2-day CSV alone, and the scenarios that replay a trace: looped, scaled,
// an MSR block trace, with warm-ups): within the bisection's precision (0.5% of the answer), for every target and
// both measures.
import { expect, test } from 'vitest';
import { loadScenario } from '../../src/io/loadScenario.js';
import { readChurnTrace } from '../../src/io/readChurnTrace.js';
import { plan, type PlanReport } from '../../src/plan/plan.js';
import { traceScenario } from '../../src/plan/traceScenario.js';

const RELATIVE_PRECISION = 5e-3;
const options = { rpoSec: 900, compliances: [1, 0.99, 0.9], measure: 'recovery-point' as const, bandwidthBytesPerSec: 100e6 / 8, initialReplicationGoalSec: 72 * 3600, seed: 1 };

const answers = (report: PlanReport) => report.targets.flatMap((t) => [t.lag_bandwidth_bits_per_s, t.recovery_point_bandwidth_bits_per_s]);

const load = async (file: string) => (file.endsWith('.csv') ? traceScenario(file, await readChurnTrace(file), 0) : loadScenario(file));

test.each(['scenarios/traces/synthetic-2d.csv', 'scenarios/synthetic-trace.yaml', 'scenarios/synthetic-msr.yaml'])('plan(%s) answers the same with and without the fluid model', async (file) => {
  const scenario = await load(file);
  const fluid = plan(scenario, options);
  const simulated = plan(scenario, { ...options, fluid: false });
  expect(fluid.fluid_evaluations).toBeGreaterThan(20);
  expect(simulated.fluid_evaluations).toBe(0);
  expect(fluid.simulations).toBeLessThan(simulated.simulations / 5);
  expect(fluid.fluid_model).toMatch(/^used, and agrees with the simulation at [\d.]+ Mbps and 100 Mbps$/);
  const [a, b] = [answers(fluid), answers(simulated)];
  expect(a.every((x) => x !== null)).toBe(true);
  a.forEach((x, i) => expect(Math.abs(x! - b[i]!)).toBeLessThanOrEqual(RELATIVE_PRECISION * Math.max(x!, b[i]!)));
  // The rest of the report is the same, but for the rules' compliance (the fluid model's, exact to 1e-6).
  const rest = (report: PlanReport) => ({ ...report, targets: null, rules_of_thumb: null, simulations: 0, fluid_evaluations: 0, fluid_model: '' });
  expect(rest(fluid)).toEqual(rest(simulated));
  fluid.rules_of_thumb.forEach((rule, i) => expect(rule.compliance).toBeCloseTo(simulated.rules_of_thumb[i]!.compliance, 6));
});
