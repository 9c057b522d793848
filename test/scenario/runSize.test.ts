// The resource limits of a scenario: checked before VMs are expanded or anything is simulated, each refusal
// naming the field to change and the figure; and the sizes real sites need are accepted.
import { describe, expect, it } from 'vitest';
import { formatIssues, type ScenarioIssue } from '../../src/scenario/issues.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { parseScenario, type ParseScenarioResult } from '../../src/scenario/parse.js';
import { churnEvents } from '../../src/scenario/runSize.js';
import { minimalInput } from './fixtures.js';

const DAY = 86_400;
const daily = [{ dailyProfile: { volume: '20 GB', peakHour: 14, peakToMean: 3 } }];

function site(vms: number, horizon: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...minimalInput(),
    horizon,
    uplinks: [{ name: 'wan', bandwidth: '100 Gbps' }],
    vms: [{ name: 'vm', count: vms, processServer: 'ps1', churn: daily }],
    ...extra,
  };
}
const ok = (r: ParseScenarioResult) => {
  if (!r.ok) throw new Error(formatIssues(r.errors));
  return r;
};
const errors = (r: ParseScenarioResult): ScenarioIssue[] => {
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.errors;
};

describe('limits real sites need', () => {
  it.each([
    [10_000, '30d'],
    [5_000, '365d'],
  ])('parseScenario accepts %i VMs over %s', (vms, horizon) => {
    const parsed = ok(parseScenario(site(vms, horizon), { source: 'mem' }));
    expect(parsed.scenario.vms).toHaveLength(vms);
    expect(parsed.runSize.events).toBeLessThanOrEqual(LIMITS.events);
  });

  it('the default sample interval coarsens, with a warning, when 5m would give too many timeseries rows', () => {
    // 10,000 VMs × (30 d ÷ 5 min + 1) = 86.4 M rows > 10 M; every hour: 10,000 × 721 = 7.21 M rows.
    const parsed = ok(parseScenario(site(10_000, '30d'), { source: 'mem' }));
    expect(parsed.scenario.output.sampleIntervalSec).toBe(3600);
    expect(parsed.runSize.timeseriesRows).toBe(7_210_000);
    expect(parsed.warnings.join('\n')).toMatch(/default sample interval \(5m\) would give 86,410,000 rows .* sampling every 1h instead/);
  });
});

describe('limits checked before anything is expanded', () => {
  it('a count of a billion is refused at the count, without expanding a billion names', () => {
    const issues = errors(parseScenario(site(1e9, '7d'), { source: 'mem' }));
    expect(issues).toEqual([
      { source: 'mem', path: 'vms[0].count', expected: 'an integer from 1 to 100,000 (the limit of VMs in a scenario)', found: '1000000000' },
    ]);
  });

  it('entries whose counts add up beyond the limit are refused as a whole', () => {
    const input = site(60_000, '1d');
    input.vms = [...(input.vms as object[]), { name: 'more', count: 60_000, processServer: 'ps1', churn: daily }];
    expect(errors(parseScenario(input, { source: 'mem' }))).toContainEqual(
      expect.objectContaining({ path: 'vms', expected: 'at most 100,000 VMs in all (counts included)', found: '120,000 VMs' }),
    );
  });

  it('a horizon beyond ten years is refused', () => {
    expect(errors(parseScenario(site(1, '3651d'), { source: 'mem' }))[0]).toMatchObject({ path: 'horizon', expected: expect.stringMatching(/at most 3650d/) });
  });

  it('churn that changes rate billions of times is refused at its component, with the estimate', () => {
    // 1,000 VMs × 2 changes per on-off cycle of 2 s on average, over 3,650 days (3.15e8 s): 3.15e11 changes.
    const input = site(1000, '3650d', { disasters: { random: 0 }, output: { sampleInterval: 0 } });
    (input.vms as Array<Record<string, unknown>>)[0]!.churn = [{ onOff: { peak: '1 MB/s', meanOn: '1s', meanOff: '1s' } }];
    const [issue] = errors(parseScenario(input, { source: 'mem' }));
    expect(issue).toMatchObject({ path: 'vms[0].churn[0]', expected: expect.stringMatching(/at most 2,000,000,000 simulated events/) });
    expect(issue!.found).toMatch(/about 3\.2e\+11 events over the horizon, 3\.2e\+11 of them from here/);
  });

  it('an explicit sample interval giving too many timeseries rows is refused with one that fits', () => {
    const [issue] = errors(parseScenario(site(10_000, '30d', { output: { sampleInterval: '5m' } }), { source: 'mem' }));
    expect(issue).toEqual({
      source: 'mem',
      path: 'output.sampleInterval',
      expected: 'an interval giving at most 10,000,000 timeseries.csv rows (VMs × samples), like "1h", or 0 for none',
      found: '"5m": 10,000 VMs × 8,641 samples = 86,410,000 rows',
    });
  });

  it('disasters × VMs × choices beyond the failovers.csv limit are refused at disasters.random', () => {
    const [issue] = errors(parseScenario(site(100, '7d', { disasters: { random: 30_000 } }), { source: 'mem' }));
    expect(issue).toMatchObject({ path: 'disasters.random', found: '30,000 disasters × 100 VMs × 4 choices = 12,000,000 rows' });
  });
});

describe('churnEvents(component, horizon)', () => {
  it('counts a daily profile hourly, an on-off source twice per cycle and a looped trace row by row', () => {
    expect(churnEvents({ kind: 'dailyProfile', hourlyRatesBytesPerSec: Array(24).fill(1) }, 2 * DAY)).toBe(48);
    expect(churnEvents({ kind: 'onOff', peakBytesPerSec: 1, meanOnSec: 2, meanOffSec: 6 }, 800)).toBe(200);
    expect(churnEvents({ kind: 'poissonBursts', meanIntervalSec: 600, sizeBytes: { kind: 'fixed', value: 1 } }, DAY)).toBe(144);
    // 3 rows, a period of 180 s; 1,000 s needs 6 passes (the last partial).
    const trace = { kind: 'trace' as const, source: 't', startsSec: [0, 60, 120], bytes: [1, 2, 3], loop: true };
    expect(churnEvents(trace, 1000)).toBe(18);
    expect(churnEvents({ ...trace, loop: false }, 1000)).toBe(3);
  });
});
