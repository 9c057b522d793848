import { expect, it } from 'vitest';
import { findBandwidth } from '../../src/plan/findBandwidth.js';

const answer = 37.3;
const counting = () => {
  const calls: number[] = [];
  return { calls, meets: (b: number) => (calls.push(b), b >= answer) };
};

it('findBandwidth(meets, bracket) returns the upper end of a bracket within the precision of the answer', () => {
  const { meets } = counting();
  const found = findBandwidth(meets, { lo: 1, hi: 100 }, [], 5e-3);
  expect(found).toBeGreaterThanOrEqual(answer);
  expect(found).toBeLessThanOrEqual(answer * (1 + 5e-3));
});

it('findBandwidth(meets, bracket) widens a guessed bracket that misses the answer, either way', () => {
  expect(findBandwidth(counting().meets, { lo: 1, hi: 2 })).toBeCloseTo(answer, 0);
  expect(findBandwidth(counting().meets, { lo: 50, hi: 60 })).toBeCloseTo(answer, 0);
});

it('findBandwidth(meets, bracket, evaluated) narrows the bracket by evaluated bandwidths before simulating', () => {
  const { meets, calls } = counting();
  findBandwidth(meets, { lo: 1, hi: 100 }, [10, 37, 37.4, 90]);
  // The bracket starts at [37, 37.4] (checked): a couple of bisection steps, no check of 1 or 100.
  expect(calls.filter((b) => ![10, 37, 37.4, 90].includes(b))).toHaveLength(2);
  expect(calls).not.toContain(1);
  expect(calls).not.toContain(100);
});
