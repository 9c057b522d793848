import { expect, test } from 'vitest';
import { CI_MIN_VALUES, meanCi95, sampleStats } from '../../src/metrics/sampleStats.js';

test('sampleStats(values) gives no CI below the minimum count, and a CI around the mean above it', () => {
  expect(sampleStats([1, 2, 3]).ci95).toBeNull();
  const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 11);
  const stats = sampleStats(values);
  expect(stats.ci95![0]).toBeLessThan(stats.mean!);
  expect(stats.ci95![1]).toBeGreaterThan(stats.mean!);
});

test('meanCi95 of a trend (correlated values) is wider than of the same values shuffled', () => {
  // Batch means see the slow drift that an i.i.d. formula would miss.
  const trend = Array.from({ length: 100 }, (_, i) => i);
  const shuffled = trend.map((_, i) => (i * 37) % 100);
  const width = (ci: [number, number] | null) => ci![1] - ci![0];
  expect(width(meanCi95(trend))).toBeGreaterThan(2 * width(meanCi95(shuffled)));
  expect(meanCi95(trend.slice(0, CI_MIN_VALUES - 1))).toBeNull();
});
