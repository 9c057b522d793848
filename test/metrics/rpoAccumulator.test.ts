import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RpoAccumulator } from '../../src/metrics/rpoAccumulator.js';
import { SawtoothQuantiles } from '../../src/metrics/sawtoothQuantiles.js';
import { sawtoothStats } from '../../src/metrics/sawtoothStats.js';

/** A Lehmer generator's seed: 1 … 2³¹ − 2 (its modulus, 2³¹ − 1, would give 0 for ever). */
const lehmerSeed = fc.integer({ min: 1, max: 2 ** 31 - 2 });

/** Usable instants (non-decreasing) with the source time of each point (≤ its usable time). */
const steps = fc
  .array(fc.record({ gap: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 900, noNaN: true })), age: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 3600, noNaN: true })) }), { minLength: 1, maxLength: 80 })
  .map((parts) => {
    let t = 0;
    return parts.map(({ gap, age }) => {
      t += gap;
      return { usable: t, source: t - age };
    });
  });

/** The segments the old all-steps implementation built, for sawtoothStats (exact, everything in memory). */
function exactSegments(list: { usable: number; source: number }[], fromSec: number, endSec: number) {
  const starts: number[] = [];
  const ends: number[] = [];
  list.forEach((s, k) => {
    const t0 = Math.max(fromSec, s.usable);
    const t1 = Math.min(endSec, k + 1 < list.length ? list[k + 1]!.usable : endSec);
    if (t1 <= t0) return;
    starts.push(t0 - s.source);
    ends.push(t1 - s.source);
  });
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

describe('RpoAccumulator', () => {
  it('RpoAccumulator online gives the mean, max and quantiles of the whole sawtooth kept in memory', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 5000, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 2000, noNaN: true })), (list, warmup, tail) => {
        const endSec = list[list.length - 1]!.usable + tail;
        const acc = new RpoAccumulator(warmup, 900);
        for (const s of list) acc.step(s.usable, s.source);
        const { rpo } = acc.summary(endSec);
        const fromSec = Math.max(warmup, list[0]!.usable);
        const { starts, ends } = exactSegments(list, fromSec, endSec);
        const exact = sawtoothStats(starts, ends, [0.5, 0.95, 0.99]);
        expect(rpo.observedSec).toBeCloseTo(exact.totalSec, 6);
        if (exact.mean === null) {
          expect(rpo.mean).toBeNull();
          return;
        }
        expect(rpo.mean!).toBeCloseTo(exact.mean, 6);
        expect(Math.abs(rpo.max! - exact.max!)).toBeLessThanOrEqual(1e-9 * Math.max(1, exact.max!));
        [rpo.p50, rpo.p95, rpo.p99].forEach((q, i) => expect(Math.abs(q! - exact.quantiles[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, exact.max!)));
        expect(rpo.count).toBe(list.filter((s) => s.usable >= fromSec && s.usable < endSec).length);
      }),
      { numRuns: 400 },
    );
  });

  it('SawtoothQuantiles past its exact limit stays within 0.1% of the exact quantiles', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.double({ min: 1, max: 5000, noNaN: true }), d: fc.double({ min: 0.5, max: 600, noNaN: true }) }), { minLength: 40, maxLength: 200 }), (segments) => {
        const bag = new SawtoothQuantiles(16);
        let total = 0;
        for (const { a, d } of segments) {
          bag.add(a, a + d);
          total += d;
        }
        expect(bag.exact).toBe(false);
        const ps = [0.1, 0.5, 0.95, 0.99];
        const exact = sawtoothStats(Float64Array.from(segments.map((s) => s.a)), Float64Array.from(segments.map((s) => s.a + s.d)), ps);
        bag.quantiles(ps, total).forEach((q, i) => {
          expect(Math.abs(q! - exact.quantiles[i]!)).toBeLessThanOrEqual(1e-3 * exact.quantiles[i]!);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('SawtoothQuantiles over many flushes: exact while few values repeat, within its stated bound once binned, as the whole sawtooth in memory gives', () => {
    // Thousands of segments go through several 2,048-value flushes and merges (the tests above stay within one).
    fc.assert(
      fc.property(
        fc.integer({ min: 3_000, max: 12_000 }),
        lehmerSeed,
        fc.constantFrom(5, 50, 0),
        (count, seed, distinct) => {
          let state = seed;
          const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
          const starts = new Float64Array(count);
          const ends = new Float64Array(count);
          const bag = new SawtoothQuantiles();
          let total = 0;
          for (let k = 0; k < count; k++) {
            // distinct > 0: a handful of teeth repeated in runs and out of order; 0: every tooth its own.
            const a = distinct > 0 ? 300 + 60 * Math.floor(next() * distinct) : 1 + next() * 20_000;
            const d = distinct > 0 ? 300 : 0.5 + next() * 900;
            starts[k] = a;
            ends[k] = a + d;
            bag.add(a, a + d);
            total += d;
          }
          const ps = [0.01, 0.5, 0.95, 0.99, 1];
          const exact = sawtoothStats(starts, ends, ps);
          // Binned: the bins' width, halved no more often than a bag's 2,048 bins need: the values span 14.4 octaves,
          // which 128 bins an octave (3 halvings, 0.54%) cover in 1,850 bins.
          const tolerance = distinct > 0 ? 1e-9 : bag.relativeError;
          expect(tolerance).toBeLessThanOrEqual(distinct > 0 ? 1e-9 : 2 ** (8 / 1024) - 1);
          expect(bag.exact).toBe(distinct > 0);
          bag.quantiles(ps, total).forEach((q, i) => expect(Math.abs(q! - exact.quantiles[i]!)).toBeLessThanOrEqual(tolerance * exact.quantiles[i]!));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('SawtoothQuantiles with a bin cap: bins halve until the bags fit, each quantile within the stated bound of the exact one', () => {
    // Values over a wide range (1 ms to 10 days, log-uniform: 30 octaves, 30,000 finest bins) with a cap of 256
    // bins a bag: the bags must halve several times. `relativeError` is the bound the README states.
    fc.assert(
      fc.property(fc.integer({ min: 5_000, max: 20_000 }), lehmerSeed, fc.constantFrom(256, 1024), (count, seed, maxBins) => {
        let state = seed;
        const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
        const starts = new Float64Array(count);
        const ends = new Float64Array(count);
        const bag = new SawtoothQuantiles(4096, maxBins);
        const uncapped = new SawtoothQuantiles();
        let total = 0;
        for (let k = 0; k < count; k++) {
          const a = 1e-3 * 2 ** (next() * 30);
          const d = a * next();
          starts[k] = a;
          ends[k] = a + d;
          bag.add(a, a + d);
          uncapped.add(a, a + d);
          total += d;
        }
        const ps = [0.01, 0.5, 0.95, 0.99, 1];
        const exact = sawtoothStats(starts, ends, ps);
        const bound = bag.relativeError;
        // Coarsened: wider bins than the finest, and both bags within the cap.
        expect(bound).toBeGreaterThan(uncapped.relativeError);
        expect(bag.entries).toBeLessThanOrEqual(2 * maxBins);
        expect(uncapped.entries).toBeGreaterThan(2 * maxBins);
        bag.quantiles(ps, total).forEach((q, i) => expect(Math.abs(q! - exact.quantiles[i]!)).toBeLessThanOrEqual(bound * exact.quantiles[i]!));
      }),
      { numRuns: 20 },
    );
  });

  it('SawtoothQuantiles below its bin cap gives the quantiles it gives with no cap at all', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.double({ min: 1, max: 5000, noNaN: true }), d: fc.double({ min: 0.5, max: 600, noNaN: true }) }), { minLength: 40, maxLength: 3000 }), (segments) => {
        const capped = new SawtoothQuantiles(16, 4096);
        const free = new SawtoothQuantiles(16, 2 ** 30);
        let total = 0;
        for (const { a, d } of segments) {
          capped.add(a, a + d);
          free.add(a, a + d);
          total += d;
        }
        expect(capped.relativeError).toBe(2 ** (1 / 1024) - 1);
        expect(capped.quantiles([0.5, 0.95, 0.99], total)).toEqual(free.quantiles([0.5, 0.95, 0.99], total));
      }),
      { numRuns: 50 },
    );
  });

  it('RpoAccumulator: points every 5 min usable 5 min after their source time give an RPO uniform on [5, 10) min', () => {
    const acc = new RpoAccumulator(0, 900);
    for (let k = 0; k <= 288; k++) acc.step(k * 300 + 300, k * 300);
    const { rpo, alerts } = acc.summary(86_700);
    expect(rpo.mean).toBeCloseTo(450, 9);
    expect(rpo.p50).toBeCloseTo(450, 9);
    expect(rpo.p95).toBeCloseTo(300 + 0.95 * 300, 9);
    expect(rpo.max).toBe(600);
    expect(rpo.fractionWithinThreshold).toBe(1);
    expect(alerts.episodes).toBe(0);
    expect(rpo.count).toBe(288);
  });
});
