import { expect, test } from 'vitest';
import { simulateToPrecision } from '../src/simulateToPrecision.js';
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
  expect(again.meanDataLossBytes).toEqual(run.meanDataLossBytes);
});

test('simulateToPrecision stops at the cap and says the target was not met', () => {
  const run = simulateToPrecision(scenario, { seed: 5, relativeHalfWidth: 1e-6, maxReplications: 8 });
  expect(run.met).toBe(false);
  expect(run.replications).toBe(8);
});
