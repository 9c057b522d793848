import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random.js';

function draws(seed: number, label: string, n: number): number[] {
  const stream = createStream(seed, label);
  return Array.from({ length: n }, () => stream.next());
}

describe('createStream', () => {
  it('createStream(seed, label) gives the same sequence for the same seed and label', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, label) => {
        expect(draws(seed, label, 20)).toEqual(draws(seed, label, 20));
      }),
    );
  });

  it('createStream(seed, label) gives different sequences for different labels or seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.string(), (seed, a, b) => {
        fc.pre(a !== b);
        expect(draws(seed, a, 5)).not.toEqual(draws(seed, b, 5));
        expect(draws(seed, a, 5)).not.toEqual(draws(seed + 1, a, 5));
      }),
    );
  });

  it('createStream(seed, label) is not shifted by drawing from another label first', () => {
    const alone = draws(42, 'churn/vm1', 10);
    const other = createStream(42, 'outage/uplink');
    for (let i = 0; i < 1000; i++) other.next();
    expect(draws(42, 'churn/vm1', 10)).toEqual(alone);
  });

  it('createStream(seed, label).next() is in [0, 1)', () => {
    const stream = createStream(7, 'range');
    for (let i = 0; i < 100_000; i++) {
      const u = stream.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('createStream(seed, label) rejects a non-finite seed', () => {
    expect(() => createStream(Number.NaN, 'x')).toThrow(/seed/);
  });
});
