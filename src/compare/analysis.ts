// From the runs of a comparison to its figures: each strategy's metrics over replications, each strategy's
// paired difference from the baseline (replication k against replication k: common random numbers), whether
// the requested precision is met, and the ranking by the objective. Pure: io/ writes and prints the result.
import { quantile } from 'd3-array';
import { estimateMean } from '../metrics/confidenceInterval.js';
import { tQuantile975 } from '../metrics/studentT.js';
import type { CompareRunRecord } from './executeRun.js';
import { METRICS, metricDef, metricKey, splitMetricKey, type Figure, type MetricDef } from './metrics.js';

export type Interval = [number, number];

export interface MetricRow {
  strategy: string;
  key: string;
  metric: MetricDef;
  choice: string | null;
  /** Replications with a value. */
  replications: number;
  mean: number;
  ci95: Interval | null;
  p95: number;
  max: number;
  /** What p95 and max are taken over: the failovers of each run, or the replications' values. */
  over: 'failovers' | 'replications';
}

export interface PairRow {
  strategy: string;
  baseline: string;
  key: string;
  metric: MetricDef;
  choice: string | null;
  /** Replications at which both had a value. */
  pairs: number;
  strategyMean: number;
  baselineMean: number;
  /** Mean of strategy − baseline over the pairs, with its 95% CI (Student t). */
  difference: number;
  ci95: Interval | null;
  /** The same difference with the two samples taken as independent (Welch): what CRN saves. */
  unpairedCi95: Interval | null;
  /** The CI excludes 0. */
  significant: boolean;
  better: 'strategy' | 'baseline' | 'neither';
  /** null without a precision target. */
  precisionMet: boolean | null;
}

export interface CompareAnalysis {
  strategies: string[];
  baseline: string;
  replications: number;
  keys: string[];
  rows: MetricRow[];
  pairs: PairRow[];
  objective: { key: string; better: 'lower' | 'higher'; ranking: { strategy: string; mean: number | null; ci95: Interval | null }[] };
  /** null without a precision target. */
  precision: { target: number; met: boolean; unmet: number; total: number; neededReplications: number } | null;
}

export interface AnalysisOptions {
  strategies: string[];
  baseline: string;
  objective: string;
  /** Metric names to report; null: all. */
  metrics: string[] | null;
  precision: number | null;
}

const half = (ci: Interval | null) => (ci === null ? Infinity : (ci[1] - ci[0]) / 2);

/** `byStrategy[s][k]`: strategy s's record at replication k (failed runs left out of every figure). */
export function analyze(byStrategy: CompareRunRecord[][], options: AnalysisOptions): CompareAnalysis {
  const { strategies, baseline } = options;
  const replications = Math.max(0, ...byStrategy.map((records) => records.length));
  const keys = metricKeys(byStrategy, options.metrics);
  const figure = (s: number, k: number, key: string): Figure | null => {
    const record = byStrategy[s]?.[k];
    return record === undefined || record.status !== 'ok' ? null : (record.figures[key] ?? null);
  };
  const valuesOf = (s: number, key: string) => Array.from({ length: replications }, (_, k) => figure(s, k, key));

  const rows: MetricRow[] = [];
  for (let s = 0; s < strategies.length; s++) {
    for (const key of keys) {
      const figures = valuesOf(s, key).filter((f): f is Figure => f !== null);
      if (figures.length === 0) continue;
      const values = figures.map((f) => f[0]);
      const estimate = estimateMean(values);
      const within = figures[0]![1] !== null;
      const { metric, choice } = splitMetricKey(key);
      rows.push({
        strategy: strategies[s]!,
        key,
        metric: metricDef(metric)!,
        choice,
        replications: values.length,
        mean: estimate.mean,
        ci95: values.length > 1 ? estimate.ci95 : null,
        // Within-run spread where the figure is a mean over failovers; else the spread over replications.
        p95: within ? estimateMean(figures.map((f) => f[1]!)).mean : quantile(values, 0.95)!,
        max: within ? Math.max(...figures.map((f) => f[2]!)) : Math.max(...values),
        over: within ? 'failovers' : 'replications',
      });
    }
  }

  const b = strategies.indexOf(baseline);
  const pairs: PairRow[] = [];
  for (let s = 0; s < strategies.length; s++) {
    if (s === b) continue;
    for (const key of keys) {
      const mine = valuesOf(s, key);
      const theirs = valuesOf(b, key);
      const both = mine.flatMap((f, k) => (f !== null && theirs[k] !== null ? [[f[0], theirs[k]![0]] as const] : []));
      if (both.length < 2) continue;
      const { metric, choice } = splitMetricKey(key);
      const def = metricDef(metric)!;
      const diff = estimateMean(both.map(([x, y]) => x - y));
      const strategyMean = estimateMean(both.map(([x]) => x)).mean;
      const baselineMean = estimateMean(both.map(([, y]) => y)).mean;
      const significant = diff.ci95[0] > 0 || diff.ci95[1] < 0;
      const strategyBetter = def.better === 'lower' ? diff.mean < 0 : diff.mean > 0;
      const scale = Math.max(Math.abs(strategyMean), Math.abs(baselineMean));
      const halfWidth = half(diff.ci95);
      pairs.push({
        strategy: strategies[s]!,
        baseline,
        key,
        metric: def,
        choice,
        pairs: both.length,
        strategyMean,
        baselineMean,
        difference: diff.mean,
        ci95: diff.ci95,
        unpairedCi95: welch(
          mine.flatMap((f) => (f === null ? [] : [f[0]])),
          theirs.flatMap((f) => (f === null ? [] : [f[0]])),
        ),
        significant,
        better: !significant ? 'neither' : strategyBetter ? 'strategy' : 'baseline',
        precisionMet: options.precision === null ? null : scale === 0 ? halfWidth === 0 : halfWidth <= options.precision * scale,
      });
    }
  }

  const objectiveDef = metricDef(splitMetricKey(options.objective).metric)!;
  const ranking = strategies
    .map((strategy, s) => {
      const row = rows.find((r) => r.strategy === strategy && r.key === options.objective);
      return { strategy, s, mean: row?.mean ?? null, ci95: row?.ci95 ?? null };
    })
    .sort((x, y) => {
      if (x.mean === null || y.mean === null) return (x.mean === null ? 1 : 0) - (y.mean === null ? 1 : 0) || x.s - y.s;
      return (objectiveDef.better === 'lower' ? x.mean - y.mean : y.mean - x.mean) || x.s - y.s;
    })
    .map(({ strategy, mean, ci95 }) => ({ strategy, mean, ci95 }));

  let precision: CompareAnalysis['precision'] = null;
  if (options.precision !== null) {
    const unmet = pairs.filter((p) => p.precisionMet === false);
    precision = {
      target: options.precision,
      met: unmet.length === 0,
      unmet: unmet.length,
      total: pairs.length,
      neededReplications: Math.max(replications, ...unmet.map((p) => neededPairs(p, options.precision!))),
    };
  }
  return { strategies, baseline, replications, keys, rows, pairs, objective: { key: options.objective, better: objectiveDef.better, ranking }, precision };
}

/**
 * The metric keys present in any run, in catalogue order; per-choice metrics once per choice, in the order the
 * choices first appear (the strategies' scenarios may differ in their choices).
 */
function metricKeys(byStrategy: CompareRunRecord[][], names: string[] | null): string[] {
  const present = new Set<string>();
  const labels: string[] = [];
  for (const records of byStrategy) {
    for (const record of records) {
      for (const key of Object.keys(record.figures)) {
        present.add(key);
        const { choice } = splitMetricKey(key);
        if (choice !== null && !labels.includes(choice)) labels.push(choice);
      }
    }
  }
  return METRICS.filter((m) => names === null || names.includes(m.name))
    .flatMap((m) => (m.perChoice ? labels.map((label) => metricKey(m.name, label)) : [m.name]))
    .filter((key) => present.has(key));
}

/** Welch's interval for the difference of two independent means. */
export function welch(x: readonly number[], y: readonly number[]): Interval | null {
  if (x.length < 2 || y.length < 2) return null;
  const a = estimateMean(x);
  const b = estimateMean(y);
  const va = a.standardError ** 2;
  const vb = b.standardError ** 2;
  const d = a.mean - b.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return [d, d];
  const df = (va + vb) ** 2 / (va ** 2 / (x.length - 1) + vb ** 2 / (y.length - 1));
  const h = tQuantile975(Math.max(1, Math.floor(df))) * se;
  return [d - h, d + h];
}

/**
 * Pairs a difference needs for its half-width to reach the target: the half-width shrinks as 1/√n, so
 * n × (half-width ÷ target)², rounded up (a projection from the spread seen so far).
 */
function neededPairs(pair: PairRow, target: number): number {
  const allowed = target * Math.max(Math.abs(pair.strategyMean), Math.abs(pair.baselineMean));
  const h = half(pair.ci95);
  if (allowed === 0 || !Number.isFinite(h)) return Infinity;
  return Math.ceil(pair.pairs * (h / allowed) ** 2);
}
