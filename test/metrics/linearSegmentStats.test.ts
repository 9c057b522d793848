import { expect, it } from 'vitest';
import { linearSegmentStats } from '../../src/metrics/linearSegmentStats.js';

const f = (values: number[]) => Float64Array.from(values);

it('linearSegmentStats(a, b, durations, ps) weighs sloped segments either way and flat ones as a jump', () => {
  // 10 s falling 10 → 0 (1 s per unit), 10 s flat at 2, 20 s rising 0 → 5 (4 s per unit): 40 s in all.
  // Time above y ∈ [2, 5): (10 − y) + 4·(5 − y); just below 2 the flat segment adds 10 s.
  const stats = linearSegmentStats(f([10, 2, 0]), f([0, 2, 5]), f([10, 10, 20]), [0.5, 0.75, 0.9, 0.3, 0.1]);
  expect(stats.totalSec).toBe(40);
  expect(stats.max).toBe(10);
  expect(stats.mean).toBeCloseTo((5 * 10 + 2 * 10 + 2.5 * 20) / 40, 12);
  // p = 0.9: 4 s above ⇒ y ∈ [5, 10): 10 − y = 4 ⇒ y = 6.
  expect(stats.quantiles[2]).toBeCloseTo(6, 12);
  // p = 0.75: 10 s above ⇒ 10 − y + 4(5 − y) = 10 ⇒ y = 4.
  expect(stats.quantiles[1]).toBeCloseTo(4, 12);
  // p = 0.5: 20 s above: the sloped segments give 8 + 12 = 20 s at y = 2 ⇒ y = 2.
  expect(stats.quantiles[0]).toBeCloseTo(2, 12);
  // p = 0.3: 28 s above falls inside the flat segment's jump (20 → 30 s at y = 2) ⇒ y = 2.
  expect(stats.quantiles[3]).toBe(2);
  // p = 0.1: 36 s above ⇒ 30 + (1 + 4)(2 − y) = 36 ⇒ y = 0.8.
  expect(stats.quantiles[4]).toBeCloseTo(0.8, 12);
});
