import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waterFill } from '../reference/waterFill.js';

function fill(demands: number[], capacity: number): { alloc: number[]; level: number } {
  const out = new Float64Array(demands.length);
  const level = waterFill(Float64Array.from(demands), demands.length, capacity, out, new Uint32Array(demands.length));
  return { alloc: Array.from(out), level };
}

const demand = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(Infinity) },
);
const capacity = fc.oneof(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constant(0));
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
// Float slack for sums of up to 30 terms of magnitude ≤ 10^4.
const slack = (scale: number): number => 1e-9 * Math.max(1, scale);

describe('waterFill', () => {
  it('waterFill(demands, capacity) hands out min(capacity, Σ demand) and never more than a demand', () => {
    fc.assert(
      fc.property(fc.array(demand, { maxLength: 30 }), capacity, (demands, cap) => {
        const { alloc } = fill(demands, cap);
        expect(sum(alloc)).toBeCloseTo(Math.min(cap, sum(demands)), 6);
        alloc.forEach((a, i) => {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(demands[i]!);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('waterFill(demands, capacity) gives every claimant min(demand, level) and returns the level', () => {
    fc.assert(
      fc.property(fc.array(demand, { maxLength: 30 }), capacity, (demands, cap) => {
        const { alloc, level } = fill(demands, cap);
        const unmet = demands.some((d, i) => alloc[i]! < d);
        // Infinity exactly when every demand is met.
        expect(level === Infinity).toBe(!unmet);
        alloc.forEach((a, i) => expect(a).toBeCloseTo(Math.min(demands[i]!, level), 6));
      }),
      { numRuns: 1000 },
    );
  });

  it('waterFill(demands, capacity) is max-min fair: a claimant short of its demand gets at least everyone else', () => {
    fc.assert(
      fc.property(fc.array(demand, { maxLength: 30 }), capacity, (demands, cap) => {
        const { alloc, level } = fill(demands, cap);
        const largest = Math.max(0, ...alloc);
        demands.forEach((d, i) => {
          if (alloc[i]! >= d) return;
          expect(alloc[i]!).toBeGreaterThanOrEqual(largest - slack(cap));
          expect(alloc[i]!).toBeCloseTo(level, 6);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('waterFill(demands, capacity) shares what finite demands leave equally among Infinity demands', () => {
    expect(fill([1, Infinity, Infinity], 11)).toEqual({ alloc: [1, 5, 5], level: 5 });
    expect(fill([Infinity, 3, 100, Infinity], 39)).toEqual({ alloc: [12, 3, 12, 12], level: 12 });
    expect(fill([Infinity], 7)).toEqual({ alloc: [7], level: 7 });
  });

  it('waterFill(demands, capacity) serves every demand and returns Infinity when capacity suffices', () => {
    expect(fill([1, 2, 3], 6)).toEqual({ alloc: [1, 2, 3], level: Infinity });
    expect(fill([1, 2, 3], 100)).toEqual({ alloc: [1, 2, 3], level: Infinity });
    expect(fill([], 5)).toEqual({ alloc: [], level: Infinity });
  });

  it('waterFill(demands, 0) gives everyone 0 at level 0', () => {
    expect(fill([5, Infinity, 0], 0)).toEqual({ alloc: [0, 0, 0], level: 0 });
    // Nothing is wanted, so every demand is met.
    expect(fill([0, 0], 0)).toEqual({ alloc: [0, 0], level: Infinity });
  });

  it('waterFill(demands, count, ...) reads and writes only the first count claimants', () => {
    const demands = Float64Array.from([4, 4, 99, 99]);
    const out = Float64Array.from([-1, -1, -1, -1]);
    expect(waterFill(demands, 2, 6, out, new Uint32Array(4))).toBe(3);
    expect(Array.from(out)).toEqual([3, 3, -1, -1]);
  });
});
