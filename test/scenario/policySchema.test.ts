import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalInput } from './fixtures.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

const parsedWith = (policy: unknown) => {
  const input = minimalInput();
  input['policy'] = policy;
  return parseScenario(input, { source: 'mem' });
};

// Each product's defaults as the README's tables give them (vendor documentation, or marked assumptions there).
const NONE = { kind: 'fixed', value: 0 };
const DEFAULTS: [string, Record<string, unknown>, number, { job: unknown; boot: unknown; extra?: unknown }][] = [
  ['asr-modernized', { crashConsistentIntervalSec: 5 * MIN, appConsistentIntervalSec: 0, retentionSec: 3 * DAY, rpoThresholdSec: 30 * MIN }, 5 * MIN, { job: { kind: 'uniform', min: 5 * MIN, max: 15 * MIN }, boot: { kind: 'uniform', min: 2 * MIN, max: 5 * MIN }, extra: { kind: 'uniform', min: 8 * MIN, max: 10 * MIN } }],
  ['aws-drs', { dailyRetentionSec: 7 * DAY, rpoThresholdSec: 15 * MIN }, 0, { job: { kind: 'uniform', min: MIN, max: 3 * MIN }, boot: { kind: 'uniform', min: 15 * MIN, max: 25 * MIN } }],
  ['zerto', { checkpointIntervalSec: 5, journalHistorySec: DAY, journalLimitBytes: null, appConsistentIntervalSec: 0, rpoThresholdSec: 5 * MIN }, 0, { job: { kind: 'uniform', min: MIN, max: 5 * MIN }, boot: { kind: 'uniform', min: 2 * MIN, max: 5 * MIN } }],
  ['veeam-cdp', { rpoSec: 15, shortTermRetentionSec: 4 * HOUR, longTermIntervalSec: 8 * HOUR, longTermRetentionSec: 7 * DAY, longTermKind: 'crash-consistent', rpoThresholdSec: MIN }, 0, { job: { kind: 'uniform', min: MIN, max: 3 * MIN }, boot: { kind: 'uniform', min: 2 * MIN, max: 5 * MIN } }],
  ['vsphere-replication', { rpoSec: HOUR, quiescing: false, instancesPerDay: 0, instanceDays: 0, uniqueFraction: 0.5, rpoThresholdSec: HOUR }, 0, { job: { kind: 'uniform', min: 2 * MIN, max: 10 * MIN }, boot: { kind: 'uniform', min: 2 * MIN, max: 5 * MIN } }],
  ['veeam-replication', { intervalSec: HOUR, restorePoints: 7, uniqueFraction: 0.5, applicationAware: true, rpoThresholdSec: 2 * HOUR }, 0, { job: { kind: 'uniform', min: MIN, max: 3 * MIN }, boot: { kind: 'uniform', min: 2 * MIN, max: 5 * MIN } }],
];

describe('policy: one schema per product', () => {
  for (const [kind, policy, delay, failover] of DEFAULTS) {
    it(`{ kind: ${kind} } alone takes the product's defaults, processing delay and downtime parts (others convert in their job: no extra processing)`, () => {
      const result = parsedWith({ kind });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.scenario.policy).toEqual({ kind, ...policy });
      expect(result.scenario.cloud.processingDelaySec).toBe(delay);
      expect(result.scenario.failover).toMatchObject({ jobSec: failover.job, bootSec: failover.boot, extraProcessingSec: failover.extra ?? NONE });
    });
  }

  it('AWS DRS boots Linux machines faster (about 5 min against about 20)', () => {
    const result = parsedWith({ kind: 'aws-drs' });
    expect(result.ok && result.scenario.failover.bootSecByMachineKind).toEqual({ linux: { kind: 'uniform', min: 4 * MIN, max: 6 * MIN } });
  });

  const rejected: [unknown, string, RegExp][] = [
    [{ kind: 'aws-drs', dailyRetention: '400d' }, 'policy.dailyRetention', /1d to 365d/],
    [{ kind: 'zerto', journalHistory: '31d' }, 'policy.journalHistory', /1h to 30d/],
    [{ kind: 'zerto', journalLimit: '4 GB' }, 'policy.journalLimit', /at least 8 GB/],
    [{ kind: 'zerto', checkpointInterval: '10s' }, 'policy.checkpointInterval', /exactly 5s/],
    [{ kind: 'veeam-cdp', shortTermRetention: '2d' }, 'policy.shortTermRetention', /1m to 24h/],
    [{ kind: 'vsphere-replication', rpo: '2m' }, 'policy.rpo', /5m to 24h/],
    [{ kind: 'vsphere-replication', rpo: '10m', quiescing: true }, 'policy.rpo', /15m with quiescing/],
    [{ kind: 'vsphere-replication', instancesPerDay: 6, instanceDays: 5 }, 'policy.instancesPerDay', /at most 24/],
    [{ kind: 'veeam-replication', restorePoints: 29 }, 'policy.restorePoints', /1 to 28/],
    [{ kind: 'asr-modernized', retention: '16d' }, 'policy.retention', /0 to 15d/],
    [{ kind: 'sra' }, 'policy.kind', /asr, asr-modernized, periodic, aws-drs, zerto, veeam-cdp, vsphere-replication, veeam-replication/],
  ];
  for (const [policy, path, message] of rejected) {
    it(`rejects ${JSON.stringify(policy)} at ${path}`, () => {
      const result = parsedWith(policy);
      if (result.ok) throw new Error('expected errors');
      const issue = result.errors.find((e) => e.path === path);
      expect(issue, JSON.stringify(result.errors)).toBeDefined();
      expect(issue!.expected).toMatch(message);
    });
  }
});
