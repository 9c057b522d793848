import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dailyProfileFromVolume } from '../../src/scenario/dailyShape.js';
import { parseScenario, type ParseScenarioResult } from '../../src/scenario/parse.js';
import type { ScenarioIssue } from '../../src/scenario/issues.js';
import type { Scenario } from '../../src/scenario/types.js';
import { FULL_YAML, minimalInput } from './fixtures.js';

const traces = new Map([['traces/db.csv', { startsSec: [0, 60, 120], bytes: [10, 20, 30] }]]);

function scenarioOf(result: ParseScenarioResult): Scenario {
  if (!result.ok) throw new Error(`expected a scenario, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.scenario;
}
function errorsOf(result: ParseScenarioResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseScenario on valid input', () => {
  it('parseScenario(minimal) fills every default', () => {
    const s = scenarioOf(parseScenario(minimalInput(), { source: 'mem' }));
    expect(s).toEqual({
      name: 'tiny',
      description: '',
      horizonSec: 7 * 86_400,
      warmupSec: 86_400,
      seed: 1,
      policy: {
        kind: 'asr',
        crashConsistentIntervalSec: 300,
        appConsistentIntervalSec: 3600,
        retentionSec: 86_400,
        rpoThresholdSec: 900,
      },
      cloud: { processingDelaySec: 300 },
      uplinks: [{ name: 'wan', bandwidthBytesPerSec: 12.5e6, outages: { windows: [], random: null } }],
      processServers: [
        {
          name: 'ps1',
          uplink: 'wan',
          throughputBytesPerSec: 100e6,
          cacheBytes: 600e9,
          compressionRatio: 1,
          throttleFreeFraction: 0.2,
          resumeFreeFraction: 0.3,
          cacheWarningFreeFraction: 0.3,
          cacheCriticalFreeFraction: 0.25,
          pendingUploadWarningSec: 1800,
          pendingUploadCriticalSec: 2700,
          initialReplicationDisks: 3,
          outages: { windows: [], random: null },
        },
      ],
      vms: [
        {
          name: 'web',
          processServer: 'ps1',
          machineKind: 'windows',
          dhcp: true,
          bootDrivers: true,
          disks: 1,
          usedDiskBytes: 0,
          maxReplicationBytesPerSec: 54e6,
          applyRateBytesPerSec: 20e6,
          churn: [{ kind: 'constant', rateBytesPerSec: 2e6 }],
          snapshots: false,
          masterTarget: null,
        },
      ],
      disasters: { timesSec: [], randomCount: 100 },
      failover: {
        choices: ['latest', 'latest-processed', 'latest-app-consistent', 'custom'],
        customPointAgeSec: 3600,
        shutdownBeforeFailover: false,
        shutdownFailureProbability: 0.5,
        shutdownSec: { kind: 'uniform', min: 60, max: 300 },
        detectionSec: { kind: 'lognormal', mean: 1200, sd: 600 },
        jobSec: { kind: 'uniform', min: 300, max: 900 },
        extraProcessingSec: { kind: 'uniform', min: 480, max: 600 },
        bootSec: { kind: 'uniform', min: 120, max: 300 },
        bootSecByMachineKind: {},
      },
      output: { sampleIntervalSec: 300 },
      alerts: { processServerAlertAfterSec: 900, rpoAlertAfterSec: 0 },
      replicationGroups: [],
      recoveryPlans: [],
      masterTargets: [],
      cycle: null,
    });
  });

  it('parseScenario(full YAML) converts units, merges vmDefaults and expands counts', () => {
    const result = parseScenario(parse(FULL_YAML), { source: 'full.yaml', traces });
    const s = scenarioOf(result);
    expect(s.seed).toBe(7);
    expect(s.description).toBe('Two tiers behind one process server');
    expect(s.policy).toEqual({
      kind: 'asr',
      crashConsistentIntervalSec: 300,
      appConsistentIntervalSec: 7200,
      retentionSec: 172_800,
      rpoThresholdSec: 900,
    });
    expect(s.cloud.processingDelaySec).toBe(240);
    expect(s.uplinks[0]!.outages).toEqual({
      windows: [{ startSec: 172_800, durationSec: 14_400 }],
      random: { mtbfSec: 30 * 86_400, mttrSec: 7200 },
    });
    expect(s.processServers[0]).toMatchObject({ cacheBytes: 1e12, compressionRatio: 1.5, resumeFreeFraction: 0.35 });

    expect(s.vms.map((v) => v.name)).toEqual([
      'web-1', 'web-2', 'web-3',
      'db-01', 'db-02', 'db-03', 'db-04', 'db-05', 'db-06', 'db-07', 'db-08', 'db-09', 'db-10', 'db-11', 'db-12',
    ]);
    const web = s.vms[0]!;
    expect(web).toEqual({
      name: 'web-1',
      processServer: 'ps1',
      machineKind: 'windows',
      dhcp: true,
      bootDrivers: true,
      disks: 1,
      usedDiskBytes: 0,
      maxReplicationBytesPerSec: 54e6,
      applyRateBytesPerSec: 10e6,
      churn: [{ kind: 'constant', rateBytesPerSec: 1e6 }],
      snapshots: false,
      masterTarget: null,
    });
    const db = s.vms[3]!;
    expect(db).toMatchObject({ machineKind: 'linux', disks: 4, usedDiskBytes: 200e9, applyRateBytesPerSec: 10e6 });
    expect(db.churn).toEqual([
      { kind: 'dailyProfile', hourlyRatesBytesPerSec: dailyProfileFromVolume(20e9, 14, 3) },
      { kind: 'onOff', peakBytesPerSec: 1e6, meanOnSec: 2, meanOffSec: 6 },
      { kind: 'poissonBursts', meanIntervalSec: 3600, sizeBytes: { kind: 'uniform', min: 2 ** 29, max: 2 ** 30 } },
      { kind: 'trace', source: 'traces/db.csv', startsSec: [0, 60, 120], bytes: [20, 40, 60], loop: false },
    ]);
    expect(s.disasters).toEqual({ timesSec: [3 * 86_400, 5.5 * 86_400], randomCount: 10 });
    expect(s.failover).toMatchObject({
      choices: ['latest', 'custom'],
      customPointAgeSec: 7200,
      shutdownSec: { kind: 'fixed', value: 180 },
    });
    expect(s.output.sampleIntervalSec).toBe(0);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('parseScenario gives expanded VMs separate churn objects', () => {
    const s = scenarioOf(parseScenario(parse(FULL_YAML), { source: 'full.yaml', traces }));
    expect(s.vms[0]!.churn).not.toBe(s.vms[1]!.churn);
  });

  it('parseScenario takes hourlyMultipliers × baseRate', () => {
    const input = minimalInput();
    const multipliers = Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 2));
    input['vms'] = [{ name: 'a', processServer: 'ps1', churn: [{ dailyProfile: { hourlyMultipliers: multipliers, baseRate: '1 MB/s' } }] }];
    const s = scenarioOf(parseScenario(input, { source: 'mem' }));
    expect(s.vms[0]!.churn[0]).toEqual({ kind: 'dailyProfile', hourlyRatesBytesPerSec: multipliers.map((m) => m * 1e6) });
  });

  it('parseScenario warns when vSphere slots are shorter than the RPO, and when a Zerto journal limit cannot hold the history', () => {
    const vsphere = minimalInput();
    vsphere['policy'] = { kind: 'vsphere-replication', rpo: '4h', instancesPerDay: 12, instanceDays: 2 };
    const slots = parseScenario(vsphere, { source: 'mem' });
    expect(slots.ok && slots.warnings).toEqual([expect.stringMatching(/slots of 2 h, shorter than the RPO \(4 h\)/)]);
    // 1 MB/s for 4 h is 14.4 GB: a 10 GB journal holds 2.8 h of it.
    const zerto = minimalInput();
    zerto['policy'] = { kind: 'zerto', journalHistory: '4h', journalLimit: '10 GB' };
    zerto['vms'] = [{ name: 'db', processServer: 'ps1', churn: [{ constant: '1 MB/s' }] }];
    const journal = parseScenario(zerto, { source: 'mem' });
    expect(journal.ok && journal.warnings).toEqual([expect.stringMatching(/vm db: .*10 GB journal limit in 2\.8 h, less than the 4 h/)]);
    zerto['policy'] = { kind: 'zerto', journalHistory: '2h', journalLimit: '10 GB' };
    const fits = parseScenario(zerto, { source: 'mem' });
    expect(fits.ok && fits.warnings).toEqual([]);
  });

  it('parseScenario warns when mean churn exceeds the uplink', () => {
    const input = minimalInput();
    input['vms'] = [{ name: 'big', processServer: 'ps1', churn: [{ constant: '20 MB/s' }] }];
    const result = parseScenario(input, { source: 'mem' });
    expect(result.ok && result.warnings).toEqual([expect.stringMatching(/uplink wan.*without bound/)]);
  });

  it('parseScenario warns when mean churn exceeds what background traffic leaves of the uplink', () => {
    // 100 Mbps is 12.5 MB/s; the VM writes 2 MB/s.
    const input = minimalInput();
    input['uplinks'] = [{ name: 'wan', bandwidth: '100 Mbps', background: { priority: [{ constant: '90 Mbps' }] } }];
    const crowded = parseScenario(input, { source: 'mem' });
    expect(crowded.ok && crowded.warnings).toEqual([expect.stringMatching(/uplink wan \(0\.11 TB\/day left by its background traffic\): .*without bound/)]);
    input['uplinks'] = [{ name: 'wan', bandwidth: '100 Mbps', background: { share: '50%' } }];
    const fits = parseScenario(input, { source: 'mem' });
    expect(fits.ok && fits.warnings).toEqual([]);
  });
});

describe('parseScenario on invalid input', () => {
  const issueAt = (errors: ScenarioIssue[], path: string): ScenarioIssue => {
    const issue = errors.find((e) => e.path === path);
    if (!issue) throw new Error(`no issue at ${path}; issues: ${errors.map((e) => e.path).join(', ')}`);
    return issue;
  };

  it('parseScenario reports an unknown key with the allowed keys', () => {
    const input = minimalInput();
    input['uplinks'] = [{ name: 'wan', bandwith: '100 Mbps', bandwidth: '1 Gbps' }];
    const issue = issueAt(errorsOf(parseScenario(input, { source: 'mem' })), 'uplinks[0].bandwith');
    expect(issue.expected).toBe('one of the keys name, bandwidth, outages, background');
    expect(issue.found).toBe('unknown key "bandwith"');
  });

  it('parseScenario rejects a bare number and a rate where a size is expected', () => {
    const input = minimalInput();
    input['uplinks'] = [{ name: 'wan', bandwidth: 100 }];
    input['processServers'] = [{ name: 'ps1', uplink: 'wan', cache: '600 Mbps' }];
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'uplinks[0].bandwidth')).toMatchObject({
      expected: 'a data rate > 0 with a unit, like "20 MB/s" or "100 Mbps" (a bare number has no unit)',
      found: '100',
    });
    expect(issueAt(errors, 'processServers[0].cache')).toMatchObject({
      expected: expect.stringMatching(/a size > 0 with a unit.*data rate, not a size/),
      found: '"600 Mbps"',
    });
  });

  it('parseScenario rejects negative values', () => {
    const input = minimalInput();
    input['vms'] = [{ name: 'web', processServer: 'ps1', usedDisk: '-5 GB', churn: [{ onOff: { peak: '-1 MB/s', meanOn: '2s', meanOff: '6s' } }] }];
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'vms[0].usedDisk')).toMatchObject({ expected: 'a size >= 0, like "600 GB" or "512 MiB"', found: '"-5 GB"' });
    expect(issueAt(errors, 'vms[0].churn[0].onOff.peak').expected).toMatch(/a data rate > 0/);
  });

  it('parseScenario reports dangling references and duplicate names', () => {
    const input = minimalInput();
    input['processServers'] = [
      { name: 'ps1', uplink: 'lan' },
      { name: 'ps1', uplink: 'wan' },
    ];
    input['vms'] = [
      { name: 'web', count: 2, processServer: 'ps9', churn: [{ constant: '1 MB/s' }] },
      { name: 'web-2', processServer: 'ps1', churn: [{ constant: '1 MB/s' }] },
    ];
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'processServers[0].uplink')).toMatchObject({ expected: 'the name of an uplink (wan)', found: '"lan"' });
    expect(issueAt(errors, 'processServers[1].name').expected).toMatch(/not used by another process server/);
    expect(issueAt(errors, 'vms[0].processServer')).toMatchObject({ expected: 'the name of a process server (ps1)', found: '"ps9"' });
    expect(issueAt(errors, 'vms[1].name')).toMatchObject({ found: '"web-2"' });
  });

  it('parseScenario requires processServer and churn here or in vmDefaults', () => {
    const input = minimalInput();
    input['vms'] = [{ name: 'web' }];
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'vms[0].processServer').found).toBe('nothing');
    expect(issueAt(errors, 'vms[0].churn').expected).toMatch(/vmDefaults/);
  });

  it('parseScenario rejects appConsistentInterval 30m, retention over 15d and warmup >= horizon', () => {
    const input = { ...minimalInput(), horizon: '1d', warmup: '1d', policy: { appConsistentInterval: '30m', retention: '16d' } };
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'policy.appConsistentInterval')).toMatchObject({
      expected: expect.stringContaining('of 0 (off) or from 60m to 720m'),
      found: '"30m"',
    });
    expect(issueAt(errors, 'policy.retention').expected).toMatch(/from 0 to 15d/);
    expect(issueAt(errors, 'warmup')).toMatchObject({ expected: 'a duration shorter than the horizon ("1d")', found: '"1d"' });
  });

  it('parseScenario reports warmup against a default horizon', () => {
    const errors = errorsOf(parseScenario({ ...minimalInput(), warmup: '8d' }, { source: 'mem' }));
    expect(issueAt(errors, 'warmup').expected).toBe('a duration shorter than the horizon (7d, the default)');
  });

  it('parseScenario checks resume > throttle fractions and disaster times within the horizon', () => {
    const input = {
      ...minimalInput(),
      processServers: [{ name: 'ps1', uplink: 'wan', throttleFreeFraction: '40%' }],
      disasters: { times: ['2d', '7d'] },
    };
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'processServers[0].resumeFreeFraction')).toMatchObject({
      expected: expect.stringMatching(/> throttleFreeFraction \(0\.4\)/),
      found: '0.3 (the default)',
    });
    expect(issueAt(errors, 'disasters.times[1]').found).toBe('"7d"');
    expect(errors.some((e) => e.path === 'disasters.times[0]')).toBe(false);
  });

  it('parseScenario rejects resume equal to throttle (no hysteresis)', () => {
    const input = { ...minimalInput(), processServers: [{ name: 'ps1', uplink: 'wan', throttleFreeFraction: '30%' }] };
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'processServers[0].resumeFreeFraction').expected).toBe('a fraction > throttleFreeFraction (0.3)');
  });

  it('parseScenario reports bad distributions at the field the user wrote', () => {
    const input = {
      ...minimalInput(),
      failover: { shutdown: '5', boot: { uniform: ['5m', '2m'] }, job: { gamma: '5m' }, detection: {} },
    };
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'failover.shutdown')).toMatchObject({ found: '"5"', expected: expect.stringContaining('a duration') });
    expect(issueAt(errors, 'failover.boot.uniform').expected).toMatch(/min <= max/);
    expect(issueAt(errors, 'failover.job.gamma').expected).toMatch(/fixed, uniform, exponential, normal, lognormal/);
    expect(issueAt(errors, 'failover.detection').expected).toMatch(/exactly one of/);
  });

  it('parseScenario reports churn items with no kind or two kinds, and a bad daily profile', () => {
    const input = minimalInput();
    input['vms'] = [
      {
        name: 'web',
        processServer: 'ps1',
        churn: [
          {},
          { constant: '1 MB/s', onOff: { peak: '1 MB/s', meanOn: '1s', meanOff: '1s' } },
          { dailyProfile: { volume: '1 GB', peakHour: 24, peakToMean: 30 } },
          { dailyProfile: { hourlyMultipliers: [1, 2] , baseRate: '1 MB/s' } },
        ],
      },
    ];
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(issueAt(errors, 'vms[0].churn[0]').expected).toMatch(/a churn component with exactly one of the keys/);
    expect(issueAt(errors, 'vms[0].churn[1]').expected).toMatch(/exactly one/);
    expect(issueAt(errors, 'vms[0].churn[2].dailyProfile.peakHour').expected).toBe('an integer from 0 to 23');
    expect(issueAt(errors, 'vms[0].churn[2].dailyProfile.peakToMean').expected).toBe('a number >= 1 and < 24');
    expect(issueAt(errors, 'vms[0].churn[3].dailyProfile.hourlyMultipliers').expected).toMatch(/exactly 24/);
  });

  it('parseScenario reports a trace that could not be read at its file', () => {
    const input = minimalInput();
    input['vms'] = [{ name: 'db', processServer: 'ps1', churn: [{ trace: { file: 'gone.csv' } }] }];
    const errors = errorsOf(
      parseScenario(input, { source: 'mem', traces: new Map([['gone.csv', 'gone.csv: no such file']]) }),
    );
    expect(issueAt(errors, 'vms[0].churn[0].trace.file').found).toBe('"gone.csv" (gone.csv: no such file)');
  });

  it('parseScenario reports a trace missing from options.traces or too short', () => {
    const input = minimalInput();
    input['vms'] = [
      { name: 'a', processServer: 'ps1', churn: [{ trace: { file: 'x.csv' } }] },
      { name: 'b', processServer: 'ps1', churn: [{ trace: { file: 'short.csv' } }] },
    ];
    const short = new Map([['short.csv', { startsSec: [0], bytes: [1] }]]);
    const errors = errorsOf(parseScenario(input, { source: 'mem', traces: short }));
    expect(issueAt(errors, 'vms[0].churn[0].trace.file').found).toBe('"x.csv" (not loaded)');
    expect(issueAt(errors, 'vms[1].churn[0].trace.file').found).toMatch(/at least 2 intervals/);
  });

  it('parseScenario reports several problems at once', () => {
    const input = {
      name: 'bad',
      horizn: '7d',
      uplinks: [{ name: 'wan', bandwidth: 100 }],
      processServers: [{ name: 'ps1', uplink: 'wan', cache: '600 Mbps' }],
      vms: [{ name: 'web', processServer: 'nope', churn: [{ constant: '-2 MB/s' }] }],
      policy: { appConsistentInterval: '30m' },
    };
    const errors = errorsOf(parseScenario(input, { source: 'mem' }));
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        'horizn',
        'uplinks[0].bandwidth',
        'processServers[0].cache',
        'vms[0].processServer',
        'vms[0].churn[0].constant',
        'policy.appConsistentInterval',
      ].sort(),
    );
    for (const e of errors) expect(e).toMatchObject({ source: 'mem', expected: expect.any(String), found: expect.any(String) });
  });

  it('parseScenario rejects input that is not a mapping', () => {
    const errors = errorsOf(parseScenario('hello', { source: 'mem' }));
    expect(errors).toEqual([{ source: 'mem', path: '', expected: expect.stringMatching(/^a mapping with the keys name,/), found: '"hello"' }]);
  });
});
