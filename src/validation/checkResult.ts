import type { Estimate } from '../metrics/confidenceInterval.js';

/** One comparison of a simulated estimate with its closed form. */
export interface CheckResult {
  group: string;
  formula: string;
  simulated: Estimate;
  theory: number;
  /** Allowed |simulated − theory|. */
  tolerance: number;
  pass: boolean;
}

/**
 * Tolerance = 4 standard errors of the replication mean, plus any known bias bound of the measurement (e.g.
 * a tag interval). Why 4 and not the 95% interval's ~2: the suite makes ~30 comparisons, and at 95% each an
 * honest model would fail one in twenty; 4 SE keeps the chance of any false failure under 0.2% while a model
 * error larger than a few per cent of the value (the run lengths make SE ~1%) still fails.
 */
export const STANDARD_ERRORS = 4;

export function compare(group: string, formula: string, simulated: Estimate, theory: number, biasBound = 0): CheckResult {
  const tolerance = STANDARD_ERRORS * simulated.standardError + biasBound;
  return { group, formula, simulated, theory, tolerance, pass: Math.abs(simulated.mean - theory) <= tolerance };
}
