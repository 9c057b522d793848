import fc from 'fast-check';
import type { RecoveryPointPolicy, Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from './arbitraryScenario.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const GB = 1e9;
const THRESHOLD = { rpoThresholdSec: 15 * MIN };

const unique = fc.double({ min: 0.05, max: 1, noNaN: true });

/** A valid policy of any kind, its parameters spread over the ranges each product allows. */
export const arbitraryPolicy: fc.Arbitrary<RecoveryPointPolicy> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('asr' as const, 'asr-modernized' as const),
    crashConsistentIntervalSec: fc.constant(5 * MIN),
    appConsistentIntervalSec: fc.constantFrom(0, HOUR, 4 * HOUR),
    retentionSec: fc.constantFrom(0, HOUR, DAY, 3 * DAY, 10 * DAY),
    rpoThresholdSec: fc.constant(THRESHOLD.rpoThresholdSec),
  }),
  fc.integer({ min: 1, max: 10 }).map((days): RecoveryPointPolicy => ({ kind: 'aws-drs', dailyRetentionSec: days * DAY, ...THRESHOLD })),
  fc
    .record({
      journalHistorySec: fc.constantFrom(HOUR, 4 * HOUR, DAY),
      journalLimitBytes: fc.option(fc.double({ min: 8 * GB, max: 200 * GB, noNaN: true }), { nil: null }),
      appConsistentIntervalSec: fc.constantFrom(0, HOUR),
    })
    .map((p): RecoveryPointPolicy => ({ kind: 'zerto', checkpointIntervalSec: 5, ...p, ...THRESHOLD })),
  fc
    .record({
      rpoSec: fc.constantFrom(5, 15, 60, 300),
      shortTermRetentionSec: fc.constantFrom(10 * MIN, HOUR, 4 * HOUR),
      longTermIntervalSec: fc.constantFrom(0, HOUR, 8 * HOUR),
      longTermRetentionSec: fc.constantFrom(DAY, 7 * DAY),
      longTermKind: fc.constantFrom('crash-consistent' as const, 'app-consistent' as const),
    })
    .map((p): RecoveryPointPolicy => ({ kind: 'veeam-cdp', ...p, ...THRESHOLD })),
  fc
    .record({
      rpoSec: fc.constantFrom(5 * MIN, 15 * MIN, HOUR, 4 * HOUR),
      quiescing: fc.boolean(),
      perDay: fc.integer({ min: 0, max: 24 }),
      days: fc.integer({ min: 1, max: 24 }),
      uniqueFraction: unique,
    })
    .map(({ rpoSec, quiescing, perDay, days, uniqueFraction }): RecoveryPointPolicy => ({
      kind: 'vsphere-replication',
      rpoSec: quiescing ? Math.max(15 * MIN, rpoSec) : rpoSec,
      quiescing,
      instancesPerDay: perDay,
      instanceDays: perDay === 0 ? 0 : Math.max(1, Math.min(days, Math.floor(24 / perDay))),
      uniqueFraction,
      rpoThresholdSec: rpoSec,
    })),
  fc
    .record({ intervalSec: fc.constantFrom(5 * MIN, HOUR, 4 * HOUR), restorePoints: fc.integer({ min: 1, max: 28 }), uniqueFraction: unique, applicationAware: fc.boolean() })
    .map((p): RecoveryPointPolicy => ({ kind: 'veeam-replication', ...p, rpoThresholdSec: p.intervalSec })),
);

/** arbitraryScenario's random sites and workloads under a random policy of any product. */
export const arbitraryPolicyScenario: fc.Arbitrary<Scenario> = fc.tuple(arbitraryScenario, arbitraryPolicy).map(([scenario, policy]) => ({ ...scenario, policy }));
