// The validation suite: the real simulator against queueing closed forms (src/validation). Each check carries
// its own tolerance (4 standard errors over 10 replications, plus any stated measurement bias).
import { describe, expect, test } from 'vitest';
import { CHECK_GROUPS } from '../../src/validation/allChecks.js';

describe.each(CHECK_GROUPS)('$name', ({ run }) => {
  const results = run();
  test.each(results.map((r) => [r.formula, r] as const))('%s', (_formula, r) => {
    const detail = `${r.formula}: simulated ${r.simulated.mean} (CI ${r.simulated.ci95.join('..')}), theory ${r.theory}, tolerance ${r.tolerance}`;
    expect(Math.abs(r.simulated.mean - r.theory), detail).toBeLessThanOrEqual(r.tolerance);
  });
});
