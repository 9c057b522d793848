import { describe, expect, it } from 'vitest';
import { inShard, runAt, sweepPoints } from '../../src/sweep/design.js';
import { parseSweepSpec, type SweepSpec } from '../../src/sweep/spec.js';

const spec = (raw: object): SweepSpec => {
  const r = parseSweepSpec({ base: 'b.yaml', ...raw }, { source: 't' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
};

describe('sweepPoints(spec, seed)', () => {
  it('grid: cross product, first axis slowest', () => {
    const s = spec({ axes: [{ path: 'a', values: ['x', 'y'] }, { path: 'b', values: [1, 2, 3] }] });
    expect(sweepPoints(s, 1)).toEqual([['x', 1], ['x', 2], ['x', 3], ['y', 1], ['y', 2], ['y', 3]]);
  });

  it('ranges step linearly or logarithmically and keep the unit of from', () => {
    const s = spec({
      axes: [
        { path: 'a', range: { from: '20 Mbps', to: '200 Mbps', steps: 3, scale: 'log' } },
        { path: 'b', range: { from: '1h', to: '4h', steps: 4 } },
        { path: 'c', range: { from: 1, to: 10, steps: 4, integer: true } },
      ],
    });
    const points = sweepPoints(s, 1);
    expect([...new Set(points.map((p) => p[0]))]).toEqual(['20 Mbps', '63.2456 Mbps', '200 Mbps']);
    expect([...new Set(points.map((p) => p[1]))]).toEqual(['1h', '2h', '3h', '4h']);
    expect([...new Set(points.map((p) => p[2]))]).toEqual([1, 4, 7, 10]);
  });

  it('latin hypercube: same seed same points, one point per stratum of every axis', () => {
    const s = spec({
      sampling: { method: 'latin-hypercube', points: 10 },
      axes: [{ path: 'a', range: { from: 0, to: 10 } }, { path: 'b', range: { from: '1 GB', to: '11 GB' } }],
    });
    const points = sweepPoints(s, 7);
    expect(sweepPoints(s, 7)).toEqual(points);
    expect(sweepPoints(s, 8)).not.toEqual(points);
    const strata = (i: number) => points.map((p) => Math.floor(parseFloat(String(p[i])) - (i === 1 ? 1 : 0))).sort((x, y) => x - y);
    expect(strata(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(strata(1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('random sampling: adding an axis does not move the others', () => {
    const a = { path: 'a', range: { from: 0, to: 1 } };
    const one = sweepPoints(spec({ sampling: { method: 'random', points: 5 }, axes: [a] }), 3);
    const two = sweepPoints(spec({ sampling: { method: 'random', points: 5 }, axes: [a, { path: 'b', values: [1, 2] }] }), 3);
    expect(two.map((p) => p[0])).toEqual(one.map((p) => p[0]));
  });
});

describe('runAt(index, replications, baseSeed)', () => {
  it('gives replication k the seed base + k at every point (common random numbers)', () => {
    const runs = Array.from({ length: 6 }, (_, i) => runAt(i, 3, 100));
    expect(runs.map((r) => [r.point, r.replication, r.seed])).toEqual([
      [0, 0, 100], [0, 1, 101], [0, 2, 102], [1, 0, 100], [1, 1, 101], [1, 2, 102],
    ]);
  });
});

describe('inShard(runIndex, shard)', () => {
  it('splits the runs into disjoint shares that cover them all', () => {
    const count = 3;
    const owners = Array.from({ length: 20 }, (_, i) => [0, 1, 2].filter((index) => inShard(i, { index, count })));
    expect(owners.every((o) => o.length === 1)).toBe(true);
  });
});
