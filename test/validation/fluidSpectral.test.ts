import { describe, expect, test } from 'vitest';
import { solveHomogeneousOnOff } from '../../src/validation/fluidSpectral.js';
import { md1WaitCdf, onOffBacklogTail, onOffMeanBacklog, periodicPointsExceedance } from '../../src/validation/queueFormulas.js';

const SOURCE = { peakBytesPerSec: 10, meanOnSec: 2, meanOffSec: 6 };

describe('solveHomogeneousOnOff', () => {
  test('with one source it is the closed form (m/c)e^(−ηx): domain.md’s 0.4120 and E[Q] = 15', () => {
    const solution = solveHomogeneousOnOff({ sources: 1, ...SOURCE, capacityBytesPerSec: 4 });
    expect(solution.tail(10)).toBeCloseTo(onOffBacklogTail(SOURCE, 4, 10), 10);
    expect(solution.tail(10)).toBeCloseTo(0.412, 3);
    expect(solution.meanBacklogBytes).toBeCloseTo(onOffMeanBacklog(SOURCE, 4), 8);
    expect(onOffBacklogTail(SOURCE, 4, 20)).toBeCloseTo(0.2716, 4);
  });

  test('has one negative eigenvalue per overload state, and a tail that falls from P(Q > 0) < 1', () => {
    const solution = solveHomogeneousOnOff({ sources: 4, ...SOURCE, capacityBytesPerSec: 13 });
    expect(solution.eigenvalues).toHaveLength(3); // 2, 3 or 4 sources ON exceed 13
    expect(solution.eigenvalues.every((z) => z < 0)).toBe(true);
    expect(solution.tail(0)).toBeLessThan(1);
    expect(solution.tail(0)).toBeGreaterThan(solution.tail(10));
  });

  test('rejects an unstable system', () => {
    expect(() => solveHomogeneousOnOff({ sources: 4, ...SOURCE, capacityBytesPerSec: 9 })).toThrow(/unstable/);
  });
});

describe('queue formulas', () => {
  test('md1WaitCdf(λ, D, 0) is 1 − ρ, the chance of finding the link idle', () => {
    expect(md1WaitCdf(1, 0.7, 0)).toBeCloseTo(0.3, 12);
  });
  test('periodicPointsExceedance is 1 below D and 0 at T + D', () => {
    expect(periodicPointsExceedance(300, 300, 200)).toBe(1);
    expect(periodicPointsExceedance(300, 300, 600)).toBe(0);
  });
});
