import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/simulate.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const MB = 1e6;
const HOUR = 3600;
const DAY = 86_400;

// Worked example: ASR with a 24 h retention, app-consistent points every hour, 4 MB/s, a 5 min processing delay,
// looked at 2 days in (172 800 s). Points usable by then: every 5 min up to 172 500 s.
//   every point of the last 2 h: 165 600 … 172 500 s                                   24
//   beyond, the first of each hour bucket, up to 24 h old: 86 400 … 162 000 s          22
//   (app-consistent points, on the hour, are those same points)
// 46 points. Over the day, at the hourly samples k·3600 s from the 2 h warm-up: the oldest point is 0 until 24 h
// (age k h), then the hour bucket exactly 24 h back (age 24 h): ages 2 … 24 h, then 24 h 24 times.
//   min 2 h; mean (3 600·(2 + … + 24) + 24·86 400) / 47 = 3 150 000 / 47 s; storage = 4 MB/s × age.
describe('ASR (classic): 5-minute crash-consistent points on the documented pruning grid', () => {
  it('simulate(): the 46 points and the oldest point’s age of the worked example', () => {
    const result = simulate(oneVmScenario({ policy: { kind: 'asr', retention: '24h', appConsistentInterval: '1h' }, horizon: '2d', disasters: ['47h'], choices: ['custom'], customPointAge: '20h' }));
    const vm = result.vms[0]!;
    expect(vm.recoveryPointsRetainedAtEnd).toBe(46);
    expect(vm.retention.samples).toBe(47);
    expect(vm.retention.oldestPointAgeMinSec).toBe(2 * HOUR);
    expect(vm.retention.oldestPointAgeMeanSec!).toBeCloseTo(3_150_000 / 47, 6);
    expect(vm.retention.storagePeakBytes!).toBeCloseTo(4 * MB * DAY, 0);
    // 20 h back from 47 h is 27 h = 97 200 s, the first point of its hour bucket: kept.
    expect(failoverRecords(result.failovers)[0]!.recoveryPointTimeSec).toBe(27 * HOUR);
  });

  it('asr-modernized takes its own defaults: 3 days of retention, no app-consistent points, a 30 min threshold', () => {
    const scenario = oneVmScenario({ policy: { kind: 'asr-modernized' } });
    expect(scenario.policy).toEqual({ kind: 'asr-modernized', crashConsistentIntervalSec: 300, appConsistentIntervalSec: 0, retentionSec: 3 * DAY, rpoThresholdSec: 30 * 60 });
    expect(scenario.cloud.processingDelaySec).toBe(300);
  });
});
