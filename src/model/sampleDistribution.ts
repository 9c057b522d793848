import { exponential, lognormal, normal, uniform } from '../engine/distributions.js';
import type { RandomStream } from '../engine/random.js';
import type { Distribution } from '../scenario/types.js';

/** Draws one value; durations and sizes cannot be negative, so a normal draw is truncated at 0. */
export function sampleDistribution(distribution: Distribution, rng: RandomStream): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'uniform':
      return uniform(rng, distribution.min, distribution.max);
    case 'exponential':
      return exponential(rng, distribution.mean);
    case 'normal':
      return Math.max(0, normal(rng, distribution.mean, distribution.sd));
    case 'lognormal':
      return lognormal(rng, distribution.mean, distribution.sd);
  }
}
