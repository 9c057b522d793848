import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WriteCurve } from '../../src/model/writeCurve.js';

/** A write history: breakpoints (t, W(t)), then writing at rateNow until nowSec. */
interface History {
  times: number[];
  bytes: number[];
  rateNow: number;
  nowSec: number;
  writtenNow: number;
}

// Integer steps, so byte positions tie with breakpoints and flat stretches are exact.
const step = fc.oneof(
  fc.record({ dt: fc.constant(0), dw: fc.integer({ min: 1, max: 50 }) }), // burst: a jump
  fc.record({ dt: fc.integer({ min: 1, max: 20 }), dw: fc.constant(0) }), // idle: flat
  fc.record({ dt: fc.integer({ min: 1, max: 20 }), dw: fc.integer({ min: 1, max: 50 }) }), // steady writing
);
const history: fc.Arbitrary<History> = fc
  .record({
    t0: fc.integer({ min: 0, max: 100 }),
    w0: fc.integer({ min: 0, max: 100 }),
    steps: fc.array(step, { maxLength: 40 }),
    rateNow: fc.constantFrom(0, 0.5, 3),
    openSec: fc.integer({ min: 0, max: 20 }),
  })
  .map(({ t0, w0, steps, rateNow, openSec }) => {
    const times = [t0];
    const bytes = [w0];
    for (const { dt, dw } of steps) {
      times.push(times.at(-1)! + dt);
      bytes.push(bytes.at(-1)! + dw);
    }
    return { times, bytes, rateNow, nowSec: times.at(-1)! + openSec, writtenNow: bytes.at(-1)! + rateNow * openSec };
  });

function curveOf(h: History): WriteCurve {
  const curve = new WriteCurve();
  h.times.forEach((t, k) => curve.append(t, h.bytes[k]!));
  return curve;
}

/** W(s), right-continuous: after every burst at s. */
function writtenAt(h: History, s: number): number {
  const n = h.times.length;
  if (s >= h.times[n - 1]!) return h.bytes[n - 1]! + h.rateNow * (s - h.times[n - 1]!);
  let k = 0;
  while (h.times[k + 1]! <= s) k++;
  // Now times[k] ≤ s < times[k + 1], and no jump lies strictly inside.
  const [t0, t1, w0, w1] = [h.times[k]!, h.times[k + 1]!, h.bytes[k]!, h.bytes[k + 1]!];
  return w0 + ((w1 - w0) * (s - t0)) / (t1 - t0);
}

/** inf{ s : W(s) > x } by bisection on the monotone predicate; nowSec when no written byte lies above x. */
function bruteSourceTime(h: History, x: number): number {
  if (!(writtenAt(h, h.nowSec) > x)) return h.nowSec;
  let lo = h.times[0]!;
  if (writtenAt(h, lo) > x) return lo;
  let hi = h.nowSec;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (writtenAt(h, mid) > x) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Positions to ask about: every breakpoint's bytes exactly, and random ones across the written range. */
function positions(h: History, fractions: number[]): number[] {
  const low = h.bytes[0]!;
  return [...h.bytes, h.writtenNow, ...fractions.map((f) => low + f * (h.writtenNow + 5 - low))];
}
const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 });

describe('WriteCurve', () => {
  it('sourceTimeOf(x, ...) is inf{ s : W(s) > x } on curves with bursts, idle stretches and an open segment', () => {
    fc.assert(
      fc.property(history, fractions, (h, fs) => {
        const curve = curveOf(h);
        for (const x of positions(h, fs)) {
          expect(curve.sourceTimeOf(x, h.nowSec, h.writtenNow, h.rateNow)).toBeCloseTo(bruteSourceTime(h, x), 9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sourceTimeOf(x, ...) is non-decreasing in x', () => {
    fc.assert(
      fc.property(history, fractions, (h, fs) => {
        const curve = curveOf(h);
        const xs = positions(h, fs).sort((a, b) => a - b);
        const answers = xs.map((x) => curve.sourceTimeOf(x, h.nowSec, h.writtenNow, h.rateNow));
        for (let k = 1; k < answers.length; k++) expect(answers[k]!).toBeGreaterThanOrEqual(answers[k - 1]!);
      }),
      { numRuns: 500 },
    );
  });

  it('sourceTimeOf(x, ...) gives the burst instant for a byte inside a burst and the end of an idle stretch for its level', () => {
    const curve = new WriteCurve();
    curve.append(0, 0);
    curve.append(10, 100); // 10 B/s
    curve.append(10, 300); // a 200 B burst at t = 10
    curve.append(20, 300); // idle until 20
    curve.append(30, 400);
    expect(curve.sourceTimeOf(50, 40, 400, 0)).toBe(5);
    expect(curve.sourceTimeOf(100, 40, 400, 0)).toBe(10);
    expect(curve.sourceTimeOf(250, 40, 400, 0)).toBe(10);
    expect(curve.sourceTimeOf(300, 40, 400, 0)).toBe(20);
    expect(curve.sourceTimeOf(350, 40, 400, 0)).toBe(25);
    // Everything written is at or below x: the answer is now.
    expect(curve.sourceTimeOf(400, 40, 400, 0)).toBe(40);
  });

  it('forgetBelow(x) leaves sourceTimeOf(y) unchanged for every y ≥ x', () => {
    fc.assert(
      fc.property(history, fc.double({ min: 0, max: 1, noNaN: true }), fractions, (h, f, fs) => {
        const reference = curveOf(h);
        const forgetful = curveOf(h);
        const x = h.bytes[0]! + f * (h.writtenNow - h.bytes[0]!);
        forgetful.forgetBelow(x);
        for (const y of [x, ...positions(h, fs).filter((y) => y >= x)]) {
          expect(forgetful.sourceTimeOf(y, h.nowSec, h.writtenNow, h.rateNow)).toBe(
            reference.sourceTimeOf(y, h.nowSec, h.writtenNow, h.rateNow),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forgetBelow(x) interleaved with thousands of appends keeps answers and keeps few breakpoints', () => {
    // Long enough to exercise compaction (more than 1024 forgotten) and growth after compaction.
    fc.assert(
      fc.property(fc.array(step, { minLength: 3000, maxLength: 5000 }), fc.integer({ min: 1, max: 30 }), (steps, lagSteps) => {
        const reference = new WriteCurve();
        const forgetful = new WriteCurve();
        let t = 0;
        let w = 0;
        const bytes: number[] = [];
        for (const { dt, dw } of steps) {
          t += dt;
          w += dw;
          reference.append(t, w);
          forgetful.append(t, w);
          bytes.push(w);
          // The uploaded position trails the written one by a few steps.
          const uploaded = bytes[Math.max(0, bytes.length - 1 - lagSteps)]!;
          forgetful.forgetBelow(uploaded);
          for (const y of [uploaded, (uploaded + w) / 2, w - 0.5]) {
            if (y < uploaded) continue;
            expect(forgetful.sourceTimeOf(y, t, w, 0)).toBe(reference.sourceTimeOf(y, t, w, 0));
          }
          expect(forgetful.breakpoints).toBeLessThanOrEqual(lagSteps + 2);
        }
      }),
      { numRuns: 20 },
    );
  });
});
