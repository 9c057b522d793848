import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOf } from '../../src/metrics/logBins.js';
import { SORT_BY_BIN_MAX, sortByBin } from '../../src/metrics/sortByBin.js';

/**
 * Batches as SawtoothQuantiles flushes them: RPO ages in seconds, often repeated or close together (a sawtooth
 * repeats a few teeth), now and then spread from microseconds to years (whose bins span too widely for the radix
 * passes, and are sorted by comparison).
 */
const age = fc.oneof(
  fc.double({ min: 0, max: 1e-6, noNaN: true }),
  fc.double({ min: 1, max: 3600, noNaN: true }),
  fc.integer({ min: 1, max: 40 }).map((k) => 300 * k),
  fc.double({ min: 3600, max: 1e9, noNaN: true }),
);
const batch = fc.array(age, { minLength: 0, maxLength: SORT_BY_BIN_MAX });

describe('sortByBin', () => {
  it('sorts as a comparison sort does, and keys each value by its bin', () => {
    fc.assert(
      fc.property(batch, fc.integer({ min: 0, max: 6 }), (values, shift) => {
        const sorted = new Float64Array(values.length);
        const keys = new Float64Array(values.length);
        sortByBin(Float64Array.from(values), values.length, shift, sorted, keys);
        const expected = [...values].sort((a, b) => a - b);
        expect(Array.from(sorted)).toEqual(expected);
        expect(Array.from(keys)).toEqual(expected.map((value) => binOf(value, shift)));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts only the first n values, and refuses more than a batch', () => {
    const values = Float64Array.of(5, 3, 4, 1, 2);
    const sorted = new Float64Array(5);
    const keys = new Float64Array(5);
    sortByBin(values, 3, 0, sorted, keys);
    expect(Array.from(sorted.subarray(0, 3))).toEqual([3, 4, 5]);
    expect(() => sortByBin(new Float64Array(SORT_BY_BIN_MAX + 1), SORT_BY_BIN_MAX + 1, 0, new Float64Array(SORT_BY_BIN_MAX + 1), new Float64Array(SORT_BY_BIN_MAX + 1))).toThrow(RangeError);
  });
});
