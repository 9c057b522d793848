import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sitePartitions } from '../../src/model/sitePartitions.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulateInParts, simulateWhole } from '../../src/simulate.js';
import { arbitraryPolicy } from '../helpers/arbitraryPolicy.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';
import { resultBits as bits } from '../helpers/resultBits.js';
import { processServerFixture, scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

/**
 * Sites of two to three random sub-sites side by side (each 1–2 uplinks), under any product's policy; of three,
 * sometimes with a group across the first two.
 */
const arbitrarySite: fc.Arbitrary<Scenario> = fc
  .record({ parts: fc.array(arbitraryScenario, { minLength: 2, maxLength: 3 }), policy: arbitraryPolicy, groupAcross: fc.boolean() })
  .map(({ parts, policy, groupAcross }) => {
    const [first] = parts;
    const prefixed = parts.map((part, p) => {
      const name = (n: string) => `s${p}-${n}`;
      return {
        uplinks: part.uplinks.map((uplink) => ({ ...uplink, name: name(uplink.name) })),
        processServers: part.processServers.map((server) => ({ ...server, name: name(server.name), uplink: name(server.uplink) })),
        vms: part.vms.map((vm) => ({ ...vm, name: name(vm.name), processServer: name(vm.processServer) })),
      };
    });
    const vms = prefixed.flatMap((part) => part.vms);
    return {
      ...first!,
      uplinks: prefixed.flatMap((part) => part.uplinks),
      processServers: prefixed.flatMap((part) => part.processServers),
      vms,
      policy,
      output: { ...first!.output, sampleIntervalSec: 0 },
      replicationGroups: groupAcross && parts.length === 3 ? [{ name: 'across', vms: [prefixed[0]!.vms[0]!.name, prefixed[1]!.vms[0]!.name], cpuOverheadFraction: 0.1 }] : [],
    };
  });

describe('sitePartitions', () => {
  const site = scenarioFixture({
    uplinks: ['a', 'b', 'c'].map((name) => ({ name, bandwidthBytesPerSec: 10e6, outages: { windows: [], random: null } })),
    processServers: ['a', 'b', 'c'].map((uplink) => processServerFixture({ name: `ps-${uplink}`, uplink })),
    vms: ['a', 'b', 'c', 'c', 'a'].map((uplink, i) => vmFixture({ name: `vm${i}`, processServer: `ps-${uplink}` })),
    output: { sampleIntervalSec: 0 },
  });

  it('puts each uplink with its servers and VMs, in the scenario order, and packs uplinks up to the size asked for', () => {
    const parts = sitePartitions(site, 1)!;
    expect(parts.map((p) => [p.uplinks, p.processServers, p.vms])).toEqual([
      [[0], [0], [0, 4]],
      [[1], [1], [1]],
      [[2], [2], [2, 3]],
    ]);
    expect(parts[2]!.scenario.vms.map((vm) => vm.name)).toEqual(['vm2', 'vm3']);
    // Uplink a (2 VMs) and b (1) fit in 3; c would make 5.
    expect(sitePartitions(site, 3)!.map((p) => p.uplinks)).toEqual([[0, 1], [2]]);
    expect(sitePartitions(site, 5)).toBeNull();
  });

  it('keeps a replication group’s uplinks in one part', () => {
    const grouped = { ...site, replicationGroups: [{ name: 'g', vms: ['vm0', 'vm2'], cpuOverheadFraction: 0.1 }] };
    const parts = sitePartitions(grouped, 1)!;
    expect(parts.map((p) => p.uplinks)).toEqual([[0, 2], [1]]);
    expect(parts[0]!.groups).toEqual([0]);
    expect(parts[1]!.groups).toEqual([]);
  });

  it('does not split a site with a timeseries, recovery plans or a cycle, or with one uplink', () => {
    expect(sitePartitions({ ...site, output: { sampleIntervalSec: 300 } }, 1)).toBeNull();
    expect(sitePartitions({ ...site, recoveryPlans: [{ name: 'p', choice: 'latest-processed', groups: [{ vms: ['vm0'], maxParallel: 0, actionsBefore: [], actionsAfter: [] }] }] } as Scenario, 1)).toBeNull();
    expect(sitePartitions({ ...site, uplinks: [site.uplinks[0]!], processServers: site.processServers.map((s) => ({ ...s, uplink: 'a' })) }, 1)).toBeNull();
  });

  it('simulating the parts one after another gives the whole run’s result, bit for bit', () => {
    fc.assert(
      fc.property(arbitrarySite, (scenario) => {
        expect(sitePartitions(scenario, 1)).not.toBeNull();
        expect(bits(simulateInParts(scenario, {}, 1))).toBe(bits(simulateWhole(scenario, {})));
      }),
      { numRuns: 60 },
    );
  });

  it('reports progress over the parts in order, up to 1', () => {
    const seen: number[] = [];
    simulateInParts({ ...site, horizonSec: 86_400, warmupSec: 3600 }, { onProgress: (f) => seen.push(f) }, 1);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBeCloseTo(1, 12);
  });
});
