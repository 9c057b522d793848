import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecoveryPoints, type PointKind, type RecoveryPoint } from '../helpers/recoveryPoints.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const TICK = 5 * MIN;

/**
 * The documented grid (domain.md §2), written out independently of src/: beyond 2 h, 1 h buckets for a retention
 * up to 1 day, 2 h up to 7 days, and for longer retention 2 h for the first 7 days of age and 4 h beyond.
 */
function expectedBucketSec(ageSec: number, retentionSec: number): number {
  if (retentionSec <= DAY) return HOUR;
  if (retentionSec <= 7 * DAY || ageSec <= 7 * DAY) return 2 * HOUR;
  return 4 * HOUR;
}

/** A point stream: crash-consistent points every 5 min with runs of missing points; every N-th tick app-consistent. */
interface Stream {
  points: RecoveryPoint[];
  retentionSec: number;
}

const stream: fc.Arbitrary<Stream> = fc
  .record({
    firstTick: fc.integer({ min: 0, max: 2000 }),
    runs: fc.array(fc.record({ points: fc.integer({ min: 1, max: 600 }), gapTicks: fc.integer({ min: 0, max: 400 }) }), {
      minLength: 1,
      maxLength: 10,
    }),
    appEveryTicks: fc.constantFrom(0, 12, 24, 48, 144), // off, 1 h, 2 h, 4 h, 12 h
    appPhaseTicks: fc.integer({ min: 0, max: 143 }),
    delaySec: fc.integer({ min: 0, max: 900 }),
    retentionSec: fc.oneof(
      fc.constantFrom(0, HOUR, DAY, 3 * DAY, 7 * DAY, 8 * DAY, 15 * DAY),
      fc.integer({ min: 0, max: 15 * DAY }),
    ),
  })
  .map(({ firstTick, runs, appEveryTicks, appPhaseTicks, delaySec, retentionSec }) => {
    const points: RecoveryPoint[] = [];
    let tick = firstTick;
    for (const run of runs) {
      for (let k = 0; k < run.points; k++, tick++) {
        const kind: PointKind =
          appEveryTicks > 0 && (tick + appPhaseTicks) % appEveryTicks === 0 ? 'app-consistent' : 'crash-consistent';
        const sourceTimeSec = tick * TICK;
        points.push({ sourceTimeSec, streamBytes: tick * 1e6, kind, usableSec: sourceTimeSec + delaySec });
      }
      tick += run.gapTicks;
    }
    return { points, retentionSec };
  });

/** Query times from the last point's usable instant up to 16 days later. */
const laterSec = fc.array(fc.integer({ min: 0, max: 16 * DAY }), { minLength: 1, maxLength: 5 });

function filled({ points, retentionSec }: Stream): RecoveryPoints {
  const kept = new RecoveryPoints(retentionSec);
  for (const point of points) kept.add(point);
  return kept;
}

const newestApp = (points: RecoveryPoint[]): RecoveryPoint | undefined =>
  points.filter((p) => p.kind === 'app-consistent').at(-1);
/** The newest point and the newest app-consistent point: kept whatever their age. */
const alwaysKept = (s: Stream): Set<RecoveryPoint | undefined> => new Set([s.points.at(-1), newestApp(s.points)]);

describe('RecoveryPoints under the retention grid', () => {
  it('retainedAt(t) keeps every point at most 2 h old (within the retention)', () => {
    fc.assert(
      fc.property(stream, laterSec, (s, offsets) => {
        const kept = filled(s);
        for (const offset of offsets) {
          const now = s.points.at(-1)!.usableSec + offset;
          const retained = new Set(kept.retainedAt(now));
          for (const p of s.points) {
            if (now - p.sourceTimeSec <= Math.min(2 * HOUR, s.retentionSec)) expect(retained.has(p)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('retainedAt(t) keeps nothing older than the retention but the newest point and the newest app-consistent one', () => {
    fc.assert(
      fc.property(stream, laterSec, (s, offsets) => {
        const kept = filled(s);
        const always = alwaysKept(s);
        for (const offset of offsets) {
          const now = s.points.at(-1)!.usableSec + offset;
          const retained = kept.retainedAt(now);
          expect(retained).toContain(s.points.at(-1));
          const app = newestApp(s.points);
          if (app) expect(retained).toContain(app);
          for (const p of retained) {
            if (now - p.sourceTimeSec > s.retentionSec) expect(always.has(p)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('retainedAt(t) keeps at most one point of each kind per grid bucket beyond 2 h', () => {
    fc.assert(
      fc.property(stream, laterSec, (s, offsets) => {
        const kept = filled(s);
        const always = alwaysKept(s);
        for (const offset of offsets) {
          const now = s.points.at(-1)!.usableSec + offset;
          const seen = new Set<string>();
          for (const p of kept.retainedAt(now)) {
            const age = now - p.sourceTimeSec;
            if (age <= 2 * HOUR || always.has(p)) continue;
            const size = expectedBucketSec(age, s.retentionSec);
            const key = `${p.kind} ${size} ${Math.floor(p.sourceTimeSec / size)}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('retainedAt(t) keeps the first point, and the first app-consistent point, of every bucket wholly inside the retention beyond 2 h', () => {
    fc.assert(
      fc.property(stream, laterSec, (s, offsets) => {
        const kept = filled(s);
        for (const offset of offsets) {
          const now = s.points.at(-1)!.usableSec + offset;
          const retained = new Set(kept.retainedAt(now));
          const firstOf = new Map<string, RecoveryPoint>();
          for (const p of s.points) {
            const size = expectedBucketSec(now - p.sourceTimeSec, s.retentionSec);
            const bucket = Math.floor(p.sourceTimeSec / size);
            // Ages the bucket spans at `now`: (now − (bucket + 1)·size, now − bucket·size].
            const youngest = now - (bucket + 1) * size;
            const oldest = now - bucket * size;
            const wholly =
              youngest >= 2 * HOUR &&
              oldest <= s.retentionSec &&
              expectedBucketSec(oldest, s.retentionSec) === size &&
              expectedBucketSec(youngest + 1e-9, s.retentionSec) === size;
            if (!wholly) continue;
            for (const key of [`any ${size} ${bucket}`, p.kind === 'app-consistent' ? `app ${size} ${bucket}` : '']) {
              if (key && !firstOf.has(key)) firstOf.set(key, p);
            }
          }
          for (const p of firstOf.values()) expect(retained.has(p)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('retainedAt(t) with retention 0 keeps only the newest point and the newest app-consistent point', () => {
    fc.assert(
      fc.property(stream, laterSec, (s, offsets) => {
        const zero = { ...s, retentionSec: 0 };
        const kept = filled(zero);
        const always = alwaysKept(zero);
        const expected = s.points.filter((p) => always.has(p));
        for (const offset of offsets) {
          const now = s.points.at(-1)!.usableSec + offset;
          expect(kept.retainedAt(now)).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('prune(t1), prune(t2), … leave the same points as retainedAt(t) without pruning', () => {
    // Points arrive as they become usable; prunes fall at random instants between arrivals.
    fc.assert(
      fc.property(stream, fc.array(fc.integer({ min: 0, max: 3 * HOUR }), { maxLength: 200 }), laterSec, (s, pruneGaps, offsets) => {
        const pruned = new RecoveryPoints(s.retentionSec);
        const reference = filled(s);
        const step = Math.max(1, Math.floor(s.points.length / (pruneGaps.length + 1)));
        let lastPruneSec = -Infinity;
        s.points.forEach((p, k) => {
          pruned.add(p);
          const gap = pruneGaps[Math.floor(k / step)];
          if (k % step === 0 && gap !== undefined) {
            lastPruneSec = Math.max(lastPruneSec, p.usableSec + (gap % TICK));
            pruned.prune(lastPruneSec);
          }
        });
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const now = Math.max(lastPruneSec, s.points.at(-1)!.usableSec) + offset;
          pruned.prune(now);
          expect(pruned.retainedAt(now)).toEqual(reference.retainedAt(now));
          expect(pruned.newestRetainedAtOrBefore(now, now)).toBe(reference.newestRetainedAtOrBefore(now, now));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('retainedAt(t) with 24 h retention and a point every 5 min keeps 25 + 22 = 47 points in steady state', () => {
    // Last 2 h, both ends included: 7200 / 300 + 1 = 25 points. Beyond: the on-the-hour points aged (2 h, 24 h]:
    // 22 of them at any phase t (hours h with t − 24 h ≤ 3600·h < t − 2 h, less the hour at t − 2 h when it
    // falls exactly on an hour, which is already in the last 2 h).
    const kept = new RecoveryPoints(DAY);
    const counts = new Set<number>();
    for (let tick = 0; tick * TICK <= 3 * DAY; tick++) {
      const sourceTimeSec = tick * TICK;
      kept.add({ sourceTimeSec, streamBytes: tick, kind: 'crash-consistent', usableSec: sourceTimeSec });
      kept.prune(sourceTimeSec);
      if (sourceTimeSec >= 2 * DAY) counts.add(kept.retainedAt(sourceTimeSec).length);
    }
    expect([...counts]).toEqual([47]);
    const retained = kept.retainedAt(3 * DAY);
    const hourly = retained.filter((p) => 3 * DAY - p.sourceTimeSec > 2 * HOUR).map((p) => p.sourceTimeSec / HOUR);
    expect(hourly).toEqual(Array.from({ length: 22 }, (_, k) => 48 + k));
    expect(kept.created).toBe(3 * 288 + 1);
  });
});
