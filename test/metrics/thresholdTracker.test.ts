import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThresholdTracker } from '../../src/metrics/thresholdTracker.js';

interface Segment {
  t0: number;
  v0: number;
  t1: number;
  v1: number;
}

/**
 * Brute force on a fine grid. Every segment that reaches past fromSec is sampled at its (clipped) start, at its
 * end and at the midpoints of cells no wider than GRID_SEC; the value is linear in between, and Infinity inside
 * a segment with an infinite end (the limit of a linear rise to or fall from a huge value). Episodes are maximal
 * runs of samples above the level: the samples at both ends of every segment catch every jump and every crossing,
 * so the count is exact. Seconds above are the widths of cells whose midpoint is above: within GRID_SEC per
 * segment (the one cell holding a crossing).
 */
const GRID_SEC = 0.01;

function valueAt({ t0, v0, t1, v1 }: Segment, t: number): number {
  if (t === t0) return v0;
  if (t === t1) return v1;
  if (!Number.isFinite(v0) || !Number.isFinite(v1)) return Infinity;
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

function bruteForce(segments: Segment[], level: number, fromSec: number): { episodes: number; seconds: number } {
  let episodes = 0;
  let seconds = 0;
  let above = false;
  const visit = (value: number): void => {
    if (value > level && !above) episodes++;
    above = value > level;
  };
  for (const s of segments) {
    if (s.t1 <= fromSec || s.t1 <= s.t0) continue;
    const from = Math.max(s.t0, fromSec);
    const cells = Math.max(1, Math.ceil((s.t1 - from) / GRID_SEC));
    const width = (s.t1 - from) / cells;
    visit(valueAt(s, from));
    for (let k = 0; k < cells; k++) {
      const value = valueAt(s, from + (k + 0.5) * width);
      visit(value);
      if (value > level) seconds += width;
    }
    visit(valueAt(s, s.t1));
  }
  return { episodes, seconds };
}

function track(segments: Segment[], level: number, fromSec: number): { episodes: number; seconds: number } {
  const tracker = new ThresholdTracker(level, fromSec);
  for (const { t0, v0, t1, v1 } of segments) tracker.segment(t0, v0, t1, v1);
  return tracker.summary();
}

/** Back-to-back segments with jumps between them; values from a small set so they often sit exactly on the level. */
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 20, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 5, 10, 15) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);
const linearSegments = fc
  .array(fc.record({ length: fc.double({ min: 0.1, max: 30, noNaN: true }), v0: value, v1: value }), { maxLength: 25 })
  .map((parts) => {
    let t = 0;
    return parts.map(({ length, v0, v1 }) => {
      const segment = { t0: t, v0, t1: t + length, v1 };
      t += length;
      return segment;
    });
  });

describe('ThresholdTracker', () => {
  it('segment(t0, v0, t1, v1) … summary() match a fine-grid count of episodes and seconds above', () => {
    fc.assert(
      fc.property(
        linearSegments,
        fc.constantFrom(5, 10, 12.5),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
        (segments, level, fromSec) => {
          const got = track(segments, level, fromSec);
          const expected = bruteForce(segments, level, fromSec);
          expect(got.episodes).toBe(expected.episodes);
          expect(Math.abs(got.seconds - expected.seconds)).toBeLessThanOrEqual(segments.length * GRID_SEC + 1e-6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('segment(...) on an RPO sawtooth counts one episode per rise above the level and the seconds above', () => {
    // RPO rising with slope 1 from 5 to 20 min, a new point resets it to 5 min: threshold 15 min.
    const tracker = new ThresholdTracker(900, 0);
    for (let k = 0; k < 4; k++) tracker.segment(k * 900, 300, (k + 1) * 900, 1200);
    expect(tracker.summary()).toEqual({ episodes: 4, seconds: 4 * 300 });
  });

  it('segment(...) keeps one episode while the signal jumps but stays above the level', () => {
    const tracker = new ThresholdTracker(10, 0);
    tracker.segment(0, 0, 10, 20); // crosses at 5
    tracker.segment(10, 15, 20, 25); // jumps down, still above
    tracker.segment(20, 12, 30, 2); // falls through 10 at 22
    tracker.segment(30, 10, 40, 10); // at the level is not above
    expect(tracker.summary()).toEqual({ episodes: 1, seconds: 5 + 10 + 2 });
  });

  it('segment(...) ignores segments that end by fromSec and clips one that straddles it', () => {
    const tracker = new ThresholdTracker(10, 100);
    tracker.segment(0, 50, 50, 50);
    tracker.segment(50, 50, 100, 50); // ends at fromSec: ignored
    tracker.segment(100, 0, 110, 0);
    tracker.segment(110, 0, 130, 20); // entirely after: crosses at 120
    expect(tracker.summary()).toEqual({ episodes: 1, seconds: 10 });

    const straddling = new ThresholdTracker(10, 100);
    straddling.segment(80, 0, 120, 20); // 10 at t = 100 exactly; above on (100, 120]
    expect(straddling.summary()).toEqual({ episodes: 1, seconds: 20 });
    const straddlingAbove = new ThresholdTracker(10, 100);
    straddlingAbove.segment(90, 20, 130, 0); // 15 at t = 100, above until 110
    expect(straddlingAbove.summary()).toEqual({ episodes: 1, seconds: 10 });
  });

  it('segment(...) treats a segment with an Infinity end as above the level throughout', () => {
    const risesToInfinity = new ThresholdTracker(10, 0);
    risesToInfinity.segment(0, 0, 10, Infinity);
    expect(risesToInfinity.summary()).toEqual({ episodes: 1, seconds: 10 });

    const fallsFromInfinity = new ThresholdTracker(10, 0);
    fallsFromInfinity.segment(0, Infinity, 10, 0);
    expect(fallsFromInfinity.summary()).toEqual({ episodes: 1, seconds: 10 });

    const staysInfinite = new ThresholdTracker(10, 5);
    staysInfinite.segment(0, Infinity, 10, Infinity);
    staysInfinite.segment(10, Infinity, 20, Infinity);
    expect(staysInfinite.summary()).toEqual({ episodes: 1, seconds: 15 });
  });

  it('ThresholdTracker(level, from, raiseAfterSec) raises an alert only for runs above the level that last that long', () => {
    // Pending upload flapping around 30 min: above for 10 min, below, above for 40 min. ASR waits 15 min.
    const tracker = new ThresholdTracker(1800, 0, 900);
    tracker.segment(0, 1700, 600, 2000); // crosses at 200 s
    tracker.segment(600, 2000, 800, 1600); // falls through 1800 at 700 s: a run of 500 s, no alert
    tracker.segment(800, 1900, 3200, 1900); // jumps above at 800, stays: 2400 s run so far
    tracker.segment(3200, 1900, 3400, 1700); // falls through at 3300: run 800..3300 = 2500 s
    expect(tracker.summary()).toEqual({ episodes: 1, seconds: 2500 - 900 });
    expect(tracker.secondsAbove).toBeCloseTo(500 + 2500, 9);
  });

  it('ThresholdTracker.summary() counts a run still open at the end once it has lasted the delay', () => {
    const tracker = new ThresholdTracker(10, 0, 60);
    tracker.segment(0, 20, 50, 20);
    expect(tracker.summary()).toEqual({ episodes: 0, seconds: 0 });
    tracker.segment(50, 20, 100, 20);
    expect(tracker.summary()).toEqual({ episodes: 1, seconds: 40 });
  });

  it('ThresholdTracker gives the same alerts whether a linear stretch arrives as one segment or split in pieces', () => {
    fc.assert(
      fc.property(linearSegments, fc.constantFrom(0, 3, 15), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (segments, delay, cut) => {
        const whole = new ThresholdTracker(10, 0, delay);
        // A run that lasts the alert delay exactly is a knife-edge: the cut's rounding may put its crossing an ulp
        // either side (FC_SEED=87: 0 → 30 s from 15 down to 5, a 15 s delay). Those of the whole segment with the
        // delay a microsecond shorter and longer bound the split one's count.
        const [longer, shorter] = [new ThresholdTracker(10, 0, delay + 1e-6), new ThresholdTracker(10, 0, Math.max(0, delay - 1e-6))];
        const split = new ThresholdTracker(10, 0, delay);
        for (const { t0, v0, t1, v1 } of segments) {
          for (const tracker of [whole, longer, shorter]) tracker.segment(t0, v0, t1, v1);
          const tm = t0 + cut * (t1 - t0);
          const vm = Number.isFinite(v0) && Number.isFinite(v1) ? v0 + cut * (v1 - v0) : Infinity;
          if (!Number.isFinite(vm)) {
            split.segment(t0, v0, t1, v1);
            continue;
          }
          split.segment(t0, v0, tm, vm);
          split.segment(tm, vm, t1, v1);
        }
        expect(split.summary().episodes).toBeGreaterThanOrEqual(longer.summary().episodes);
        expect(split.summary().episodes).toBeLessThanOrEqual(shorter.summary().episodes);
        expect(split.summary().seconds).toBeCloseTo(whole.summary().seconds, 5);
      }),
      { numRuns: 300 },
    );
  });
});
