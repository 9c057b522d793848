import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsDrsPolicy } from '../../../src/model/policies/awsDrs.js';
import type { AwsDrsPolicySpec } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { constantWorkload, feed, range, retainedSources } from '../../helpers/pointStores.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

const spec = (dailyRetentionSec: number): AwsDrsPolicySpec => ({ kind: 'aws-drs', dailyRetentionSec, rpoThresholdSec: 15 * MIN });
const store = (dailyRetentionSec: number) => awsDrsPolicy(spec(dailyRetentionSec)).createStore(constantWorkload(4e6));

// Worked example: snapshots every 10 minutes from 0, daily snapshots kept 2 days, looked at 3 d 5 min = 259 500 s.
//   kept 1 h, every snapshot (age ≤ 1 h):           256 200, 256 800, …, 259 200                       6
//   kept 24 h, the first of each hour (on the hour): 176 400 (49 h, 23 h 5 min old) … 255 600 (71 h)   23
//   kept 2 days, the first of each day:              172 800 (day 2, 24 h 5 min old)                    1
//                                                    day 1 (86 400) is 48 h 5 min old: gone
// 30 snapshots, the oldest 172 800.
const AT = 3 * DAY + 5 * MIN;
const EXPECTED = [172_800, ...range(176_400, 255_600, HOUR), ...range(256_200, 259_200, 10 * MIN)];

describe('AWS DRS point-in-time snapshots: every 10 min kept 1 h, hourly kept 24 h, daily kept N days', () => {
  it('keeps exactly the worked example’s 30 snapshots at 3 d 5 min', () => {
    const points = store(2 * DAY);
    const workload = constantWorkload(4e6);
    feed(points, range(0, AT, 10 * MIN), workload.bytesAt);
    expect(EXPECTED).toHaveLength(30);
    expect(retainedSources(points, AT)).toEqual(EXPECTED);
    expect(points.retainedCount(AT)).toBe(30);
    expect(points.oldestRetained(AT)!.sourceTimeSec).toBe(172_800);
    points.prune(AT);
    expect(retainedSources(points, AT)).toEqual(EXPECTED);
  });

  it('simulate(): the same 30 snapshots at the horizon, custom choices land on them, and the RPO is the sub-second lag', () => {
    // At 3 d (259 200 s): a point at least 25 h old must be at or before 169 200 s. The hourly snapshots reach back
    // 24 h (172 800 s), so the newest such point is day 1's daily snapshot, 86 400 s (exactly 2 days old, still kept).
    const daily = simulate(oneVmScenario({ policy: { kind: 'aws-drs', dailyRetention: '2d' }, horizon: '3d5m', disasters: ['3d'], choices: ['latest', 'custom'], customPointAge: '25h' }));
    expect(daily.vms[0]!.recoveryPointsRetainedAtEnd).toBe(30);
    const [latest, custom] = failoverRecords(daily.failovers);
    expect(custom!.recoveryPointTimeSec).toBe(86_400);
    // Most recent data: everything uploaded (the link keeps up with 4 MB/s), nothing lost.
    expect(latest!.recoveryPointKind).toBe('latest-uploaded');
    expect(latest!.dataLossSec!).toBeLessThan(1);
    expect(daily.vms[0]!.rpo.max!).toBeLessThan(1);
    // 90 minutes back from 3 d is 253 800 s: the last-hour snapshots start at 255 600 s, so the hourly 252 000 s.
    const hourly = simulate(oneVmScenario({ policy: { kind: 'aws-drs', dailyRetention: '2d' }, horizon: '3d5m', disasters: ['3d'], choices: ['custom'], customPointAge: '90m' }));
    expect(failoverRecords(hourly.failovers)[0]!.recoveryPointTimeSec).toBe(252_000);
  });

  // The rule written out independently: which snapshots exist at nowSec, given every snapshot ever taken.
  function byTheRule(taken: number[], nowSec: number, dailySec: number): number[] {
    const firstIn = (bucketSec: number) => new Set(taken.filter((s, i) => i === 0 || Math.floor(taken[i - 1]! / bucketSec) !== Math.floor(s / bucketSec)));
    const hourFirst = firstIn(HOUR);
    const dayFirst = firstIn(DAY);
    const newest = taken[taken.length - 1];
    return taken.filter((s) => {
      const age = nowSec - s;
      return s === newest || age <= HOUR || (age <= DAY && hourFirst.has(s)) || (age <= dailySec && dayFirst.has(s));
    });
  }

  it('property: the retained set is the 10-min / 1-h / 1-day rule, whatever the gaps, pruned whenever', () => {
    const snapshots = fc
      .array(fc.record({ count: fc.integer({ min: 1, max: 300 }), gap: fc.integer({ min: 0, max: 500 }) }), { minLength: 1, maxLength: 8 })
      .map((runs) => {
        const taken: number[] = [];
        let tick = 0;
        for (const run of runs) {
          for (let k = 0; k < run.count; k++) taken.push(10 * MIN * tick++);
          tick += run.gap;
        }
        return taken;
      });
    fc.assert(
      fc.property(snapshots, fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 12 * DAY }), { minLength: 1, maxLength: 4 }), (taken, days, laters) => {
        const points = store(days * DAY);
        const workload = constantWorkload(1e6);
        const last = taken[taken.length - 1]!;
        // Prune part-way through, as compaction does, then at later times.
        const half = taken.filter((s) => s <= taken[Math.floor(taken.length / 2)]!);
        feed(points, half, workload.bytesAt);
        points.prune(half[half.length - 1]!);
        feed(points, taken.slice(half.length), workload.bytesAt);
        for (const later of [...laters].sort((a, b) => a - b)) {
          const now = last + later;
          expect(retainedSources(points, now)).toEqual(byTheRule(taken, now, days * DAY));
          points.prune(now);
        }
      }),
      { numRuns: 60 },
    );
  });
});
