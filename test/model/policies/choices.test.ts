import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import { describe, expect, it } from 'vitest';
import { PRODUCT_CHOICES, type FailoverChoice } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

// Which failover choices each product has, from its documentation (README, "Recovery-point policies"). A VM in no
// replication group recovers its own point for the multi-VM choices of a product that has them. (clean, which every
// product answers as custom with the dwell as the age, is test/model/dwell.test.ts's.)
const CASES: { policy: Record<string, unknown>; has: FailoverChoice[] }[] = [
  { policy: { kind: 'asr', appConsistentInterval: '1h' }, has: [...PRODUCT_CHOICES] },
  { policy: { kind: 'asr-modernized' }, has: ['latest', 'latest-processed', 'latest-multi-vm-processed', 'custom'] },
  { policy: { kind: 'aws-drs' }, has: ['latest', 'custom'] },
  { policy: { kind: 'zerto' }, has: ['latest', 'latest-multi-vm-processed', 'custom'] },
  { policy: { kind: 'zerto', appConsistentInterval: '1h' }, has: ['latest', 'latest-app-consistent', 'latest-multi-vm-processed', 'latest-multi-vm-app-consistent', 'custom'] },
  { policy: { kind: 'veeam-cdp' }, has: ['latest', 'custom'] },
  { policy: { kind: 'veeam-cdp', longTermKind: 'app-consistent' }, has: ['latest', 'latest-app-consistent', 'custom'] },
  { policy: { kind: 'vsphere-replication', instancesPerDay: 24, instanceDays: 1 }, has: ['latest', 'custom'] },
  { policy: { kind: 'vsphere-replication', quiescing: true, instancesPerDay: 24, instanceDays: 1 }, has: ['latest', 'latest-app-consistent', 'custom'] },
  { policy: { kind: 'veeam-replication' }, has: ['latest', 'latest-app-consistent', 'custom'] },
  { policy: { kind: 'veeam-replication', applicationAware: false }, has: ['latest', 'custom'] },
];

describe('every failover choice a product lacks gives a row with a note and no number', () => {
  for (const { policy, has } of CASES) {
    it(`${JSON.stringify(policy)} has ${has.join(', ')}`, () => {
      // 5 h into a steady run, every choice the product has finds a point at least the custom age (1 h) old.
      const result = simulate(oneVmScenario({ policy, horizon: '6h', disasters: ['5h'], choices: [...PRODUCT_CHOICES] }));
      for (const record of failoverRecords(result.failovers)) {
        if (has.includes(record.choice)) {
          expect(record.recoveryPointTimeSec, record.choice).not.toBeNull();
          expect(record.dataLossSec, record.choice).not.toBeNull();
          expect(record.downtimeSec, record.choice).not.toBeNull();
        } else {
          expect(record, record.choice).toMatchObject({ recoveryPointTimeSec: null, recoveryPointKind: null, dataLossSec: null, dataLossBytes: null, downtimeSec: null });
          expect(record.note.length, record.choice).toBeGreaterThan(10);
        }
      }
      const summary = result.vms[0]!.failover;
      for (const choice of summary) expect(choice.available, choice.choice).toBe(has.includes(choice.choice) ? 1 : 0);
    });
  }
});
