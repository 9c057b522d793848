import { describe, expect, it } from 'vitest';
import { MinMaxSeries } from '../../src/report/downsample.js';

describe('MinMaxSeries(start, end, buckets)', () => {
  it('keeps a one-sample spike and a one-sample dip among 100,000 samples, at their times', () => {
    const series = new MinMaxSeries(0, 100_000, 500);
    for (let t = 0; t < 100_000; t++) series.add(t, t === 31_337 ? 99 : t === 77_777 ? -5 : Math.sin(t / 1000));
    const points = series.points();
    expect(points.length).toBeLessThanOrEqual(1000);
    expect(points.find((p) => p.v === 99)?.t).toBe(31_337);
    expect(points.find((p) => p.v === -5)?.t).toBe(77_777);
  });

  it('gives its points in time order, and nothing for buckets without samples or for non-finite values', () => {
    const series = new MinMaxSeries(0, 10, 10);
    for (const [t, v] of [[9.5, 1], [0.2, 3], [0.7, 2], [5, NaN]] as const) series.add(t, v);
    expect(series.points()).toEqual([{ t: 0.2, v: 3 }, { t: 0.7, v: 2 }, { t: 9.5, v: 1 }]);
  });
});
