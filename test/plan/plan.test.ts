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
  expect(Math.abs(full.bandwidth_bits_per_s! / exact - 1)).toBeLessThan(0.01);
  // A lower compliance never needs more bandwidth.
  expect(report.targets.find((t) => t.compliance === 0.9)!.bandwidth_bits_per_s!).toBeLessThanOrEqual(full.bandwidth_bits_per_s!);
});

test('the recovery-point measure needs more than the lag measure, and the entry has rpo_s, compliance, bandwidth', () => {
  const report = plan(scenario, { ...options, measure: 'recovery-point' });
  const ninety = report.targets.find((t) => t.compliance === 0.9)!;
  expect(ninety.recovery_point_bandwidth_bits_per_s).toBeGreaterThan(ninety.lag_bandwidth_bits_per_s!);
  expect(ninety).toMatchObject({ rpo_s: 900, compliance: 0.9, unachievable: null });
  expect(ninety.initial_replication_s).toBeCloseTo(100e9 / (ninety.bandwidth_bits_per_s! / 8), 6);
  expect(report.achievable!.max_s).not.toBeNull();
  // A 200 MB/s spike writes 12 GB in a minute; applied at 20 MB/s it takes 10 minutes, and its point is usable
  // 5 minutes after that: its RPO passes 15m whatever the bandwidth. (The floor, 5m + 5m, is below R.)
  const full = report.targets.find((t) => t.compliance === 1)!;
  expect(full.bandwidth_bits_per_s).toBeNull();
  expect(full.unachievable).toMatchObject({ worst_vm: 'vm', floor_rpo_s: 600, worst_vm_apply_bytes_per_s: 20e6 });
  expect(full.unachievable!.best_compliance).toBeLessThan(1);
});

// Worked by hand: 1 MB/s of churn passes straight through at any bandwidth that carries it, and is applied at
// once (the apply rate is 20 MB/s), so a point is usable exactly D = 5m after its tag and tags come every
// T = 5m: the RPO is uniform on [5m, 10m). At R = 8m the best any bandwidth gives is (8 − 5) / 5 = 60%;
// q needs R ≥ D + q·T, so 50% is reachable and 70% (floor 8m 30s) and 100% (floor 10m) are not.
const quietBytes = Array.from({ length: 2 * 24 * 60 }, () => 60e6);
const quiet = traceScenario('quiet.csv', { startsSec: quietBytes.map((_, i) => i * 60), bytes: quietBytes }, 0);
const quietOptions = { ...options, rpoSec: 480, bandwidthBytesPerSec: null, measure: 'recovery-point' as const };

test('plan(scenario) says a recovery-point target below delay + q × point interval is unachievable, worked by hand', () => {
  const report = plan(quiet, { ...quietOptions, compliances: [1, 0.7, 0.5] });
  const [full, seventy, half] = report.targets;
  for (const [target, floorSec] of [[full!, 600], [seventy!, 510]] as const) {
    expect(target.bandwidth_bits_per_s).toBeNull();
    expect(target.recovery_point_bandwidth_bits_per_s).toBeNull();
    expect(target.unachievable).toMatchObject({ worst_vm: 'vm', floor_rpo_s: floorSec });
    expect(target.unachievable!.best_compliance).toBeCloseTo(0.6, 2);
  }
  expect(half!.unachievable).toBeNull();
  expect(half!.bandwidth_bits_per_s).toBeGreaterThan(8e6); // at least the churn, 1 MB/s
  // The lag measure has no such floor: the lag of a pass-through stream is 0.
  expect(full!.lag_bandwidth_bits_per_s).not.toBeNull();
});

test('plan(scenario) with --bandwidth lists the exact peak of each day after the warm-up, and no day for the horizon', () => {
  const report = plan(quiet, { ...quietOptions, compliances: [0.5], bandwidthBytesPerSec: 10e6 });
  // The RPO climbs from D = 5m to D + T = 10m, its top just before each point is usable: 600 s every day.
  expect(report.achievable!.peak_per_day_s).toHaveLength(2);
  for (const peak of report.achievable!.peak_per_day_s) expect(peak).toBeCloseTo(600, 6);
  expect(report.achievable!.vm).toBe('vm');
});

test('plan(scenario) caps its "unlimited" bandwidth at the largest rate a scenario may hold (1 PB/s)', () => {
  // 1000 × a VM's max rate of 10 TB/s would be refused as the measured scenario's uplink and process server.
  const huge = { ...quiet, vms: quiet.vms.map((vm) => ({ ...vm, maxReplicationBytesPerSec: 1e13 })) };
  const report = plan(huge, { ...quietOptions, compliances: [0.5] });
  expect(report.unlimited_bandwidth_bits_per_s).toBe(1e15 * 8);
  // The same answer as with the VM's usual limits: neither limit holds 1 MB/s back.
  expect(report.targets[0]!.bandwidth_bits_per_s).toBe(plan(quiet, { ...quietOptions, compliances: [0.5] }).targets[0]!.bandwidth_bits_per_s);
});
