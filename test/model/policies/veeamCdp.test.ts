import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import { describe, expect, it } from 'vitest';
import { veeamCdpPolicy } from '../../../src/model/policies/veeamCdp.js';
import type { VeeamCdpPolicySpec } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { constantWorkload, feed, range, retainedSources } from '../../helpers/pointStores.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const HOUR = 3600;
const DAY = 86_400;

const SPEC: VeeamCdpPolicySpec = {
  kind: 'veeam-cdp',
  rpoSec: 15,
  shortTermRetentionSec: 4 * HOUR,
  longTermIntervalSec: 8 * HOUR,
  longTermRetentionSec: 7 * DAY,
  longTermKind: 'crash-consistent',
  rpoThresholdSec: 60,
};

// Worked example (Veeam's defaults): a short-term restore point every 15 s kept 4 h, a long-term one every 8 h
// kept 7 days. At 3 d 1 h = 262 800 s:
//   short-term: 262 800 − 14 400 = 248 400 … 262 800 s, every 15 s          961
//   long-term, older than those: 0, 28 800, …, 230 400 s (every 8 h)          9
//   (259 200 s, the newest long-term point, is among the short-term ones)
// 970 points, the oldest at 0 (3 d 1 h old, within 7 days). At 7 d 1 h the point at 0 has gone (older than 7 d).
describe('Veeam CDP: short-term points every RPO kept hours, long-term points every N hours kept days', () => {
  it('keeps exactly the short-term range and the long-term points older than it', () => {
    const workload = constantWorkload(4e6);
    const points = veeamCdpPolicy(SPEC).createStore(workload);
    feed(points, range(0, 3 * DAY + HOUR, 15), workload.bytesAt);
    const at = 3 * DAY + HOUR;
    expect(retainedSources(points, at)).toEqual([...range(0, 230_400, 8 * HOUR), ...range(248_400, 262_800, 15)]);
    expect(points.retainedCount(at)).toBe(970);
    expect(points.oldestRetained(at)!.sourceTimeSec).toBe(0);
    const later = 7 * DAY + HOUR;
    feed(points, range(at + 15, later, 15), workload.bytesAt);
    points.prune(later);
    expect(points.oldestRetained(later)!.sourceTimeSec).toBe(28_800);
  });

  it('simulate(): 970 points at the horizon; custom reaches the long-term points beyond 4 h', () => {
    // At 3 d, 1 day back is 172 800 s, a long-term point; 5 h back is 241 200 s, before the short-term range
    // (from 244 800 s), so the long-term point before it, 230 400 s.
    const oneDay = simulate(oneVmScenario({ policy: { kind: 'veeam-cdp' }, horizon: '3d1h', disasters: ['3d'], choices: ['latest', 'custom'], customPointAge: '1d' }));
    expect(oneDay.vms[0]!.recoveryPointsRetainedAtEnd).toBe(970);
    const [latest, custom] = failoverRecords(oneDay.failovers);
    expect(latest!.recoveryPointTimeSec).toBe(3 * DAY);
    expect(custom!.recoveryPointTimeSec).toBe(172_800);
    const fiveHours = simulate(oneVmScenario({ policy: { kind: 'veeam-cdp' }, horizon: '3d1h', disasters: ['3d'], choices: ['custom'], customPointAge: '5h' }));
    expect(failoverRecords(fiveHours.failovers)[0]!.recoveryPointTimeSec).toBe(230_400);
  });
});
