/**
 * Confidence intervals from independent replications (or batch means): the estimates x_1..x_n of one quantity
 * are treated as i.i.d. and roughly normal, so mean ± t_{0.975, n−1} · s / √n is a 95% interval.
 */
export interface Estimate {
  mean: number;
  /** Standard error of the mean: s / √n (0 for a single value: no spread can be estimated). */
  standardError: number;
  ci95: [number, number];
  count: number;
}

// Student t quantiles t_{0.975, df} for df = 1..30; beyond 30 the normal 1.96 is within 2%.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
  2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function studentT975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Infinity;
  return T975[degreesOfFreedom - 1] ?? 1.96;
}

export function estimateMean(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) throw new Error('estimateMean needs at least one value');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
  const half = n > 1 ? studentT975(n - 1) * standardError : Infinity;
  return { mean, standardError, ci95: [mean - half, mean + half], count: n };
}

/**
 * Batch means: splits a correlated sequence (e.g. data loss at successive disasters of one run) into `batches`
 * consecutive batches and estimates from the batch averages, which are nearly independent when each batch is
 * much longer than the correlation time. A remainder shorter than a batch is dropped.
 */
export function batchMeans(values: readonly number[], batches: number): Estimate | null {
  const size = Math.floor(values.length / batches);
  if (batches < 2 || size < 1) return null;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += values[i]!;
    means.push(sum / size);
  }
  return estimateMean(means);
}
