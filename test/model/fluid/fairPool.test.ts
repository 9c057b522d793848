import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FairPool } from '../../../src/model/fluid/fairPool.js';
import { waterFill } from '../../reference/waterFill.js';

const demand = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(Infinity) },
  { weight: 1, arbitrary: fc.constantFrom(1, 10, 100) },
);
const capacity = fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constant(0), fc.constant(100));

type Change = { kind: 'demand'; id: number; demand: number } | { kind: 'capacity'; capacity: number };

const changes = (n: number): fc.Arbitrary<Change[]> =>
  fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('demand' as const), id: fc.integer({ min: 0, max: n - 1 }), demand }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), capacity }) },
    ),
    { maxLength: 60 },
  );

/** Sorting water-fill from scratch: the straightforward recomputation the pool must agree with. */
function reference(demands: number[], cap: number): number[] {
  const out = new Float64Array(demands.length);
  waterFill(Float64Array.from(demands), demands.length, cap, out, new Uint32Array(demands.length));
  return Array.from(out);
}

describe('FairPool', () => {
  it('FairPool after any sequence of demand and capacity changes allocates as a water-fill from scratch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), capacity, changes(n), fc.integer({ min: 1, max: 5 }))), ([n, cap0, steps, settleEvery]) => {
        const pool = new FairPool(n);
        const demands = new Array<number>(n).fill(0);
        let cap = cap0;
        pool.setCapacity(cap);
        pool.settle();
        steps.forEach((step, k) => {
          if (step.kind === 'demand') {
            pool.setDemand(step.id, step.demand);
            demands[step.id] = step.demand;
          } else {
            pool.setCapacity(step.capacity);
            cap = step.capacity;
          }
          if (k % settleEvery !== 0 && k !== steps.length - 1) return;
          pool.settle();
          const expected = reference(demands, cap);
          for (let i = 0; i < n; i++) {
            const got = pool.allocation(i);
            const want = expected[i]!;
            if (want === Infinity) expect(got).toBe(Infinity);
            else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, cap, want));
          }
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('FairPool.forEachAtLevel visits exactly the members that get the level and not their demand', () => {
    const pool = new FairPool(4);
    pool.setCapacity(100);
    pool.setDemand(0, 10);
    pool.setDemand(1, Infinity);
    pool.setDemand(2, 60);
    pool.setDemand(3, 20);
    // 10 and 20 are met; 70 left for two: level 35, so 60 and Infinity are at the level.
    expect(pool.settle()).toBe(35);
    const visited: number[] = [];
    pool.forEachAtLevel((id) => visited.push(id));
    expect(visited.sort()).toEqual([1, 2]);
    expect([0, 1, 2, 3].map((i) => pool.allocation(i))).toEqual([10, 35, 35, 20]);
  });

  it('FairPool.settle reports members that changed sides', () => {
    const pool = new FairPool(3);
    pool.setCapacity(90);
    pool.setDemand(0, 10);
    pool.setDemand(1, 40);
    pool.setDemand(2, 40);
    expect(pool.settle()).toBe(Infinity);
    pool.setDemand(0, Infinity);
    const moved: number[] = [];
    // 10 + 40 + 40 fit in 90; once 0 takes all it can, 90 shared by three is 30, so both 40s go over to the level.
    expect(pool.settle((id) => moved.push(id))).toBe(30);
    expect(moved.sort()).toEqual([1, 2]);
  });
});
