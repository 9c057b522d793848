import { expect, test } from 'vitest';
import { replicationSeed } from '../../src/engine/replicationSeed.js';

test('replicationSeed(seed, i) is deterministic, distinct per i, and not seed + i', () => {
  expect(replicationSeed(7, 0)).toBe(replicationSeed(7, 0));
  const seeds = new Set(Array.from({ length: 100 }, (_, i) => replicationSeed(7, i)));
  expect(seeds.size).toBe(100);
  expect(replicationSeed(1, 1)).not.toBe(replicationSeed(2, 0));
});
