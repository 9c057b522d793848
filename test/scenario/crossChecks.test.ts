// Rules across fields and the sanity limits of quantities: each refusal names the field and says why.
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalInput } from './fixtures.js';

type Input = Record<string, unknown> & { vms: Array<Record<string, unknown>> };
const input = (): Input => minimalInput() as Input;
const issues = (raw: unknown, traces = new Map()): ScenarioIssue[] => {
  const result = parseScenario(raw, { source: 'mem', traces });
  return result.ok ? [] : result.errors;
};

describe('references', () => {
  it("a VM's masterTarget naming no master target is an error even without a cycle", () => {
    const raw = input();
    raw.vms[0]!.masterTarget = 'mt9';
    raw.masterTargets = [{ name: 'mt1' }];
    expect(issues(raw)).toEqual([
      { source: 'mem', path: 'vms[0].masterTarget', expected: 'the name of a master target in masterTargets (mt1)', found: '"mt9"' },
    ]);
  });

  it('so is one in vmDefaults', () => {
    const raw = { ...input(), vmDefaults: { masterTarget: 'nowhere' } };
    expect(issues(raw).map((i) => [i.path, i.expected])).toEqual([['vmDefaults.masterTarget', 'the name of a master target in masterTargets (none defined)']]);
  });

  it('a list of names in a message is cut after ten, and odd names are quoted', () => {
    const raw = input();
    raw.processServers = Array.from({ length: 12 }, (_, i) => ({ name: i === 0 ? 'ps 0' : `ps${i}`, uplink: 'wan' }));
    raw.vms[0]!.processServer = 'nope';
    expect(issues(raw)[0]!.expected).toBe('the name of a process server ("ps 0", ps1, ps2, ps3, ps4, ps5, ps6, ps7, ps8, ps9, … (12 in all))');
  });
});

describe('recovery-point tag intervals', () => {
  it.each(['10s', '1h'])('kind asr refuses crashConsistentInterval %s: ASR fixes 5 minutes', (interval) => {
    expect(issues({ ...input(), policy: { crashConsistentInterval: interval } })).toEqual([
      {
        source: 'mem',
        path: 'policy.crashConsistentInterval',
        expected: 'a duration of exactly 5m: ASR fixes crash-consistent points at 5 minutes (kind periodic takes any interval), like "5m"',
        found: JSON.stringify(interval),
      },
    ]);
  });

  it('an interval under the floor of every kind is refused with an example every kind accepts', () => {
    expect(issues({ ...input(), policy: { kind: 'periodic', crashConsistentInterval: '0.001s' } })[0]!.expected).toBe('a duration >= 0.1s, like "5m"');
  });

  it('kind periodic takes any interval from the floor up', () => {
    expect(issues({ ...input(), policy: { kind: 'periodic', crashConsistentInterval: '0.2s' } })).toEqual([]);
  });
});

describe('names', () => {
  it('a name is one line of printable text: it ends up in tables, CSV cells and folder names', () => {
    const raw = input();
    raw.vms[0]!.name = 'a\nb';
    expect(issues(raw)).toEqual([
      { source: 'mem', path: 'vms[0].name', expected: 'a name without line breaks, tabs or other control characters', found: '"a\\nb"' },
    ]);
  });
});

describe('sanity limits of quantities', () => {
  it.each([
    ['uplinks', 0, 'bandwidth', '2 PB/s', 'a data rate > 0 and at most 1 PB/s'],
    ['processServers', 0, 'cache', '2000 PB', 'a size > 0 and at most 1000 PB'],
    ['processServers', 0, 'compressionRatio', 1e9, 'a number from 1 to 100 (source bytes per wire byte)'],
  ])('%s[%i].%s: %j is refused', (list, i, key, value, expected) => {
    const raw = input() as Record<string, Array<Record<string, unknown>>>;
    raw[list]![i]![key] = value;
    expect(issues(raw)[0]!.expected).toMatch(new RegExp(`^${expected.replace(/[()]/g, '\\$&')}`));
  });

  it("a plan group's maxParallel is at most the VM limit: beyond it a run aborted V8 (it means all at once already)", () => {
    const raw = input();
    const group = (maxParallel: number) => ({ name: 'p', groups: [{ vms: [raw.vms[0]!.name], maxParallel }] });
    expect(issues({ ...raw, recoveryPlans: [group(100_000)] })).toEqual([]);
    expect(issues({ ...raw, recoveryPlans: [group(1e9)] })).toEqual([
      {
        source: 'mem',
        path: 'recoveryPlans[0].groups[0].maxParallel',
        expected: 'an integer from 0 to 100,000 (the limit of VMs in a scenario; 0 = all at once)',
        found: '1000000000',
      },
    ]);
  });

  it('a lognormal distribution needs a mean > 0 (its shape is undefined at 0)', () => {
    const raw = { ...input(), failover: { boot: { lognormal: { mean: 0, sd: '1m' } } } };
    expect(issues(raw).map((i) => i.path)).toEqual(['failover.boot.lognormal.mean']);
  });

  it('hourly multipliers whose peak times baseRate is above 1 PB/s are refused', () => {
    const raw = input();
    raw.vms[0]!.churn = [{ dailyProfile: { hourlyMultipliers: [...Array(23).fill(1), 1e12], baseRate: '10 MB/s' } }];
    expect(issues(raw).map((i) => i.path)).toEqual(['vms[0].churn[0].dailyProfile.hourlyMultipliers']);
  });

  it("a trace's block size is a whole number of bytes, and its scaled peak rate at most 1 PB/s", () => {
    const raw = input();
    raw.vms[0]!.churn = [{ trace: { file: 't.csv', scale: 1e6 } }, { trace: { file: 'm.csv', format: 'msr', blockSize: '1 b' } }];
    const traces = new Map([['t.csv', { startsSec: [0, 1], bytes: [1e12, 0] }]]);
    expect(issues(raw, traces).map((i) => [i.path, i.expected])).toEqual([
      ['vms[0].churn[0].trace.scale', 'a trace whose peak write rate, times scale, is at most 1 PB/s'],
      ['vms[0].churn[1].trace.blockSize', 'a size of a whole number of bytes >= 1, like "4 KiB" or "512 B"'],
    ]);
  });
});
