import { quantile } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CI_MIN_VALUES, meanCi95, sampleStats } from '../../src/metrics/sampleStats.js';

describe('sampleStats', () => {
  it('sampleStats([]) gives count 0 and null statistics', () => {
    expect(sampleStats([])).toEqual({ count: 0, mean: null, p50: null, p95: null, p99: null, max: null, ci95: null });
  });

  it('sampleStats(values) interpolates quantiles linearly between order statistics (R type 7)', () => {
    // Sorted: 1 1 2 3 4 5 6 9. p50 at rank 3.5, p95 at rank 6.65, p99 at rank 6.93 (0-based).
    const stats = sampleStats([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(stats).toMatchObject({ count: 8, mean: 31 / 8, p50: 3.5, max: 9 });
    expect(stats.p95).toBeCloseTo(6 + 0.65 * 3, 12);
    expect(stats.p99).toBeCloseTo(6 + 0.93 * 3, 12);
    expect(sampleStats([7])).toMatchObject({ count: 1, mean: 7, p50: 7, p95: 7, p99: 7, max: 7, ci95: null });
  });

  it('sampleStats(values) quantiles match d3.quantile on unsorted samples and leave the input unsorted', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const copy = [...values];
        const stats = sampleStats(values);
        expect(values).toEqual(copy);
        expect(stats.p50).toBe(quantile(values, 0.5));
        expect(stats.p95).toBe(quantile(values, 0.95));
        expect(stats.p99).toBe(quantile(values, 0.99));
        expect(stats.max).toBe(Math.max(...values));
      }),
    );
  });

  it('sampleStats(values) gives no CI below the minimum count, and a CI around the mean above it', () => {
    expect(sampleStats([1, 2, 3]).ci95).toBeNull();
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 11);
    const stats = sampleStats(values);
    expect(stats.ci95![0]).toBeLessThan(stats.mean!);
    expect(stats.ci95![1]).toBeGreaterThan(stats.mean!);
  });

  it('meanCi95 of a trend (correlated values) is wider than of the same values shuffled', () => {
    // Batch means see the slow drift that an i.i.d. formula would miss.
    const trend = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = trend.map((_, i) => (i * 37) % 100);
    const width = (ci: [number, number] | null) => ci![1] - ci![0];
    expect(width(meanCi95(trend))).toBeGreaterThan(2 * width(meanCi95(shuffled)));
    expect(meanCi95(trend.slice(0, CI_MIN_VALUES - 1))).toBeNull();
  });
});
