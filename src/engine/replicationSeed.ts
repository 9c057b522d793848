import { createStream } from './random.js';

/**
 * The seed of replication i of a run seeded with `seed`: drawn from the stream (seed, "replication/i"), so
 * replications of different seeds do not overlap (seed + i would make replication 1 of seed 1 equal to
 * replication 0 of seed 2), and a run extended with more replications keeps its first ones.
 */
export function replicationSeed(seed: number, index: number): number {
  return Math.floor(createStream(seed, `replication/${index}`).next() * 2 ** 32);
}
