import { describe, expect, it } from 'vitest';
import { parseScenarioInput } from '../../src/scenario/parseScenarioInput.js';
import { resolvedScenario } from '../../src/scenario/resolvedScenario.js';

describe('resolvedScenario(scenario)', () => {
  const scenario = parseScenarioInput({
    name: 'site',
    horizon: '7d', // the default value, written out
    warmup: '2h',
    uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
    processServers: [
      { name: 'ps1', uplink: 'wan', cache: '300 GB' },
      { name: 'ps2', uplink: 'wan' },
    ],
    vms: [{ name: 'vm', count: 2, processServer: 'ps1', disks: 2, churn: [{ constant: '1 MB/s' }] }],
    failover: { boot: { uniform: ['2m', '5m'] }, job: '10m' },
  });
  const { defaults, scenario: written } = resolvedScenario(scenario);

  it('marks the fields that hold the built-in default, whether left out or written with that value', () => {
    expect(defaults).toEqual(expect.arrayContaining(['horizonSec', 'processServers[1].cacheBytes', 'processServers[0].throughputBytesPerSec', 'vms[1].applyRateBytesPerSec', 'failover.bootSec', 'policy.rpoThresholdSec']));
  });

  it('does not mark fields set to another value, nor the fields every scenario must write', () => {
    for (const path of ['warmupSec', 'processServers[0].cacheBytes', 'vms[0].disks', 'failover.jobSec', 'name', 'uplinks[0].bandwidthBytesPerSec', 'vms[0].churn', 'vms[0].processServer', 'processServers[0].uplink']) {
      expect(defaults).not.toContain(path);
    }
  });

  it('keeps the scenario in base units', () => {
    expect((written as typeof scenario).processServers[0]!.cacheBytes).toBe(300e9);
    expect((written as typeof scenario).vms.map((vm) => vm.name)).toEqual(['vm-1', 'vm-2']);
  });
});
