import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointPolicy } from '../../../src/model/policies/index.js';
import type { PointStore } from '../../../src/model/points/pointStore.js';
import type { RecoveryPointPolicy } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { arbitraryPolicy, arbitraryPolicyScenario } from '../../helpers/arbitraryPolicy.js';
import { constantWorkload, retainedSources } from '../../helpers/pointStores.js';

const HOUR = 3600;
const DAY = 86_400;

/**
 * The instants at which a policy's points arrive over `horizonSec`, with some stretches missing (an outage): the
 * tag instants of a continuous stream, or sync starts at irregular intervals for a delta-sync product.
 */
function pointTimes(policy: RecoveryPointPolicy, horizonSec: number, gaps: [number, number][], spacing: number[]): number[] {
  const model = pointPolicy(policy);
  const inGap = (t: number) => gaps.some(([from, length]) => t >= from && t < from + length);
  const times = new Set<number>();
  if (model.deltaSync !== null) {
    let t = 0;
    for (let k = 0; t <= horizonSec; k++) {
      if (!inGap(t)) times.add(t);
      t += spacing[k % spacing.length]!;
    }
  } else {
    for (const { intervalSec } of model.tagSeries) for (let k = 0; k * intervalSec <= horizonSec; k++) if (!inGap(k * intervalSec)) times.add(k * intervalSec);
  }
  return [...times].sort((a, b) => a - b);
}

const gaps = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 * DAY }), fc.integer({ min: 60, max: 12 * HOUR })), { maxLength: 3 });
const spacing = fc.array(fc.integer({ min: 60, max: 6 * HOUR }), { minLength: 1, maxLength: 5 });

describe('every policy’s point store', () => {
  it('property: the newest point is never pruned, and pruning at any times leaves the set a never-pruned store keeps', () => {
    fc.assert(
      fc.property(arbitraryPolicy, gaps, spacing, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), (policy, holes, steps, fractions) => {
        const horizonSec = 2 * DAY;
        const times = pointTimes(policy, horizonSec, holes, steps);
        fc.pre(times.length > 0);
        const model = pointPolicy(policy);
        const kindAt = (t: number) => (model.deltaSync?.pointKind ?? ([...model.tagSeries].reverse().find((s) => t % s.intervalSec === 0)?.kind ?? 'crash-consistent'));
        const workload = constantWorkload(2e6);
        const pruned: PointStore = model.createStore(constantWorkload(2e6));
        const whole: PointStore = model.createStore(workload);
        let fed = 0;
        const feedUntil = (now: number) => {
          for (; fed < times.length && times[fed]! <= now; fed++) {
            const t = times[fed]!;
            for (const store of [pruned, whole]) store.add(t, workload.bytesAt(t), t, kindAt(t));
          }
        };
        for (const fraction of [...fractions].sort((a, b) => a - b)) {
          const now = fraction * 3 * DAY;
          feedUntil(now);
          if (fed === 0) continue;
          pruned.prune(now);
          expect(pruned.newest()!.sourceTimeSec).toBe(times[fed - 1]);
          expect(pruned.newestRetainedAtOrBefore(Infinity, now)!.sourceTimeSec).toBe(times[fed - 1]);
          expect(retainedSources(pruned, now)).toEqual(retainedSources(whole, now));
          expect(pruned.retainedCount(now)).toBe(whole.retainedCount(now));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('simulate(scenario) under any product’s policy', () => {
  it('property: no point is newer than the data that has arrived (RPO ≥ replication lag; ≥ the processing delay for points)', () => {
    fc.assert(
      fc.property(arbitraryPolicyScenario, (scenario) => {
        const result = simulate(scenario, { measureLag: true });
        const delay = scenario.cloud.processingDelaySec;
        const lagIsRpo = scenario.policy.kind === 'aws-drs';
        for (const sample of result.timeseries) {
          if (sample.rpoSec === null) continue;
          if (sample.lagSec !== null && sample.lagSec !== undefined) expect(sample.rpoSec).toBeGreaterThanOrEqual(sample.lagSec - 1e-6);
          if (!lagIsRpo) expect(sample.rpoSec).toBeGreaterThanOrEqual(delay - 1e-6);
          expect(sample.oldestPointAgeSec!).toBeGreaterThanOrEqual(sample.rpoSec - 1e-6);
        }
        for (const vm of result.vms) {
          expect(vm.recoveryPointsRetainedAtEnd).toBeLessThanOrEqual(vm.recoveryPointsCreated);
          if (vm.retention.samples > 0) expect(vm.retention.oldestPointAgeMinSec!).toBeLessThanOrEqual(vm.retention.oldestPointAgeMeanSec! + 1e-6);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('property: observing never changes a result, whatever the product', () => {
    fc.assert(
      fc.property(arbitraryPolicyScenario, (scenario) => {
        const bare = simulate({ ...scenario, output: { sampleIntervalSec: 0 }, disasters: { timesSec: [], randomCount: 0 } });
        const observed = simulate({ ...scenario, output: { sampleIntervalSec: 7 * 60 }, disasters: { timesSec: [], randomCount: 50 } });
        const withoutFailovers = (result: typeof bare) => result.vms.map(({ failover: _ignored, ...rest }) => rest);
        expect(withoutFailovers(observed)).toEqual(withoutFailovers(bare));
        expect(observed.processServers).toEqual(bare.processServers);
        expect(observed.uplinks).toEqual(bare.uplinks);
      }),
      { numRuns: 25 },
    );
  });
});
