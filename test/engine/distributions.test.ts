import { describe, expect, it } from 'vitest';
import { bernoulli, exponential, lognormal, normal, uniform } from '../../src/engine/distributions.js';
import { createStream, type RandomStream } from '../../src/engine/random.js';

// Each check draws N values and accepts the sample mean within 4 standard errors of the true mean
// (a correct sampler fails about once in 16,000 seeds; the seed here is fixed, so the test is deterministic).
const N = 100_000;
const STANDARD_ERRORS = 4;

function sample(label: string, draw: (rng: RandomStream) => number): number[] {
  const rng = createStream(2024, label);
  return Array.from({ length: N }, () => draw(rng));
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function sd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

function expectMean(values: number[], trueMean: number, trueSd: number): void {
  expect(Math.abs(mean(values) - trueMean)).toBeLessThan((STANDARD_ERRORS * trueSd) / Math.sqrt(values.length));
}

/** Standard error of the sample sd ≈ sd · sqrt((kurtosis − 1) / 4n). */
function expectSd(values: number[], trueSd: number, kurtosis: number): void {
  const standardError = trueSd * Math.sqrt((kurtosis - 1) / (4 * values.length));
  expect(Math.abs(sd(values) - trueSd)).toBeLessThan(STANDARD_ERRORS * standardError);
}

describe('distributions', () => {
  it('uniform(rng, min, max) has mean (min + max) / 2 and stays in [min, max)', () => {
    const values = sample('uniform', (rng) => uniform(rng, 2, 10));
    expectMean(values, 6, 8 / Math.sqrt(12));
    expectSd(values, 8 / Math.sqrt(12), 1.8);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...values)).toBeLessThan(10);
  });

  it('exponential(rng, mean) has the given mean and sd', () => {
    const values = sample('exponential', (rng) => exponential(rng, 300));
    expectMean(values, 300, 300);
    expectSd(values, 300, 9);
    expect(values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });

  it('exponential(rng, mean) stays finite when the stream returns 0', () => {
    expect(exponential({ next: () => 0 }, 5)).toBe(0);
    expect(Number.isFinite(exponential({ next: () => 1 - 2 ** -53 }, 5))).toBe(true);
  });

  it('normal(rng, mean, sd) has the given mean and sd', () => {
    const values = sample('normal', (rng) => normal(rng, -3, 2));
    expectMean(values, -3, 2);
    expectSd(values, 2, 3);
  });

  it('lognormal(rng, mean, sd) has the given mean and sd of the variable itself', () => {
    const m = 600;
    const s = 300;
    const sigmaSquared = Math.log(1 + (s / m) ** 2);
    const kurtosis = Math.exp(4 * sigmaSquared) + 2 * Math.exp(3 * sigmaSquared) + 3 * Math.exp(2 * sigmaSquared) - 3;
    const values = sample('lognormal', (rng) => lognormal(rng, m, s));
    expectMean(values, m, s);
    expectSd(values, s, kurtosis);
    expect(values.every((v) => v > 0)).toBe(true);
  });

  it('bernoulli(rng, p) is true with frequency p', () => {
    const p = 0.3;
    const values = sample('bernoulli', (rng) => (bernoulli(rng, p) ? 1 : 0));
    expectMean(values, p, Math.sqrt(p * (1 - p)));
    expect(bernoulli({ next: () => 0 }, 0)).toBe(false);
    expect(bernoulli({ next: () => 1 - 2 ** -53 }, 1)).toBe(true);
  });

  it('samplers reject parameters outside their domain, naming the parameter', () => {
    const rng = createStream(1, 'bad');
    expect(() => uniform(rng, 5, 1)).toThrow(/min/);
    expect(() => exponential(rng, -1)).toThrow(/mean/);
    expect(() => normal(rng, 0, -1)).toThrow(/sd/);
    expect(() => lognormal(rng, 0, 1)).toThrow(/mean/);
    expect(() => lognormal(rng, 1, Number.NaN)).toThrow(/sd/);
    expect(() => bernoulli(rng, 1.5)).toThrow(/p/);
  });

  it('each sampler takes a fixed number of draws, so later draws do not depend on parameters', () => {
    const consumed = (draw: (rng: RandomStream) => unknown): number => {
      let count = 0;
      const rng = { next: () => (count++, 0.5) };
      draw(rng);
      return count;
    };
    expect(consumed((rng) => uniform(rng, 0, 1))).toBe(1);
    expect(consumed((rng) => exponential(rng, 1))).toBe(1);
    expect(consumed((rng) => normal(rng, 0, 1))).toBe(2);
    expect(consumed((rng) => lognormal(rng, 1, 1))).toBe(2);
    expect(consumed((rng) => bernoulli(rng, 0.5))).toBe(1);
  });
});
