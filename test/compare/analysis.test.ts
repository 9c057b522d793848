// The statistics of a comparison, worked by hand on made-up run figures.
import { describe, expect, it } from 'vitest';
import { analyze, welch } from '../../src/compare/analysis.js';
import type { CompareRunRecord } from '../../src/compare/executeRun.js';
import type { RunFigures } from '../../src/compare/metrics.js';

function records(strategy: number, figures: RunFigures[]): CompareRunRecord[] {
  return figures.map((f, k) => ({ index: k * 2 + strategy, strategy, replication: k, seed: k, status: 'ok', error: '', figures: f }));
}

const rpo = (values: number[]) => values.map((v): RunFigures => ({ rpo_mean_s: [v, null, null], rpo_within_threshold: [1 - v / 100, null, null] }));

describe('analyze(records, options)', () => {
  const byStrategy = [records(0, rpo([10, 12, 14])), records(1, rpo([9, 10, 14]))];
  const analysis = analyze(byStrategy, { strategies: ['a', 'b'], baseline: 'b', objective: 'rpo_within_threshold', metrics: null, precision: 0.1 });

  it('pairs replication k with replication k: differences 1, 2, 0 → mean 1 ± t(2) · 1/√3', () => {
    const pair = analysis.pairs.find((p) => p.key === 'rpo_mean_s')!;
    const half = 4.302653 / Math.sqrt(3);
    expect(pair.difference).toBe(1);
    expect(pair.ci95![0]).toBeCloseTo(1 - half, 9);
    expect(pair.ci95![1]).toBeCloseTo(1 + half, 9);
    expect([pair.strategyMean, pair.baselineMean, pair.pairs, pair.significant, pair.better]).toEqual([12, 11, 3, false, 'neither']);
  });

  it('gives Welch\'s interval for the same samples taken as independent: wider here', () => {
    // Variances 4 and 7 over 3 values each: standard error √(11/3); Welch's df = 3.72, taken as 3 (t = 3.182446).
    const [low, high] = welch([10, 12, 14], [9, 10, 14])!;
    const half = 3.182446 * Math.sqrt(11 / 3);
    expect(low).toBeCloseTo(1 - half, 5);
    expect(high).toBeCloseTo(1 + half, 5);
    expect(analysis.pairs.find((p) => p.key === 'rpo_mean_s')!.unpairedCi95).toEqual(welch([10, 12, 14], [9, 10, 14]));
  });

  it('asks for more replications until the half-width is within 10% of the larger mean: 3 × (2.484 / 1.2)² → 13', () => {
    const pair = analysis.pairs.find((p) => p.key === 'rpo_mean_s')!;
    expect(pair.precisionMet).toBe(false);
    // The fraction within the threshold differs by 0.01 ± 0.025, well within 10% of 0.89: met.
    expect(analysis.pairs.find((p) => p.key === 'rpo_within_threshold')!.precisionMet).toBe(true);
    expect(analysis.precision).toMatchObject({ target: 0.1, met: false, unmet: 1, total: 2, neededReplications: 13 });
  });

  it('ranks by the objective in its own direction: a higher fraction within the threshold first', () => {
    expect(analysis.objective.better).toBe('higher');
    // a: 0.88 on average, b: 0.89.
    expect(analysis.objective.ranking.map((r) => r.strategy)).toEqual(['b', 'a']);
  });

  it('reports each strategy\'s mean and CI over replications, with p95 and max over them for a per-run figure', () => {
    const row = analysis.rows.find((r) => r.strategy === 'a' && r.key === 'rpo_mean_s')!;
    expect([row.mean, row.replications, row.max, row.over]).toEqual([12, 3, 14, 'replications']);
    expect(row.ci95![1] - 12).toBeCloseTo(4.302653 * (2 / Math.sqrt(3)), 9);
  });

  it('takes p95 and max of a mean over failovers from within each run: the mean p95 and the largest max', () => {
    const loss = (v: number, p95: number, max: number): RunFigures => ({ 'data_loss_s:latest': [v, p95, max] });
    const a = analyze([records(0, [loss(5, 9, 20), loss(7, 11, 30)]), records(1, [loss(5, 9, 20), loss(7, 11, 30)])], {
      strategies: ['a', 'b'], baseline: 'a', objective: 'data_loss_s:latest', metrics: null, precision: null,
    });
    expect(a.rows[0]).toMatchObject({ key: 'data_loss_s:latest', choice: 'latest', mean: 6, p95: 10, max: 30, over: 'failovers' });
    expect(a.precision).toBeNull();
    expect(a.pairs[0]).toMatchObject({ difference: 0, ci95: [0, 0], precisionMet: null });
  });

  it('leaves out failed runs and pairs only replications at which both have a value', () => {
    const failed: CompareRunRecord = { index: 2, strategy: 0, replication: 1, seed: 1, status: 'failed', error: 'boom', figures: {} };
    const a = [records(0, rpo([10]))[0]!, failed, records(0, rpo([0, 0, 14]))[2]!];
    const result = analyze([a, records(1, rpo([9, 10, 13]))], { strategies: ['a', 'b'], baseline: 'b', objective: 'rpo_mean_s', metrics: ['rpo_mean_s'], precision: null });
    expect(result.keys).toEqual(['rpo_mean_s']);
    expect(result.pairs[0]).toMatchObject({ pairs: 2, difference: 1 });
    expect(result.rows[0]).toMatchObject({ strategy: 'a', replications: 2, mean: 12 });
  });
});
