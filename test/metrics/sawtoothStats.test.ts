import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sawtoothSecondsAbove, sawtoothStats } from '../../src/metrics/sawtoothStats.js';

interface Segment {
  start: number;
  end: number;
}

/**
 * The signal sampled on a fine grid: each segment is cut into cells no wider than GRID_SEC and each cell is
 * represented by its midpoint value, weighted by its width. Tolerances: the sample mean is exact (the signal is
 * linear on each cell); the sampled time above any level is within one cell per segment of the true one, i.e.
 * within n·GRID_SEC; where at least one segment covers a level the time above falls with slope ≤ −1, so a
 * quantile is within (n + 1)·GRID_SEC of the sampled one.
 */
const GRID_SEC = 0.01;

function sample(segments: Segment[]): { values: number[]; weights: number[] } {
  const values: number[] = [];
  const weights: number[] = [];
  for (const { start, end } of segments) {
    const cells = Math.max(1, Math.ceil((end - start) / GRID_SEC));
    const width = (end - start) / cells;
    for (let k = 0; k < cells; k++) {
      values.push(start + (k + 0.5) * width);
      weights.push(width);
    }
  }
  return { values, weights };
}

function gridSecondsAbove(grid: { values: number[]; weights: number[] }, level: number): number {
  let seconds = 0;
  grid.values.forEach((v, k) => {
    if (v > level) seconds += grid.weights[k]!;
  });
  return seconds;
}

/** For each p, the smallest sampled value with at least a fraction p of the time at or below it. */
function gridQuantiles(grid: { values: number[]; weights: number[] }, ps: number[]): number[] {
  const order = grid.values.map((_, k) => k).sort((a, b) => grid.values[a]! - grid.values[b]!);
  const total = grid.weights.reduce((a, b) => a + b, 0);
  return ps.map((p) => {
    let below = 0;
    for (const k of order) {
      below += grid.weights[k]!;
      if (below >= p * total) return grid.values[k]!;
    }
    return grid.values[order.at(-1)!]!;
  });
}

const stats = (segments: Segment[], ps: number[]) =>
  sawtoothStats(Float64Array.from(segments, (s) => s.start), Float64Array.from(segments, (s) => s.end), ps);

const segment = (maxStart: number) =>
  fc
    .record({ start: fc.double({ min: 0, max: maxStart, noNaN: true }), length: fc.double({ min: 0.5, max: 100, noNaN: true }) })
    .map(({ start, length }) => ({ start, end: start + length }));
/** Segments that all cover value 10: their values fill one interval, with no gap. */
const overlapping = fc
  .record({ start: fc.double({ min: 0, max: 10, noNaN: true }), length: fc.double({ min: 10, max: 100, noNaN: true }) })
  .map(({ start, length }) => ({ start, end: start + length }));
const probabilities = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }).map((ps) => [0, 0.5, 0.95, 1, ...ps]);

describe('sawtoothStats', () => {
  it('sawtoothStats(starts, ends, ps) matches a fine-grid evaluation in mean, max and time above each quantile', () => {
    fc.assert(
      fc.property(fc.array(segment(500), { minLength: 1, maxLength: 12 }), probabilities, (segments, ps) => {
        const grid = sample(segments);
        const n = segments.length;
        const result = stats(segments, ps);
        const total = segments.reduce((a, s) => a + s.end - s.start, 0);
        expect(result.totalSec).toBeCloseTo(total, 9);
        expect(result.mean!).toBeCloseTo(grid.values.reduce((a, v, k) => a + v * grid.weights[k]!, 0) / total, 6);
        expect(Math.abs(result.max! - Math.max(...grid.values))).toBeLessThanOrEqual(GRID_SEC);
        // Whatever gaps the values have, a quantile q of p has (1 − p) of the time above it.
        result.quantiles.forEach((q, k) => {
          expect(Math.abs(gridSecondsAbove(grid, q!) - (1 - ps[k]!) * total)).toBeLessThanOrEqual(n * GRID_SEC + 1e-6);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('sawtoothStats(starts, ends, ps) quantiles match the fine-grid quantiles when the values have no gap', () => {
    fc.assert(
      fc.property(fc.array(overlapping, { minLength: 1, maxLength: 12 }), probabilities, (segments, ps) => {
        const grid = sample(segments);
        const result = stats(segments, ps);
        const expected = gridQuantiles(grid, ps);
        result.quantiles.forEach((q, k) => {
          expect(Math.abs(q! - expected[k]!)).toBeLessThanOrEqual((segments.length + 1) * GRID_SEC);
        });
        expect(result.quantiles[0]).toBeCloseTo(Math.min(...segments.map((s) => s.start)), 9);
        expect(result.quantiles[3]).toBe(Math.max(...segments.map((s) => s.end)));
      }),
      { numRuns: 200 },
    );
  });

  it('sawtoothStats(starts, ends, ps) of points every T arriving after D gives mean D + T/2, p50 D + T/2, p95 D + 0.95T, max T + D', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 500 }),
        (periodSec, delaySec, repeats) => {
          const segments = Array.from({ length: repeats }, () => ({ start: delaySec, end: periodSec + delaySec }));
          const result = stats(segments, [0.5, 0.95]);
          expect(result.totalSec).toBe(repeats * periodSec);
          expect(result.mean!).toBeCloseTo(delaySec + periodSec / 2, 6);
          expect(result.quantiles[0]!).toBeCloseTo(delaySec + periodSec / 2, 6);
          expect(result.quantiles[1]!).toBeCloseTo(delaySec + 0.95 * periodSec, 6);
          expect(result.max).toBe(periodSec + delaySec);
        },
      ),
    );
  });

  it('sawtoothStats(starts, ends, ps) of no time gives null statistics', () => {
    expect(stats([], [0.5])).toEqual({ totalSec: 0, mean: null, max: null, quantiles: [null] });
    expect(stats([{ start: 3, end: 3 }], [0.5, 0.9])).toEqual({ totalSec: 0, mean: null, max: null, quantiles: [null, null] });
  });

  it('sawtoothSecondsAbove(starts, ends, level) matches a fine-grid count', () => {
    fc.assert(
      fc.property(fc.array(segment(500), { maxLength: 12 }), fc.double({ min: -10, max: 700, noNaN: true }), (segments, level) => {
        const seconds = sawtoothSecondsAbove(
          Float64Array.from(segments, (s) => s.start),
          Float64Array.from(segments, (s) => s.end),
          level,
        );
        expect(Math.abs(seconds - gridSecondsAbove(sample(segments), level))).toBeLessThanOrEqual(segments.length * GRID_SEC + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('sawtoothSecondsAbove(starts, ends, level) counts the part of each rise above the level', () => {
    const starts = Float64Array.from([0, 10, 30]);
    const ends = Float64Array.from([20, 15, 40]);
    expect(sawtoothSecondsAbove(starts, ends, 12)).toBe(8 + 3 + 10);
    expect(sawtoothSecondsAbove(starts, ends, 100)).toBe(0);
    expect(sawtoothSecondsAbove(starts, ends, -1)).toBe(20 + 5 + 10);
  });
});
