import { expect, test } from 'vitest';
import { failoverFigures, figures } from '../../src/io/failoverFigures.js';
import { resultFixture } from '../fixtures/simulationResult.js';

test('figures(values) ignores nulls (no recovery point is not zero loss)', () => {
  expect(figures([null, 10, 20, null])).toEqual({ mean: 15, p95: 19.5, max: 20, ci95: null });
});

test('figures(values) without any number is all null', () => {
  expect(figures([null])).toEqual({ mean: null, p95: null, max: null, ci95: null });
});

test('failoverFigures(records) groups by choice over all VMs, in canonical choice order', () => {
  const [latest, appConsistent] = failoverFigures(resultFixture().failovers);
  expect(latest).toMatchObject({ choice: 'latest', available: 2, total: 2 });
  expect(latest!.dataLossSec).toEqual({ mean: 270, p95: 432, max: 450, ci95: null });
  expect(appConsistent).toMatchObject({ choice: 'latest-app-consistent', available: 0, total: 2 });
  expect(appConsistent!.dataLossSec).toEqual({ mean: null, p95: null, max: null, ci95: null });
});
