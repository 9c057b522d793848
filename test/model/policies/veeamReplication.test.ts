import { describe, expect, it } from 'vitest';
import { veeamReplicationPolicy } from '../../../src/model/policies/veeamReplication.js';
import { simulate } from '../../../src/simulate.js';
import { constantWorkload, feed, range, retainedSources } from '../../helpers/pointStores.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const MB = 1e6;
const HOUR = 3600;

describe('Veeam snapshot replication: one restore point per job run, the oldest dropped beyond the count', () => {
  it('keeps the last 7 of hourly restore points', () => {
    const policy = veeamReplicationPolicy({ kind: 'veeam-replication', intervalSec: HOUR, restorePoints: 7, uniqueFraction: 0.5, applicationAware: true, rpoThresholdSec: HOUR });
    const workload = constantWorkload(MB);
    const points = policy.createStore(workload);
    feed(points, range(0, 20 * HOUR, HOUR), workload.bytesAt, 144, () => 'app-consistent');
    expect(retainedSources(points, 20 * HOUR)).toEqual(range(14 * HOUR, 20 * HOUR, HOUR));
    points.prune(20 * HOUR);
    expect(points.retainedCount(20 * HOUR)).toBe(7);
  });

  it('simulate(): 7 points at the end and the oldest point’s age over the day, by hand', () => {
    // Jobs at every hour from 0; each sends half of an hour's 1 MB/s (1.8 GB) over 12.5 MB/s: usable 144 s later.
    // At the hourly samples (2 h … 24 h) the job of that hour is still transferring, so the points of hours
    // 0 … k − 1 exist and the 7 newest are kept: the oldest is min(k, 7) hours old. Ages 2, 3, 4, 5, 6 h and then
    // 7 h eighteen times: mean 146/23 h; storage (bytes written since the oldest) = 1 MB/s × that age.
    const result = simulate(oneVmScenario({ policy: { kind: 'veeam-replication', interval: '1h', restorePoints: 7 }, churn: [{ constant: '1 MB/s' }], horizon: '1d' }));
    const vm = result.vms[0]!;
    expect(vm.recoveryPointsCreated).toBe(24);
    expect(vm.recoveryPointsRetainedAtEnd).toBe(7);
    expect(vm.retention.samples).toBe(23);
    expect(vm.retention.oldestPointAgeMinSec).toBe(2 * HOUR);
    expect(vm.retention.oldestPointAgeMeanSec!).toBeCloseTo((146 / 23) * HOUR, 6);
    expect(vm.retention.storagePeakBytes!).toBeCloseTo(7 * HOUR * MB, 0);
    expect(vm.retention.storageMeanBytes!).toBeCloseTo((146 / 23) * HOUR * MB, 0);
  });
});
