import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairShareFinishSec } from '../../src/model/fairShare.js';

describe('fairShareFinishSec', () => {
  it('fairShareFinishSec(transfers starting together) matches processor sharing: (Σ smaller + (n − k)·b_k) / rate', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 12 }), (sizes) => {
        const rate = 1e7;
        const finish = fairShareFinishSec(sizes.map((bytes) => ({ startSec: 0, bytes })), rate);
        const sorted = [...sizes].sort((a, b) => a - b);
        sizes.forEach((bytes, i) => {
          const k = sorted.indexOf(bytes);
          const smaller = sorted.slice(0, k).reduce((sum, b) => sum + b, 0);
          expect(finish[i]! / ((smaller + (sizes.length - k) * bytes) / rate)).toBeCloseTo(1, 6);
        });
      }),
    );
  });

  it('fairShareFinishSec finishes a transfer of less than a byte when it starts (a denormal size once looped forever)', () => {
    const finish = fairShareFinishSec(
      [
        { startSec: 10, bytes: 4e-319 },
        { startSec: 0, bytes: 2e6 },
      ],
      1e6,
    );
    expect(finish).toEqual([10, 2]);
  });
});
