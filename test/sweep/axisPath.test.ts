import { describe, expect, it } from 'vitest';
import { parseAxisPath, setAtPath, type PathSegment } from '../../src/sweep/axisPath.js';

const parsed = (path: string) => parseAxisPath(path) as PathSegment[];

describe('parseAxisPath(path)', () => {
  it('reads keys, indexes and name selectors', () => {
    expect(parsed('vms[name=db].churn[0].constant')).toEqual([
      { kind: 'key', key: 'vms' },
      { kind: 'match', key: 'name', value: 'db' },
      { kind: 'key', key: 'churn' },
      { kind: 'index', index: 0 },
      { kind: 'key', key: 'constant' },
    ]);
  });

  it.each(['', '.policy', 'policy..retention', 'uplinks[x]', 'uplinks[0]bandwidth', '[0].a', 'a b'])('rejects %j with a message', (path) => {
    expect(typeof parseAxisPath(path)).toBe('string');
  });
});

describe('setAtPath(target, path, value)', () => {
  const base = () => ({
    policy: { retention: '24h' },
    uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
    vms: [{ name: 'web', churn: [{ constant: '1 MB/s' }] }, { name: 'db', churn: [{ constant: '2 MB/s' }] }],
  });

  it('sets by index and by name', () => {
    const raw = base();
    expect(setAtPath(raw, parsed('uplinks[0].bandwidth'), '20 Mbps')).toBeNull();
    expect(setAtPath(raw, parsed('vms[name=db].churn[0].constant'), '5 MB/s')).toBeNull();
    expect(raw.uplinks[0]!.bandwidth).toBe('20 Mbps');
    expect(raw.vms[1]!.churn[0]!.constant).toBe('5 MB/s');
    expect(raw.vms[0]!.churn[0]!.constant).toBe('1 MB/s');
  });

  it('adds a missing last field (left to its default by the base)', () => {
    const raw = base() as Record<string, any>;
    expect(setAtPath(raw, parsed('policy.appConsistentInterval'), '4h')).toBeNull();
    expect(raw.policy.appConsistentInterval).toBe('4h');
  });

  it('creates the mappings the base leaves out on the way to the field (their other fields default)', () => {
    const raw = base() as Record<string, any>;
    expect(setAtPath(raw, parsed('cloud.processingDelay'), '10m')).toBeNull();
    expect(raw.cloud).toEqual({ processingDelay: '10m' });
    expect(setAtPath(raw, parsed('failover.job.uniform'), ['5m', '9m'])).toBeNull();
    expect(raw.failover).toEqual({ job: { uniform: ['5m', '9m'] } });
  });

  it('says what is missing on the way', () => {
    expect(setAtPath(base(), parsed('vms[name=nope].churn'), 1)).toMatch(/name = "nope"/);
    expect(setAtPath(base(), parsed('uplinks[3].bandwidth'), 1)).toMatch(/no item \[3\]/);
    expect(setAtPath(base(), parsed('disasters.times[0]'), 1)).toMatch(/no field "times"/);
    expect(setAtPath(base(), parsed('policy[0]'), 1)).toMatch(/needs a list/);
  });

  it('never follows what objects inherit: policy.__proto__.x leaves Object.prototype alone', () => {
    expect(setAtPath(base(), parsed('policy.__proto__.polluted'), 1)).toMatch(/"__proto__" is not a scenario field/);
    expect(setAtPath(base(), parsed('policy.constructor'), 1)).toMatch(/not a scenario field/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
