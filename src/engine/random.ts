// Seeded random streams, one per (seed, label): each random input of a model draws from its own stream,
// so adding an input (a new label) does not shift the numbers the others see, and two scenarios that share
// labels share random numbers (common random numbers make their comparison sharper).
import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform on [0, 1). */
  next(): number;
}

/**
 * The stream for (seed, label). Uses seedrandom's xor4096 rather than its default ARC4: it is faster, has a
 * period of 2^4096, and is well seeded from a short string. The seed string "seed/label" is unambiguous
 * because a number's text never contains "/".
 */
export function createStream(seed: number, label: string): RandomStream {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // NOTE: the generator's own call (32-bit resolution, one draw) rather than .double() (two draws):
  // 2^-32 is far finer than any quantity the model samples.
  const prng = seedrandom.xor4096(`${seed}/${label}`);
  return { next: prng };
}
