// The shipped comparison (scenarios/compare/compare.yaml), run in full as docs/compare.md shows it: common random
// numbers make every paired interval narrower than the unpaired one where the products share the randomness,
// and the page's reading of the result holds.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareAnalysis } from '../../src/compare/analysis.js';
import { runCompare } from '../../src/compare/runCompare.js';
import { loadCompareFile } from '../../src/io/loadCompare.js';
import { tempFolder } from '../io/tempFolder.js';

let analysis: CompareAnalysis;
const halfWidth = (ci: [number, number] | null) => (ci === null ? Number.NaN : (ci[1] - ci[0]) / 2);
const mean = (strategy: string, key: string) => analysis.rows.find((r) => r.strategy === strategy && r.key === key)?.mean;

beforeAll(async () => {
  const loaded = await loadCompareFile('scenarios/compare/compare.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  analysis = (await runCompare(loaded.compare, { out: join(await tempFolder(), 'compare'), workers: 2 })).analysis!;
});

describe('scenarios/compare/compare.yaml', () => {
  it('pairs every product with ASR more tightly than independent runs would, for downtime, bytes lost and cost', () => {
    const keys = ['downtime_s:latest', 'data_loss_bytes:custom', 'cost_per_year', 'penalty_per_year'];
    const pairs = analysis.pairs.filter((p) => keys.includes(p.key));
    expect(pairs).toHaveLength(keys.length * 5);
    for (const p of pairs) expect([p.key, p.strategy, halfWidth(p.ci95) < halfWidth(p.unpairedCi95)]).toEqual([p.key, p.strategy, true]);
    // Where the products share the downtime draws, the cost difference is known ten times better paired: Zerto's
    // (its penalty moves with ASR's) to within ±7 instead of ±73 (docs/compare.md).
    const zerto = analysis.pairs.find((p) => p.key === 'cost_per_year' && p.strategy === 'zerto')!;
    expect(halfWidth(zerto.ci95) / halfWidth(zerto.unpairedCi95)).toBeLessThan(0.2);
  });

  it('finds a clean point 3 days back with Veeam CDP, AWS DRS and vSphere Replication only, and 7 days back with vSphere only', () => {
    const survives = (dwell: string) => analysis.strategies.filter((s) => mean(s, `with_point:clean@${dwell}`) === 1);
    expect(survives('3d')).toEqual(['aws-drs', 'vsphere-replication', 'veeam-cdp']);
    expect(survives('7d')).toEqual(['vsphere-replication']);
    for (const s of ['asr', 'asr-modernized', 'zerto']) expect(mean(s, 'with_point:clean@3d')).toBe(0);
  });

  it('ranks Zerto cheapest and vSphere Replication dearest at these prices, every difference from ASR significant', () => {
    expect(analysis.objective.ranking.map((r) => r.strategy)).toEqual(['zerto', 'asr', 'asr-modernized', 'veeam-cdp', 'aws-drs', 'vsphere-replication']);
    expect(analysis.pairs.filter((p) => p.key === 'cost_per_year').every((p) => p.significant)).toBe(true);
  });
});
