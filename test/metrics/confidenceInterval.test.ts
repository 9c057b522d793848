import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateMean } from '../../src/metrics/confidenceInterval.js';
import { meanCi95 } from '../../src/metrics/sampleStats.js';
import { tQuantile975 } from '../../src/metrics/studentT.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import { summarizePoint } from '../../src/sweep/summary.js';

describe('estimateMean(values, { atLeast })', () => {
  it('estimateMean([0, 0, 0, 0, 10]) is 2 ± t(4)·2, and with atLeast 0 its low end is 0', () => {
    // s² = (4·2² + 8²) / 4 = 20, standard error √(20/5) = 2.
    const half = tQuantile975(4) * 2;
    const free = estimateMean([0, 0, 0, 0, 10]);
    expect(free.mean).toBe(2);
    expect(free.halfWidth).toBeCloseTo(half, 12);
    expect(free.ci95[0]).toBeCloseTo(2 - half, 12); // −3.55: a negative loss
    const bounded = estimateMean([0, 0, 0, 0, 10], { atLeast: 0 });
    expect(bounded.ci95).toEqual([0, free.ci95[1]]);
    expect(bounded.halfWidth).toBe(free.halfWidth);
  });

  it('estimateMean(values, { atLeast: 0 }) on non-negative values never goes below 0 and keeps the t interval otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 50 }), (values) => {
        const free = estimateMean(values);
        const { ci95 } = estimateMean(values, { atLeast: 0 });
        expect(ci95[0]).toBeGreaterThanOrEqual(0);
        expect(ci95[0]).toBe(Math.max(0, free.ci95[0]));
        expect(ci95[1]).toBe(free.ci95[1]);
      }),
    );
  });
});

describe('intervals of non-negative quantities', () => {
  it('meanCi95(values) of data loss at rare large disasters has a low end of 0, not below', () => {
    // 10 batch means of 2 values: nine 0 and one 500, mean 50 and standard error 50.
    const values = [...Array.from({ length: 18 }, () => 0), 1000, 0];
    const [low, high] = meanCi95(values)!;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(50 + tQuantile975(9) * 50, 9);
  });

  it('summarizePoint(point, records) gives a ci95_low of 0 when replications are mostly loss-free', () => {
    const record = (replication: number, loss: number): RunRecord => ({
      index: replication, point: 0, replication, seed: replication, status: 'ok', error: '',
      rows: [{ vm: 'a', choice: 'latest', dataLossSecMean: loss, dataLossSecP95: loss, dataLossSecMax: loss, dataLossBytesMean: loss, downtimeSecMean: 60, downtimeSecP95: 60, rpoP95Sec: 1, rpoWithinThreshold: 1, disasters: 1, withPoint: 1, noPointReason: '' }],
    });
    const [s] = summarizePoint(0, [record(0, 0), record(1, 0), record(2, 0), record(3, 100)]);
    expect(s!.dataLossSec.mean).toBe(25);
    expect(s!.dataLossSec.ci95Low).toBe(0);
    expect(s!.dataLossSec.ci95High).toBeCloseTo(25 + tQuantile975(3) * 25, 9);
  });
});
