// Common random numbers: every strategy of a comparison sees the same churn, outages, disasters and downtime
// draws at each replication, so a paired difference is the strategies' and not the noise's.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCompare } from '../../src/compare/runCompare.js';
import { loadCompareFile } from '../../src/io/loadCompare.js';
import { tempFolder } from '../io/tempFolder.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function compare(name: string) {
  const loaded = await loadCompareFile(fixture(name));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const outcome = await runCompare(loaded.compare, { out: join(await tempFolder(), 'out'), workers: 1 });
  return outcome.analysis!;
}

const halfWidth = (ci: [number, number] | null) => (ci === null ? Number.NaN : (ci[1] - ci[0]) / 2);

describe('rposim compare on common random numbers', () => {
  it('gives a paired difference of exactly 0, with a CI of [0, 0], for every metric of two identical strategies', async () => {
    const analysis = await compare('identical.yaml');
    // Every metric of the catalogue that the run has, clean@ dwell times and costs included.
    expect(analysis.pairs.length).toBeGreaterThan(40);
    expect(analysis.pairs.map((p) => p.key)).toEqual(expect.arrayContaining(['cost_per_year', 'data_loss_s:clean@12h', 'with_point:clean@1h', 'rpo_mean_s']));
    for (const pair of analysis.pairs) {
      expect([pair.key, pair.difference, pair.ci95]).toEqual([pair.key, 0, [0, 0]]);
      expect(pair.significant).toBe(false);
    }
    // The strategies' own figures still vary over replications: the zeros come from the pairing, not from no noise.
    const row = analysis.rows.find((r) => r.key === 'downtime_s:latest')!;
    expect(halfWidth(row.ci95)).toBeGreaterThan(0);
  });

  it('pairs more tightly than independent samples would: downtime, bytes lost and cost between products', async () => {
    const analysis = await compare('products.yaml');
    for (const key of ['downtime_s:latest', 'cost_per_year', 'data_loss_bytes:custom', 'data_loss_bytes:clean@12h']) {
      for (const pair of analysis.pairs.filter((p) => p.key === key)) {
        expect([key, pair.strategy, halfWidth(pair.ci95) < halfWidth(pair.unpairedCi95)]).toEqual([key, pair.strategy, true]);
      }
    }
  });
});
