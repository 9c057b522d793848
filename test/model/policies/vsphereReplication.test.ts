import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slots, vsphereReplicationPolicy } from '../../../src/model/policies/vsphereReplication.js';
import type { VsphereReplicationPolicySpec } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { constantWorkload, feed, range, retainedSources } from '../../helpers/pointStores.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

const spec = (instancesPerDay: number, instanceDays: number): VsphereReplicationPolicySpec => ({
  kind: 'vsphere-replication',
  rpoSec: HOUR,
  quiescing: false,
  instancesPerDay,
  instanceDays,
  uniqueFraction: 0.5,
  rpoThresholdSec: HOUR,
});

// Worked example: 3 instances a day for 2 days: slots of 24 h / 3 = 8 h on absolute time (0:00, 8:00, 16:00).
// Syncs start at 50 minutes past every hour (0:50, 1:50, …), the latest at 71 h 50 min = 258 600 s, in slot 8
// (64–72 h). The 6 slots ending with it are 3 … 8; each keeps its first instance:
//   slot 3 (24–32 h): 24 h 50 = 89 400     slot 4: 32 h 50 = 118 200    slot 5: 40 h 50 = 147 000
//   slot 6: 48 h 50 = 175 800              slot 7: 56 h 50 = 204 600    slot 8: 64 h 50 = 233 400
// and the latest, 258 600, not counted: 7 instances (N × D + 1). Every other instance has expired.
describe('vSphere Replication point-in-time instances: N a day for D days, the latest always kept', () => {
  it('keeps the first instance of each of the last N × D slots, and the latest', () => {
    const workload = constantWorkload(1e6);
    const points = vsphereReplicationPolicy(spec(3, 2)).createStore(workload);
    feed(points, range(50 * MIN, 258_600, HOUR), workload.bytesAt, 144);
    const expected = [89_400, 118_200, 147_000, 175_800, 204_600, 233_400, 258_600];
    expect(retainedSources(points, 259_000)).toEqual(expected);
    points.prune(259_000);
    expect(retainedSources(points, 259_000)).toEqual(expected);
    // The documentation's example: 3 a day for 5 days leaves 15 instances and the latest, 16 in all.
    const five = vsphereReplicationPolicy(spec(3, 5)).createStore(workload);
    feed(five, range(50 * MIN, 6 * DAY, HOUR), workload.bytesAt, 144);
    expect(five.retainedCount(6 * DAY)).toBe(16);
  });

  it('keeps only the latest instance without point-in-time instances', () => {
    const workload = constantWorkload(1e6);
    const points = vsphereReplicationPolicy(spec(0, 0)).createStore(workload);
    feed(points, range(0, 10 * HOUR, HOUR), workload.bytesAt, 144);
    expect(retainedSources(points, 10 * HOUR + 144)).toEqual([10 * HOUR]);
  });

  it('simulate(): 3 a day for 2 days with a 1 h RPO keeps 7 instances, back to the first sync after 24 h', () => {
    // At 3 d the latest instance started within the last RPO, in slot 8 (64–72 h): the kept slots are 3 … 8, and
    // the oldest instance is slot 3's first, the first sync at or after 24 h (syncs are less than 1 h apart).
    // 47 h back from 3 d is 25 h: that instance. 49 h back is 23 h, in slot 2: expired.
    const run = (age: string) =>
      simulate(oneVmScenario({ policy: { kind: 'vsphere-replication', rpo: '1h', instancesPerDay: 3, instanceDays: 2 }, churn: [{ constant: '1 MB/s' }], horizon: '3d1m', disasters: ['3d'], choices: ['custom'], customPointAge: age }));
    const recent = run('47h');
    expect(recent.vms[0]!.recoveryPointsRetainedAtEnd).toBe(7);
    const found = failoverRecords(recent.failovers)[0]!.recoveryPointTimeSec!;
    expect(found).toBeGreaterThanOrEqual(DAY);
    expect(found).toBeLessThan(DAY + HOUR);
    expect(failoverRecords(run('49h').failovers)[0]!.recoveryPointTimeSec).toBeNull();
  });

  it('property: never more than N × D ≤ 24 instances besides the latest, and pruning at any time keeps the same set', () => {
    const perDayDays = fc.integer({ min: 1, max: 24 }).chain((perDay) => fc.tuple(fc.constant(perDay), fc.integer({ min: 1, max: Math.floor(24 / perDay) })));
    const starts = fc.array(fc.integer({ min: 1, max: 6 * HOUR }), { minLength: 1, maxLength: 300 }).map((gaps) => gaps.reduce<number[]>((all, gap) => [...all, (all[all.length - 1] ?? 0) + gap], []));
    fc.assert(
      fc.property(perDayDays, starts, fc.integer({ min: 0, max: 299 }), ([perDay, days], sources, cut) => {
        const rule = slots(perDay, days);
        const kept = rule(sources, sources[sources.length - 1]!);
        expect(kept.slice(0, -1).filter(Boolean).length).toBeLessThanOrEqual(Math.min(24, perDay * days));
        // Pruned at the cut, then more instances: the same answer as never pruned.
        const early = sources.slice(0, Math.min(cut, sources.length - 1) + 1);
        const survivors = early.filter((_, i) => i === early.length - 1 || rule(early, early[early.length - 1]!)[i]);
        const all = [...survivors, ...sources.slice(early.length)];
        const keptAfter = rule(all, all[all.length - 1]!);
        const withLatest = (set: boolean[], list: number[]) => list.filter((_, i) => set[i] || i === list.length - 1);
        expect(withLatest(keptAfter, all)).toEqual(withLatest(kept, sources));
      }),
      { numRuns: 200 },
    );
  });
});
