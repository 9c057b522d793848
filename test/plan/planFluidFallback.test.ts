// When the simulation does not confirm the fluid model, plan says so and simulates every bandwidth instead: its
// answers are then those of plan without the fluid model. (The fluid model is made wrong here on purpose.)
import { expect, test, vi } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { traceScenario } from '../../src/plan/traceScenario.js';

vi.mock('../../src/plan/fluidCompliance.js', async (importActual) => {
  const actual = await importActual<typeof import('../../src/plan/fluidCompliance.js')>();
  class WrongByOnePercent extends actual.FluidCompliance {
    override of(...args: Parameters<InstanceType<typeof actual.FluidCompliance>['of']>) {
      const right = super.of(...args);
      return right === null ? null : { lag: right.lag * 0.99, recoveryPoint: right.recoveryPoint * 0.99 };
    }
  }
  return { ...actual, FluidCompliance: WrongByOnePercent };
});

const startsSec = Array.from({ length: 6 * 60 }, (_, i) => i * 60);
const bytes = startsSec.map((_, i) => 60e6 * (i >= 120 && i < 180 ? 8 : 1));
const scenario = traceScenario('test.csv', { startsSec, bytes }, 0);
const options = { rpoSec: 900, compliances: [0.99, 0.9], measure: 'recovery-point' as const, bandwidthBytesPerSec: null, initialReplicationGoalSec: 72 * 3600, seed: 1 };

test('plan(scenario) falls back to simulating every bandwidth when the simulation disagrees with the fluid model', () => {
  const report = plan(scenario, options);
  expect(report.fluid_model).toMatch(/^not used: it disagreed with the simulation \(at .* Mbps the (lag|recovery-point) compliance is /);
  expect(report.fluid_evaluations).toBe(0);
  const simulated = plan(scenario, { ...options, fluid: false });
  expect(simulated.fluid_model).toBe('not used: turned off');
  expect(report.targets).toEqual(simulated.targets);
});
