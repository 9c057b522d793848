// plan on a deterministic trace: with the lag measure the 100% answer is c* within 1% (issue 3), and the
// default measure (5-min points + 5-min processing delay) asks for more.
import { expect, test } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { traceScenario } from '../../src/plan/traceScenario.js';

const minutes = 6 * 60;
const startsSec = Array.from({ length: minutes }, (_, i) => i * 60);
// A quiet base with a one-hour busy block and a few spikes: 1 MB/s base, 20 MB/s busy, 200 MB/s spikes.
const bytes = startsSec.map((_, i) => 60 * 1e6 * (i >= 120 && i < 180 ? 20 : i % 97 === 5 ? 200 : 1));
const scenario = traceScenario('test.csv', { startsSec, bytes }, 100e9);

const options = { rpoSec: 900, compliances: [1, 0.9], bandwidthBytesPerSec: 50e6 / 8 * 8, initialReplicationGoalSec: 72 * 3600, seed: 1 };

test('with --measure lag, the 100% bandwidth agrees with the exact c* within 1%', () => {
  const report = plan(scenario, { ...options, measure: 'lag' });
  const exact = report.exact_lag_bandwidth_bits_per_s!;
  const full = report.targets.find((t) => t.compliance === 1)!;
  expect(Math.abs(full.bandwidth_bits_per_s / exact - 1)).toBeLessThan(0.01);
  // A lower compliance never needs more bandwidth.
  expect(report.targets.find((t) => t.compliance === 0.9)!.bandwidth_bits_per_s).toBeLessThanOrEqual(full.bandwidth_bits_per_s);
});

test('the recovery-point measure needs more than the lag measure, and the entry has rpo_s, compliance, bandwidth', () => {
  const report = plan(scenario, { ...options, measure: 'recovery-point' });
  const full = report.targets.find((t) => t.compliance === 1)!;
  expect(full.recovery_point_bandwidth_bits_per_s).toBeGreaterThan(full.lag_bandwidth_bits_per_s);
  expect(full).toMatchObject({ rpo_s: 900, compliance: 1 });
  expect(full.initial_replication_s).toBeCloseTo(100e9 / (full.bandwidth_bits_per_s / 8), 6);
  expect(report.achievable!.max_s).not.toBeNull();
});
