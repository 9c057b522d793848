import { failoverRecords } from '../src/metrics/failoverTable.js';
import { expect, test } from 'vitest';
import { defaultPrecisionChoice, PrecisionInputError, simulateToPrecision } from '../src/simulateToPrecision.js';
import { simulate } from '../src/simulate.js';
import { scenarioFixture, vmFixture } from './helpers/scenarioFixture.js';

// Bursty churn into a link just above its mean: data loss at random disasters varies a lot between runs.
const scenario = scenarioFixture({
  horizonSec: 3 * 86_400,
  vms: [vmFixture({}, [{ kind: 'onOff', peakBytesPerSec: 20e6, meanOnSec: 600, meanOffSec: 1800 }])],
  uplinks: [{ name: 'wan', bandwidthBytesPerSec: 6e6, outages: { windows: [], random: null } }],
  disasters: { timesSec: [], randomCount: 50 },
});

test('simulateToPrecision adds replications until the mean-loss CI meets the target, deterministically', () => {
  const run = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 0.2 });
  expect(run.met).toBe(true);
  expect(run.relativeHalfWidth).toBeLessThanOrEqual(0.2);
  expect(run.replications).toBeGreaterThan(4); // 4 replications were not enough on this scenario
  const again = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 0.2 });
  expect(again.estimate).toEqual(run.estimate);
});

test('simulateToPrecision stops at the cap and says the target was not met', () => {
  const run = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 1e-6, maxReplications: 8 });
  expect(run.met).toBe(false);
  expect(run.replications).toBe(8);
});

test('simulateToPrecision estimates the metric and choice asked for: with one replication, their plain mean', () => {
  const run = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 0.2, metric: 'downtime-sec', choice: 'latest', maxReplications: 1 });
  const downtimes = failoverRecords(run.result.failovers).filter((f) => f.choice === 'latest').map((f) => f.downtimeSec!);
  expect(run).toMatchObject({ metric: 'downtime-sec', choice: 'latest', replications: 1, met: false });
  expect(run.estimate.mean).toBeCloseTo(downtimes.reduce((a, b) => a + b, 0) / downtimes.length, 9);
});

test('simulateToPrecision by default drives a figure whose mean is not 0: latest-processed data loss in seconds', () => {
  const run = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 0.5, maxReplications: 4 });
  expect(run).toMatchObject({ metric: 'data-loss-sec', choice: 'latest-processed' });
  expect(run.estimate.mean).toBeGreaterThan(300); // at least the 5-minute processing delay
});

test('defaultPrecisionChoice skips a choice whose mean is 0 (latest on a link far above the churn)', () => {
  const quiet = scenarioFixture({ failover: { ...scenarioFixture().failover, choices: ['latest', 'latest-app-consistent'] } });
  const first = simulate(quiet, { seed: 1 });
  expect(failoverRecords(first.failovers).filter((f) => f.choice === 'latest').every((f) => f.dataLossSec === 0)).toBe(true);
  expect(defaultPrecisionChoice(first, quiet.failover.choices, 'data-loss-sec')).toBe('latest-app-consistent');
});

test('simulateToPrecision refuses a choice the scenario does not evaluate', () => {
  expect(() => simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 0.2, choice: 'latest-multi-vm-processed' })).toThrow(PrecisionInputError);
});
