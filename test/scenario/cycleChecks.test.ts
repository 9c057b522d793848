import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalInput } from './fixtures.js';

/** The minimal scenario with two VMs, a master target and a complete cycle; tests break one rule each. */
function cycleInput(): Record<string, any> {
  return {
    ...minimalInput(),
    vms: [
      { name: 'web', processServer: 'ps1', usedDisk: '100 GB', churn: [{ constant: '1 MB/s' }] },
      { name: 'db', processServer: 'ps1', usedDisk: '100 GB', churn: [{ constant: '1 MB/s' }] },
    ],
    masterTargets: [{ name: 'mt1' }, { name: 'mt2' }],
    replicationGroups: [{ name: 'app', vms: ['web', 'db'] }],
    cycle: {
      failoverAt: '3d',
      commitAfter: '30m',
      reprotect: { link: { kind: 'vpn', bandwidth: '200 Mbps' }, masterTarget: 'mt1' },
      failbackAt: '5d',
      reprotectOnPremises: { after: '1h' },
    },
  };
}

function errorsOf(input: unknown): { path: string; expected: string; found: string }[] {
  const result = parseScenario(input, { source: 'cycle.yaml' });
  if (result.ok) return [];
  for (const e of result.errors) expect(e.source).toBe('cycle.yaml');
  return result.errors.map(({ path, expected, found }) => ({ path, expected, found }));
}

describe('parseScenario with groups, plans and a cycle', () => {
  it('accepts the complete cycle', () => {
    const result = parseScenario(cycleInput(), { source: 'cycle.yaml' });
    expect(result.ok).toBe(true);
  });

  it('rejects a second master target, group or plan with a name already used', () => {
    const input = cycleInput();
    input['masterTargets'].push({ name: 'mt1' });
    input['replicationGroups'].push({ name: 'app', vms: [] });
    input['recoveryPlans'] = [
      { name: 'p', groups: [] },
      { name: 'p', groups: [] },
    ];
    const errors = errorsOf(input);
    expect(errors).toContainEqual({ path: 'masterTargets[2].name', expected: 'a name not used by another master target', found: '"mt1"' });
    expect(errors).toContainEqual({ path: 'replicationGroups[1].name', expected: 'a name not used by another replication group', found: '"app"' });
    expect(errors).toContainEqual({ path: 'recoveryPlans[1].name', expected: 'a name not used by another recovery plan', found: '"p"' });
  });

  it('rejects group members on different master targets', () => {
    const input = cycleInput();
    input['vms'][1].masterTarget = 'mt2';
    expect(errorsOf(input)).toContainEqual({
      path: 'replicationGroups[0].vms',
      expected: 'members that share one master target (otherwise no common point in time exists)',
      found: 'web → mt1, db → mt2',
    });
  });

  it('rejects a master target with more disks than it can serve', () => {
    const input = cycleInput();
    input['vms'][0].disks = 59;
    input['vms'][1].disks = 2;
    expect(errorsOf(input)).toContainEqual({ path: 'masterTargets[0].maxDisks', expected: 'at least the 61 disks of the VMs it serves (at most 60)', found: '60' });
  });

  it('rejects failback through a master target moved by Storage vMotion', () => {
    const input = cycleInput();
    input['masterTargets'][0].storageVMotion = true;
    expect(errorsOf(input).map((e) => e.path)).toContain('masterTargets[0].storageVMotion');
  });

  it('rejects reprotecting a VM with snapshots', () => {
    const input = cycleInput();
    input['vms'][1].snapshots = true;
    expect(errorsOf(input)).toContainEqual({ path: 'vms[1].snapshots', expected: 'false: VM db has snapshots and cannot be reprotected', found: 'true' });
  });

  it('rejects reprotect and failback after a cancelled failover', () => {
    const input = cycleInput();
    input['cycle'].cancel = true;
    expect(errorsOf(input).map((e) => e.path)).toEqual(['cycle.reprotect', 'cycle.failbackAt', 'cycle.reprotectOnPremises']);
  });

  it('rejects a site-to-site VPN with the on-premises process server', () => {
    const input = cycleInput();
    input['cycle'].reprotect.processServer = 'on-premises';
    expect(errorsOf(input)).toContainEqual({
      path: 'cycle.reprotect.processServer',
      expected: '"azure": a site-to-site VPN needs a process server in Azure',
      found: '"on-premises"',
    });
  });

  it('rejects unknown VMs in groups, a VM in two groups, and more than 16 members', () => {
    const input = cycleInput();
    input['replicationGroups'] = [
      { name: 'a', vms: ['web', 'nope'] },
      { name: 'b', vms: ['web'] },
      { name: 'c', vms: Array.from({ length: 17 }, () => 'db') },
    ];
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toContain('replicationGroups[0].vms[1]');
    expect(paths).toContain('replicationGroups[1].vms[0]');
    expect(paths).toContain('replicationGroups[2].vms');
  });

  it('rejects an alternate location without a used disk size, and a disaster after the cycle starts', () => {
    const input = cycleInput();
    input['cycle'].reprotect.location = 'alternate';
    delete input['vms'][0].usedDisk;
    input['disasters'] = { times: ['4d'] };
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toContain('vms[0].usedDisk');
    expect(paths).toContain('disasters.times[0]');
  });
});
