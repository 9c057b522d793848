import { describe, expect, it } from 'vitest';
import { compatibilityFindings } from '../../src/scenario/compatibility.js';
import { churnLimit } from '../../src/scenario/diskTargets.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { peakChurnBytesPerSec } from '../../src/scenario/peakChurn.js';
import type { Scenario } from '../../src/scenario/types.js';
import { minimalInput } from './fixtures.js';

const MB = 1e6;
const GIB = 2 ** 30;

function scenarioWith(vms: Record<string, unknown>[], extra: Record<string, unknown> = {}): Scenario {
  const result = parseScenario({ ...minimalInput(), vms: vms.map((vm) => ({ processServer: 'ps1', ...vm })), ...extra }, { source: 'compatibility.test' });
  if (!result.ok) throw new Error(formatIssues(result.errors));
  return result.scenario;
}

/** rule, vm, disk of each finding: what a reader of compatibility.csv looks for first. */
const summary = (scenario: Scenario) => compatibilityFindings(scenario).map((f) => `${f.severity} ${f.rule} ${f.vm}/${f.disk}`);

describe('churnLimit(target, ioSize)', () => {
  it("reads ASR's table by target and average write size", () => {
    expect(churnLimit('standard-hdd', 64_000).bytesPerSec).toBe(2 * MB);
    expect(churnLimit('premium-p10', 8192).bytesPerSec).toBe(2 * MB);
    expect(churnLimit('premium-p15', 16_384).bytesPerSec).toBe(4 * MB);
    expect(churnLimit('premium-p10', 32_000).bytesPerDay).toBe(672e9);
    expect(churnLimit('premium-p20', 4096).bytesPerSec).toBe(5 * MB);
    expect(churnLimit('premium-p50', 16_000).bytesPerDay).toBe(1684e9);
  });
});

describe('compatibilityFindings(scenario)', () => {
  it('finds nothing in a design within every limit', () => {
    expect(summary(scenarioWith([{ name: 'ok', churn: [{ constant: '1 MB/s' }], disks: [{ name: 'os', size: '128 GiB' }] }]))).toEqual([]);
  });

  it("reports a disk over its target's churn limit, naming the VM, the disk and the limit", () => {
    // 3 MB/s, 90% on a standard disk: 2.7 MB/s against 2 MB/s.
    const [finding] = compatibilityFindings(
      scenarioWith([{ name: 'sql', churn: [{ constant: '3 MB/s' }], disks: [{ name: 'os', size: '64 GiB', churnShare: '10%' }, { name: 'data', size: '1 TiB', churnShare: '90%' }] }]),
    );
    expect(finding).toMatchObject({ severity: 'error', rule: 'disk-churn', vm: 'sql', disk: 'data', processServer: 'ps1', unit: 'B/s', limit: 2 * MB });
    expect(finding!.value).toBeCloseTo(2.7 * MB, 6);
    expect(finding!.message).toContain('2 MB/s for standard storage');
  });

  it('reports a mean within the rate but over the daily volume, and a peak over the rate as a warning', () => {
    // 1.99 MB/s is 171.9 GB a day, over standard storage's 168 GB.
    expect(summary(scenarioWith([{ name: 'a', disks: [{ name: 'd', size: '1 TiB', churn: [{ constant: '1.99 MB/s' }] }] }]))).toEqual(['error disk-churn-per-day a/d']);
    // A mean of 1 MB/s peaking at 2.5 MB/s (a daily profile with peak-to-mean 2.5).
    const peaky = scenarioWith([{ name: 'b', disks: [{ name: 'd', size: '1 TiB', churn: [{ dailyProfile: { volume: '86.4 GB', peakHour: 14, peakToMean: 2.5 } }] }] }]);
    expect(compatibilityFindings(peaky)).toEqual([expect.objectContaining({ severity: 'warning', rule: 'disk-peak-churn', vm: 'b', disk: 'd' })]);
    expect(compatibilityFindings(peaky)[0]!.value).toBeCloseTo(2.5 * MB, 3);
  });

  it("reports a VM whose churn peaks above 54 MB/s, with or without disks, and too many disks", () => {
    const found = summary(
      scenarioWith([
        { name: 'hot', churn: [{ constant: '20 MB/s' }, { window: { start: '01:00', duration: '1h', volume: '144 GB' } }] },
        { name: 'many', churn: [{ constant: '1 MB/s' }], disks: 66 },
      ]),
    );
    // 20 MB/s + 40 MB/s during the window; 1.87 TB a day, within the process server's 2 TB.
    expect(found).toEqual(['error vm-peak-churn hot/', 'error disk-count many/']);
  });

  it('reports disk sizes outside what ASR replicates and a premium disk larger than its tier', () => {
    const found = summary(
      scenarioWith([
        {
          name: 'big',
          churn: [{ constant: '0.1 MB/s' }],
          disks: [
            { name: 'os', size: '3000 GiB', target: 'standard-ssd' },
            { name: 'tiny', size: '512 MB', target: 'standard-ssd' },
            { name: 'huge', size: '40 TiB', target: 'standard-hdd' },
            { name: 'p20', size: '600 GiB', target: 'premium-p20' },
          ],
        },
      ]),
    );
    expect(found).toEqual(['warning os-disk-size big/os', 'error disk-size big/tiny', 'error disk-size big/huge', 'warning disk-tier-size big/p20']);
    const tier = compatibilityFindings(scenarioWith([{ name: 'x', churn: [{ constant: '0 B/s' }], disks: [{ name: 'd', size: '600 GiB', target: 'premium-p20' }] }]))[0]!;
    expect(tier.limit).toBe(512 * GIB);
    expect(tier.message).toContain('premium-p30');
  });

  it('reports a process server above 2 TB/day of its VMs\' mean churn', () => {
    const [finding] = compatibilityFindings(
      scenarioWith([{ name: 'big', count: 3, churn: [{ constant: '1 TB/day' }] }], { uplinks: [{ name: 'wan', bandwidth: '10 Gbps' }] }),
    );
    expect(finding).toMatchObject({ severity: 'error', rule: 'process-server-churn-per-day', processServer: 'ps1', vm: '', disk: '', limit: 2e12 });
    expect(finding!.value).toBeCloseTo(3e12, 0);
  });
});

describe('peakChurnBytesPerSec(components, horizon)', () => {
  it('is the highest sum over time, not the sum of the peaks', () => {
    // A daily profile peaking at 14:00 and a window at 01:00: they never add up.
    const [profile, window] = scenarioWith([
      { name: 'a', churn: [{ dailyProfile: { volume: '86.4 GB', peakHour: 14, peakToMean: 3 } }, { window: { start: '01:00', duration: '1h', volume: '3.6 GB' } }] },
    ]).vms[0]!.churn;
    const horizon = 2 * 86_400;
    const at1 = (profile as { hourlyRatesBytesPerSec: number[] }).hourlyRatesBytesPerSec[1]!;
    expect(peakChurnBytesPerSec([profile!, window!], horizon)).toBeCloseTo(Math.max(3 * MB, at1 + 1 * MB), 3);
    expect(peakChurnBytesPerSec([profile!], horizon)).toBeCloseTo(3 * MB, 3);
    // An on-off source counts at its peak, bursts at their mean rate.
    expect(peakChurnBytesPerSec([{ kind: 'onOff', peakBytesPerSec: 8 * MB, meanOnSec: 60, meanOffSec: 600 }, { kind: 'poissonBursts', meanIntervalSec: 1000, sizeBytes: { kind: 'fixed', value: 1e9 } }], horizon)).toBe(9 * MB);
  });
});
