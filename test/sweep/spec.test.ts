import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepFile } from '../../src/io/loadSweep.js';
import { parseSweepSpec } from '../../src/sweep/spec.js';

const parse = (raw: unknown) => parseSweepSpec(raw, { source: 'sweep.yaml' });
const errorsOf = (raw: unknown) => {
  const r = parse(raw);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};
const good = { base: 'base.yaml', axes: [{ path: 'uplinks[0].bandwidth', values: ['10 Mbps'] }] };

describe('parseSweepSpec(raw, options)', () => {
  it('fills defaults', () => {
    const r = parse(good);
    expect(r.ok && r.spec).toMatchObject({ replications: 1, sampling: null, set: [], seed: undefined });
  });

  it('names unknown fields with the known ones', () => {
    expect(errorsOf({ ...good, replicas: 3 })).toEqual([
      { source: 'sweep.yaml', path: 'replicas', expected: expect.stringContaining('replications'), found: '"replicas"' },
    ]);
  });

  it('reports type errors with path, expected and found', () => {
    const [e] = errorsOf({ ...good, replications: 0 });
    expect(e).toMatchObject({ path: 'replications', expected: 'a whole number ≥ 1', found: '0' });
  });

  it('needs exactly one of values or range', () => {
    const [e] = errorsOf({ base: 'b', axes: [{ path: 'a.b' }] });
    expect(e).toMatchObject({ path: 'axes[0]', expected: 'exactly one of values or range', found: 'neither' });
  });

  it('needs steps for a grid range but not for sampling', () => {
    const axes = [{ path: 'a.b', range: { from: '1h', to: '4h' } }];
    expect(errorsOf({ base: 'b', axes })[0]).toMatchObject({ path: 'axes[0].range.steps' });
    expect(parse({ base: 'b', axes, sampling: { method: 'latin-hypercube', points: 4 } }).ok).toBe(true);
  });

  it('needs both range ends in one unit, and positive ends for log scale', () => {
    expect(errorsOf({ base: 'b', axes: [{ path: 'a', range: { from: '1 Mbps', to: '1 Gbps', steps: 3 } }] })[0]).toMatchObject({
      path: 'axes[0].range.to',
      expected: 'a quantity in the unit of from ("Mbps")',
    });
    expect(errorsOf({ base: 'b', axes: [{ path: 'a', range: { from: 0, to: 10, steps: 3, scale: 'log' } }] })[0]!.path).toBe('axes[0].range.scale');
  });

  it('rejects bad, duplicate and reserved paths', () => {
    expect(errorsOf({ base: 'b', axes: [{ path: 'a..b', values: [1] }] })[0]!.path).toBe('axes[0].path');
    expect(errorsOf({ base: 'b', axes: [{ path: 'a', values: [1] }, { path: 'a', values: [2] }] })[0]!.expected).toMatch(/not used by another/);
    expect(errorsOf({ base: 'b', axes: [{ path: 'seed', values: [1] }] })[0]!.expected).toMatch(/seeds come from replications/);
  });
});

describe('loadSweepFile(path)', () => {
  it('gives line numbers and checks axis paths against the base scenario', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rposim-spec-'));
    await writeFile(join(dir, 'base.yaml'), 'name: x\nuplinks:\n  - { name: wan, bandwidth: 100 Mbps }\n');
    await writeFile(join(dir, 'bad.yaml'), 'base: base.yaml\naxes:\n  - path: uplinks[0].bandwidth\n    values: [10 Mbps]\n    stepz: 3\n');
    const bad = await loadSweepFile(join(dir, 'bad.yaml'));
    expect(!bad.ok && bad.errors[0]).toMatchObject({ path: 'axes[0].stepz', line: 5 });
    await writeFile(join(dir, 'missing.yaml'), 'base: base.yaml\naxes:\n  - path: uplinks[name=lan].bandwidth\n    values: [10 Mbps]\n');
    const missing = await loadSweepFile(join(dir, 'missing.yaml'));
    expect(!missing.ok && missing.errors[0]).toMatchObject({ path: 'axes[0].path', line: 3, found: expect.stringContaining('name = "lan"') });
  });
});

describe('loadSweepFile(path) and paths', () => {
  it('rejects a path that names no scenario field, and accepts one whose mapping the base leaves out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rposim-spec-'));
    await writeFile(join(dir, 'base.yaml'), 'name: x\nuplinks:\n  - { name: wan, bandwidth: 100 Mbps }\n');
    await writeFile(join(dir, 'proto.yaml'), 'base: base.yaml\naxes:\n  - path: policy.__proto__.retention\n    values: [1h]\n');
    const proto = await loadSweepFile(join(dir, 'proto.yaml'));
    expect(!proto.ok && proto.errors[0]).toMatchObject({
      path: 'axes[0].path',
      line: 3,
      expected: 'a path to a field of the scenario format',
      found: expect.stringContaining('policy has no field "__proto__"'),
    });
    await writeFile(join(dir, 'retention.yaml'), 'base: base.yaml\naxes:\n  - path: policy.retention\n    values: [1h]\n');
    expect((await loadSweepFile(join(dir, 'retention.yaml'))).ok).toBe(true);
  });
});
