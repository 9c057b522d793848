// Samplers for the scenario's random quantities. Pure: the randomness comes in as a RandomStream, and each
// sampler takes a fixed number of draws, so a stream's later values do not depend on earlier parameters.
import type { RandomStream } from './random.js';

/** Uniform on [min, max). */
export function uniform(rng: RandomStream, min: number, max: number): number {
  if (!(min <= max)) throw new RangeError(`uniform: min must be <= max, got min ${min}, max ${max}`);
  return min + (max - min) * rng.next();
}

/** Exponential with the given mean, by inverse transform. */
export function exponential(rng: RandomStream, mean: number): number {
  if (!(mean >= 0)) throw new RangeError(`exponential: mean must be >= 0, got ${mean}`);
  // u < 1, so log1p(-u) = ln(1 - u) is never ln(0) = -Infinity; log1p also keeps small u accurate
  // and gives +0 (not -0) for u = 0.
  return -Math.log1p(-rng.next()) * mean;
}

/** Normal, by Box–Muller. Uses two draws and discards the second variate: caching it would make the sampler stateful. */
export function normal(rng: RandomStream, mean: number, sd: number): number {
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be >= 0, got ${sd}`);
  const radius = Math.sqrt(-2 * Math.log1p(-rng.next()));
  return mean + sd * radius * Math.cos(2 * Math.PI * rng.next());
}

/**
 * Lognormal given by the mean and standard deviation of the variable itself (not of its logarithm):
 * sigma² = ln(1 + sd²/mean²) and mu = ln(mean) − sigma²/2 give exactly that mean and sd.
 */
export function lognormal(rng: RandomStream, mean: number, sd: number): number {
  if (!(mean > 0)) throw new RangeError(`lognormal: mean must be > 0, got ${mean}`);
  if (!(sd >= 0)) throw new RangeError(`lognormal: sd must be >= 0, got ${sd}`);
  const sigmaSquared = Math.log1p((sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigmaSquared / 2;
  return Math.exp(normal(rng, mu, Math.sqrt(sigmaSquared)));
}

/** True with probability p. */
export function bernoulli(rng: RandomStream, p: number): boolean {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli: p must be in [0, 1], got ${p}`);
  return rng.next() < p;
}
