import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LevelClock } from '../../../src/model/fluid/levelClock.js';

const amount = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max, noNaN: true }));
const steps = fc.array(fc.record({ dt: amount(100), level: amount(50) }), { minLength: 1, maxLength: 30 });

describe('LevelClock', () => {
  it('valueAt(t) is the integral of the level, and timeAt(v) its first reaching instant', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 1, noNaN: true }), (changes, q) => {
        const clock = new LevelClock();
        let t = 0;
        let v = 0;
        let level = 0;
        const path: { t: number; v: number }[] = [{ t: 0, v: 0 }];
        for (const { dt, level: next } of changes) {
          v += level * dt;
          t += dt;
          clock.setLevel(t, next);
          level = next;
          path.push({ t, v });
        }
        for (const point of path) expect(clock.valueAt(point.t)).toBeCloseTo(point.v, 6);
        const target = q * clock.valueAt(t);
        const reached = clock.timeAt(target, 0);
        expect(clock.valueAt(reached)).toBeGreaterThanOrEqual(target - 1e-6 * Math.max(1, v));
        if (reached > 0) expect(clock.valueAt(reached - 1e-6)).toBeLessThan(target + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('answers a question the same, bit for bit, before and after later level changes', () => {
    fc.assert(
      fc.property(steps, steps, fc.double({ min: 0, max: 1, noNaN: true }), (before, after, q) => {
        const clock = new LevelClock();
        let t = 0;
        for (const { dt, level } of before) clock.setLevel((t += dt), level);
        const now = t + 1;
        const v = clock.valueAt(now) * q;
        const early = { value: clock.valueAt(now - 0.5), time: clock.timeAt(v, 0) };
        t = now;
        for (const { dt, level } of after) clock.setLevel((t += dt), level);
        if (early.time <= now) expect(clock.timeAt(v, 0)).toBe(early.time);
        expect(clock.valueAt(now - 0.5)).toBe(early.value);
      }),
      { numRuns: 500 },
    );
  });

  it('timeAt agrees bit for bit with a scan of the segments, for values up to twice the newest (the shortcut past the last breakpoint)', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (changes, q, f) => {
        const clock = new LevelClock();
        const breakpoints = [{ t: 0, level: 0 }];
        let t = 0;
        for (const { dt, level } of changes) {
          t += dt;
          clock.setLevel(t, level);
          if (breakpoints.at(-1)!.t === t) breakpoints.at(-1)!.level = level;
          else if (breakpoints.at(-1)!.level !== level) breakpoints.push({ t, level });
        }
        const v = q * clock.valueAt(t) + (q > 1 ? q : 0);
        const from = f * t;
        // The reference: the last breakpoint at or after from's segment whose V is below v, and its level.
        const values = breakpoints.map((b) => clock.valueAt(b.t));
        let expected: number;
        if (v <= clock.valueAt(from)) expected = from;
        else {
          let k = 0;
          while (k + 1 < breakpoints.length && breakpoints[k + 1]!.t <= from) k++;
          while (k + 1 < breakpoints.length && values[k + 1]! < v) k++;
          const { t: tk, level } = breakpoints[k]!;
          const next = breakpoints[k + 1];
          if (level <= 0) expected = next === undefined ? Infinity : next.t;
          else {
            const reached = tk + (v - values[k]!) / level;
            expected = Math.max(from, next === undefined ? reached : Math.min(next.t, reached));
          }
        }
        expect(clock.timeAt(v, from)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
