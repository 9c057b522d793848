import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { expect, test } from 'vitest';
import { failoverFigures, figures } from '../../src/io/failoverFigures.js';
import { resultFixture } from '../fixtures/simulationResult.js';

test('figures(values) ignores nulls (no recovery point is not zero loss)', () => {
  expect(figures([null, 10, 20, null])).toEqual({ mean: 15, p95: 19.5, max: 20, ci95: null, halfWidth: null });
});

test('figures(values) without any number is all null', () => {
  expect(figures([null])).toEqual({ mean: null, p95: null, max: null, ci95: null, halfWidth: null });
});

test('failoverFigures(records) groups by choice over all VMs, in canonical choice order', () => {
  const [latest, appConsistent] = failoverFigures(failoverRecords(resultFixture().failovers));
  expect(latest).toMatchObject({ choice: 'latest', available: 2, total: 2 });
  expect(latest!.dataLossSec).toEqual({ mean: 270, p95: 432, max: 450, ci95: null, halfWidth: null });
  expect(appConsistent).toMatchObject({ choice: 'latest-app-consistent', available: 0, total: 2 });
  expect(appConsistent!.dataLossSec).toEqual({ mean: null, p95: null, max: null, ci95: null, halfWidth: null });
});

test('figures(values) gives the ± of its mean as the half-width before the low end was clipped at 0', () => {
  // 20 values in 10 batches of 2: nine batches lose nothing, one loses 1000 s on average. Batch means: nine 0
  // and one 1000, mean 100, standard deviation 1000/√10, standard error 100; t(9) = 2.262157.
  const values = [...Array.from({ length: 18 }, () => 0), 1000, 1000];
  const f = figures(values);
  expect(f.mean).toBe(100);
  expect(f.halfWidth).toBeCloseTo(226.2157, 3);
  expect(f.ci95![0]).toBe(0);
  expect(f.ci95![1]).toBeCloseTo(326.2157, 3);
});

test('figures(values) centres its interval on the mean of whole batches, so the ± is not its high end minus the mean (here -1)', () => {
  // 21 values: the last one is left out of the 10 batches of 2, so the interval is centred on 5, not on the
  // mean of all values; the ± is still the batches' half-width (their standard deviation is 0 here).
  const f = figures([...Array.from({ length: 20 }, () => 5), 26]);
  expect(f.mean).toBe(6);
  expect(f.ci95).toEqual([5, 5]);
  expect(f.halfWidth).toBe(0);
});
