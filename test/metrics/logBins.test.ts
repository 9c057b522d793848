import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binLow, binOf, finestBin } from '../../src/metrics/logBins.js';

/** What finestBin replaces: one Math.log2 per value. */
const byLog2 = (value: number) => Math.floor(Math.log2(value) * 1024);

/** The double `steps` representable numbers away from x (positive x). */
function ulpsAway(x: number, steps: number): number {
  const view = new BigInt64Array(Float64Array.of(x).buffer);
  view[0]! += BigInt(steps);
  return new Float64Array(view.buffer)[0]!;
}

describe('logBins', () => {
  it('finestBin gives what Math.log2 gives for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (value) => {
        expect(Object.is(finestBin(value), byLog2(value))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('finestBin gives what Math.log2 gives on either side of every bin edge, from microseconds to centuries', () => {
    let checked = 0;
    for (let octave = -22; octave <= 40; octave += 3) {
      for (let k = 0; k <= 1024; k++) {
        const edge = 2 ** (octave + k / 1024);
        for (let steps = -8; steps <= 8; steps++) {
          const value = ulpsAway(edge, steps);
          if (finestBin(value) !== byLog2(value)) expect.fail(`finestBin(${value}) = ${finestBin(value)}, Math.log2 gives ${byLog2(value)}`);
          checked++;
        }
      }
    }
    expect(checked).toBe(21 * 1025 * 17);
  });

  it('a value lies between its bin’s lower edge and the next bin’s, at every shift, within Math.log2’s rounding', () => {
    // A value within rounding (2^-45 of a bin) of an edge may fall on either side of it, as Math.log2 decides.
    const rounding = 1e-12;
    fc.assert(
      fc.property(fc.double({ min: 2 ** -19, max: 2 ** 40, noNaN: true }), fc.integer({ min: 0, max: 8 }), (value, shift) => {
        const bin = binOf(value, shift);
        expect(binLow(bin, shift)).toBeLessThanOrEqual(value * (1 + rounding));
        expect(value).toBeLessThan(binLow(bin + 1, shift) * (1 + rounding));
      }),
    );
  });
});
