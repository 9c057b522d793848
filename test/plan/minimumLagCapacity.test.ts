import { expect, test } from 'vitest';
import { cumulativeWrites, minimumLagCapacity } from '../../src/plan/minimumLagCapacity.js';

/** Brute force over all breakpoint pairs: the definition. */
function bruteForce(times: Float64Array, written: Float64Array, R: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++)
    for (let j = i; j < times.length; j++) best = Math.max(best, (written[j]! - written[i]!) / (times[j]! - times[i]! + R));
  return best;
}

test('minimumLagCapacity equals the brute-force sup over interval pairs', () => {
  const rates = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 101) * 1e5 + (i % 50 === 0 ? 5e7 : 0));
  const starts = rates.map((_, i) => i * 60);
  const { times, written } = cumulativeWrites(starts, rates, 300 * 60);
  for (const R of [60, 900, 3600]) {
    expect(minimumLagCapacity(times, written, R)).toBeCloseTo(bruteForce(times, written, R), 6);
  }
});

test('a single burst minute of B bytes needs B / (60 + R)', () => {
  const { times, written } = cumulativeWrites([0, 60, 120], [0, 1e6, 0], 180);
  expect(minimumLagCapacity(times, written, 900)).toBeCloseTo(60e6 / 960, 6);
});
