import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioToInput } from '../../src/scenario/scenarioToInput.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { minimalInput } from './fixtures.js';

const MB = 1e6;
const GIB = 2 ** 30;

function withVm(vm: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...minimalInput(), vms: [{ name: 'db', processServer: 'ps1', ...vm }], ...extra };
}

function parsed(input: Record<string, unknown>): Scenario {
  const result = parseScenario(input, { source: 'disks.test' });
  if (!result.ok) throw new Error(formatIssues(result.errors));
  return result.scenario;
}

function problems(input: Record<string, unknown>): string[] {
  const result = parseScenario(input, { source: 'disks.test' });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.expected}`);
}

describe('a VM that lists its disks', () => {
  it('takes its disk count and used disk from its disks, and applies at its slowest disk relative to its share of the churn', () => {
    const { vms } = parsed(
      withVm({
        churn: [{ constant: '6 MB/s' }],
        disks: [
          { name: 'os', size: '128 GiB', used: '40 GiB', target: 'standard-ssd', churnShare: '10%' },
          // Premium P20 at 8 KB writes: 5 MB/s, for 90% of the bytes: the VM's stream advances at 5 / 0.9 MB/s.
          { name: 'data', size: '512 GiB', used: '300 GiB', target: 'premium-p20', ioSize: '8 KiB', churnShare: '90%' },
        ],
      }),
    );
    const [vm] = vms;
    expect(vm!.disks).toBe(2);
    expect(vm!.usedDiskBytes).toBe(340 * GIB);
    // The OS disk allows 2 / 0.1 = 20 MB/s; the data disk 5.56 MB/s.
    expect(vm!.applyRateBytesPerSec).toBeCloseTo((5 * MB) / 0.9, 6);
    expect(vm!.diskList!.map((d) => d.applyRateBytesPerSec)).toEqual([2 * MB, 5 * MB]);
  });

  it('splits the churn evenly among disks without a share; an applyRate given still caps the VM', () => {
    const { vms } = parsed(
      withVm({
        churn: [{ constant: '1 MB/s' }],
        applyRate: '6 MB/s',
        disks: [
          { name: 'a', size: '10 GB', churnShare: '50%', target: 'premium-p30' },
          { name: 'b', size: '10 GB', target: 'premium-p30' },
          { name: 'c', size: '10 GB', target: 'premium-p30' },
        ],
      }),
    );
    expect(vms[0]!.diskList!.map((d) => d.churnShareFraction)).toEqual([0.5, 0.25, 0.25]);
    // The disks allow 20 / 0.5 = 40 MB/s; the VM's own applyRate is lower.
    expect(vms[0]!.applyRateBytesPerSec).toBe(6 * MB);
  });

  it('with per-disk churn writes the sum of its disks, each disk taking its share of the mean; stagger shifts the disks too', () => {
    const { vms } = parsed(
      withVm({
        count: 2,
        stagger: '1h',
        disks: [
          { name: 'os', size: '100 GiB', churn: [{ constant: '1 MB/s' }] },
          { name: 'logs', size: '100 GiB', churn: [{ window: { start: '01:00', duration: '1h', volume: '10.8 GB' } }] },
        ],
      }),
    );
    const [first, second] = vms;
    expect(first!.churn).toHaveLength(2);
    // Means: 1 MB/s and 10.8 GB a day = 0.125 MB/s.
    expect(first!.diskList!.map((d) => d.churnShareFraction)).toEqual([1 / 1.125, 0.125 / 1.125]);
    expect(second!.churn[1]).toMatchObject({ kind: 'periodicSteps', offsetSec: 2 * 3600 });
    expect(second!.diskList![1]!.churn![0]).toEqual(second!.churn[1]);
  });

  it('rejects what could disagree or make no sense, at the field written', () => {
    expect(problems(withVm({ churn: [{ constant: '1 MB/s' }], usedDisk: '1 GB', disks: [{ name: 'a', size: '10 GB' }] }))).toEqual([
      "vms[0].usedDisk: no usedDisk on a VM that lists its disks (give each disk's used)",
    ]);
    expect(problems(withVm({ churn: [{ constant: '1 MB/s' }], diskSize: '100 GB', disks: [{ name: 'a', size: '10 GB' }] }))).toEqual([
      "vms[0].diskSize: no diskSize on a VM that lists its disks (give each disk's size)",
    ]);
    expect(problems(withVm({ churn: [{ constant: '1 MB/s' }], disks: [{ name: 'a', size: '10 GB', churn: [{ constant: '1 MB/s' }] }] }))).toEqual([
      'vms[0].churn: no churn on a VM whose disks have their own (the VM writes what its disks write)',
    ]);
    expect(problems(withVm({ churn: [{ constant: '1 MB/s' }], disks: [{ name: 'a', size: '10 GB', used: '11 GB' }] }))).toEqual([
      "vms[0].disks[0].used: a size no larger than the disk's size (10 GB)",
    ]);
    const twoDisks = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      problems(withVm({ churn: [{ constant: '1 MB/s' }], disks: [{ name: 'a', size: '10 GB', ...a }, { name: 'b', size: '10 GB', ...b }] }));
    expect(twoDisks({ churnShare: '60%' }, { churnShare: '50%' })).toEqual(['vms[0].disks[1].churnShare: churn shares that add up to 100% (these add up to 110%)']);
    expect(twoDisks({ churnShare: '60%' }, { churnShare: '30%' })).toEqual(['vms[0].disks[1].churnShare: churn shares that add up to 100% (these add up to 90%)']);
    expect(twoDisks({ name: 'b' }, {})).toEqual(['vms[0].disks[1].name: a name not used by another disk of this VM']);
    expect(twoDisks({ churn: [{ constant: '1 MB/s' }] }, {})[0]).toMatch(/^vms\[0\]\.disks\[1\]\.churn: churn on every disk of the VM, or on none/);
    expect(twoDisks({ target: 'premium-p99' }, {})[0]).toMatch(/^vms\[0\]\.disks\[0\]\.target: one of standard-hdd, standard-ssd, premium-p10/);
    expect(problems(withVm({ churn: [{ constant: '1 MB/s' }], disks: 'two' }))).toEqual([
      'vms[0].disks: a number of disks (an integer from 1 to 256) or a list of disks { name, size, target, ... }',
    ]);
  });

  it('parses back to the same scenario from scenarioToInput (how simulate() judges a scenario built in code)', () => {
    const scenario = parsed(
      withVm(
        {
          disks: [
            { name: 'os', size: '128 GiB', used: '1 GiB', churn: [{ constant: '1 MB/s' }] },
            { name: 'data', size: '1 TiB', target: 'premium-p30', applyRate: '15 MB/s', churn: [{ dailyProfile: { volume: '100 GB', peakHour: 14, peakToMean: 2 } }] },
          ],
        },
        {
          uplinks: [{ name: 'wan', bandwidth: '100 Mbps', background: { priority: [{ constant: '10 Mbps' }] } }],
          processServers: [{ name: 'ps1', uplink: 'wan', bandwidthThrottling: { workDays: ['friday', 'monday'], startWorkHour: '07:30', workHourBandwidth: '20 Mbps', nonWorkHourBandwidth: '1 Gbps' } }],
        },
      ),
    );
    const shared = parsed(withVm({ churn: [{ constant: '2 MB/s' }], disks: [{ name: 'a', size: '1 TB', churnShare: '30%' }, { name: 'b', size: '1 TB' }] }, { uplinks: [{ name: 'wan', bandwidth: '1 Gbps', background: { share: '25%' } }] }));
    for (const original of [scenario, shared]) {
      const { document, traces } = scenarioToInput(original);
      const again = parseScenario(document, { source: 'again', traces });
      if (!again.ok) throw new Error(formatIssues(again.errors));
      expect(again.scenario).toEqual(original);
    }
    expect(scenario.processServers[0]!.bandwidthThrottling!.workDays).toEqual(['monday', 'friday']);
  });
});

describe('disks in the model', () => {
  it('a VM with one disk that allows what the VM-level fields said gives exactly the results of the VM without disks', () => {
    const vm = { churn: [{ dailyProfile: { volume: '200 GB', peakHour: 14, peakToMean: 3 } }, { poissonBursts: { meanInterval: '6h', size: '4 GB' } }] };
    const extra = { horizon: '2d', warmup: '1h', disasters: { random: 30 } };
    const plain = parsed(withVm({ ...vm, usedDisk: '50 GB' }, extra));
    // A premium P30 disk at 16 KB writes applies at 20 MB/s, the VM-level default.
    const listed = parsed(withVm({ ...vm, disks: [{ name: 'os', size: '1 TiB', used: '50 GB', target: 'premium-p30' }] }, extra));
    expect(JSON.stringify(simulate(listed, { seed: 3 }))).toBe(JSON.stringify(simulate(plain, { seed: 3 })));
  });

  it('a slow disk delays the whole VM: processing advances at the disk rate over its share', () => {
    // 6 MB/s written, 90% of it on a 5 MB/s disk: processing runs at 5.56 MB/s from 5 min on, behind the upload.
    const scenario = parsed(
      withVm(
        {
          churn: [{ constant: '6 MB/s' }],
          disks: [
            { name: 'os', size: '128 GiB', target: 'standard-ssd', churnShare: '10%' },
            { name: 'data', size: '512 GiB', target: 'premium-p20', ioSize: '8 KiB', churnShare: '90%' },
          ],
        },
        { horizon: '2h', warmup: '0s', disasters: { random: 0 } },
      ),
    );
    const [vm] = simulate(scenario).vms;
    expect(vm!.bytesUploaded).toBeCloseTo(6 * MB * 7200, -3);
    expect(vm!.bytesProcessed).toBeCloseTo(((5 * MB) / 0.9) * (7200 - 300), -3);
  });
});
