import { tQuantile975 } from './studentT.js';

/**
 * Confidence intervals from independent replications (or batch means): the estimates x_1..x_n of one quantity
 * are treated as i.i.d. and roughly normal, so mean ± t_{0.975, n−1} · s / √n is a 95% interval.
 */
export interface Estimate {
  mean: number;
  /** Standard error of the mean: s / √n (0 for a single value: no spread can be estimated). */
  standardError: number;
  /** t_{0.975, n−1} · s / √n, before any clipping at a bound (Infinity for a single value). */
  halfWidth: number;
  /** mean ± halfWidth, the low end raised to `atLeast` where it fell below. */
  ci95: [number, number];
  count: number;
}

export interface EstimateOptions {
  /**
   * The least value the quantity can take (0 for data loss, downtime, a point's age). The interval's low end is
   * clipped to it: with short runs and skewed samples, mean − t·s/√n falls below 0 for a quantity that cannot.
   * Clipping keeps the coverage exactly: the true mean μ is ≥ the bound, so μ lies in [low, high] if and only
   * if it lies in [max(low, bound), high]. (An interval on the log scale would need every value > 0, and zero
   * data loss is common; a bootstrap would need random draws and many more values.)
   */
  atLeast?: number;
}

export function estimateMean(values: readonly number[], options: EstimateOptions = {}): Estimate {
  const n = values.length;
  if (n === 0) throw new Error('estimateMean needs at least one value');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
  const halfWidth = n > 1 ? tQuantile975(n - 1) * standardError : Infinity;
  const low = Math.max(mean - halfWidth, options.atLeast ?? -Infinity);
  return { mean, standardError, halfWidth, ci95: [low, mean + halfWidth], count: n };
}

/**
 * Batch means: splits a correlated sequence (e.g. data loss at successive disasters of one run) into `batches`
 * consecutive batches and estimates from the batch averages, which are nearly independent when each batch is
 * much longer than the correlation time. A remainder shorter than a batch is dropped.
 */
export function batchMeans(values: readonly number[], batches: number, options: EstimateOptions = {}): Estimate | null {
  const size = Math.floor(values.length / batches);
  if (batches < 2 || size < 1) return null;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += values[i]!;
    means.push(sum / size);
  }
  return estimateMean(means, options);
}
