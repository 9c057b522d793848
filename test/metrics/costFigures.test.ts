// Cost arithmetic worked by hand (Keeton et al.: outlay + expected penalties) on a run whose quantities are
// known exactly: one VM writing a constant 1 MB/s, fixed downtime parts, one disaster at a chosen instant.
import { describe, expect, it } from 'vitest';
import { costFigures, MONTH_SEC } from '../../src/metrics/costFigures.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulate.js';

const PRICES = {
  perProtectedInstanceMonth: 20,
  perStorageGBMonth: 0.1,
  perLinkGB: 0.01,
  perLinkMonth: 100,
  perFailoverComputeHour: 2,
  computeTimePerFailover: '2d',
  perDowntimeHour: 600,
  perDataLossHour: 1000,
  perDataLossGB: 5,
  disastersPerYear: 0.25,
  penaltyChoice: 'latest-processed',
};

function site(costs: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
  const parsed = parseScenario(
    {
      name: 'costs',
      horizon: '3d',
      warmup: '1d',
      policy: { kind: 'asr', appConsistentInterval: '0s', retention: '24h' },
      uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
      processServers: [{ name: 'ps1', uplink: 'wan' }],
      vms: [{ name: 'vm', processServer: 'ps1', diskSize: '100 GB', churn: [{ constant: '1 MB/s' }] }],
      // 2d 12h 7m 30s: the newest usable 5-minute tag is the one at 2d 12h (usable at 2d 12h 5m): 7m 30s lost.
      disasters: { times: ['2d 12h 7m 30s'], random: 0 },
      failover: { detection: '10m', job: '10m', boot: '5m' },
      output: { sampleInterval: '0s' },
      ...(costs === undefined ? {} : { costs }),
      ...extra,
    },
    { source: 'cost test' },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('costFigures(result, scenario)', () => {
  it('adds up the outlay per month and the expected penalty per year as worked by hand', () => {
    const scenario = site(PRICES);
    const cost = costFigures(simulate(scenario), scenario);
    // Outlay per month:
    //   instances: 1 VM × 20                                                   = 20
    //   storage: (100 GB replica + 86.4 GB of retained points: the oldest point is always 24 h old,
    //            and 24 h of 1 MB/s is 86.4 GB) × 0.1                          = 18.64
    //   link: 1 MB/s for a 730-hour month is 2,628 GB × 0.01, + 100 per month = 126.28
    expect(MONTH_SEC).toBe(730 * 3600);
    expect(cost.instancesPerMonth).toBe(20);
    expect(cost.storagePerMonth).toBeCloseTo(18.64, 9);
    expect(cost.linkPerMonth).toBeCloseTo(126.28, 6);
    expect(cost.outlayPerMonth).toBeCloseTo(164.92, 6);
    // One disaster, latest-processed:
    //   downtime 10 + 10 + 5 = 25 min = 5/12 h × 600                             = 250
    //   data loss 7m 30s = 0.125 h × 1000                                        = 125
    //   bytes lost 450 MB = 0.45 GB × 5                                          = 2.25
    //   failover compute: 1 VM × 48 h × 2                                         = 96
    expect(cost.perDisaster).toBeCloseTo(473.25, 6);
    // 0.25 disasters a year; the total counts 12 months of outlay.
    expect(cost.penaltyPerYear).toBeCloseTo(118.3125, 6);
    expect(cost.totalPerYear).toBeCloseTo(12 * 164.92 + 118.3125, 5);
  });

  it('prices a recovery plan like its only VM when penalties are per plan', () => {
    const plan = { recoveryPlans: [{ name: 'app', choice: 'latest-processed', groups: [{ vms: ['vm'] }] }] };
    const scenario = site({ ...PRICES, penaltyPer: 'plan' }, plan);
    const cost = costFigures(simulate(scenario), scenario);
    expect(cost.perDisaster).toBeCloseTo(473.25, 6);
  });

  it('prices the replica of a VM that lists its disks at their provisioned sizes', () => {
    // Disks of 60 and 40 GB in place of diskSize: 100 GB: the same (100 GB + 86.4 GB of points) × 0.1 as above.
    const vms = [{ name: 'vm', processServer: 'ps1', disks: [{ name: 'os', size: '60 GB' }, { name: 'data', size: '40 GB' }], churn: [{ constant: '1 MB/s' }] }];
    const disks = site(PRICES, { vms });
    expect(disks.vms[0]!.diskSizeBytes).toBeUndefined();
    expect(costFigures(simulate(disks), disks).storagePerMonth).toBeCloseTo(18.64, 9);
  });

  it('is 0 everywhere without costs:, and null where the priced choice never had a point', () => {
    const free = site(undefined);
    expect(costFigures(simulate(free), free)).toMatchObject({ outlayPerMonth: 0, perDisaster: 0, penaltyPerYear: 0, totalPerYear: 0 });
    const appOff = site({ ...PRICES, penaltyChoice: 'latest-app-consistent' });
    expect(costFigures(simulate(appOff), appOff)).toMatchObject({ perDisaster: null, penaltyPerYear: null, totalPerYear: null });
  });
});
