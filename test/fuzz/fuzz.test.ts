// The fuzzer at the suite's size: 150 mutated scenarios through validate, and a short run for one in two of
// those that validate, with a fixed seed. `npm run fuzz` runs 10,000 (vitest.fuzz.config.ts) and prints the counts.
import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { formatReport, PROBLEMS, runFuzz } from './fuzz.js';

const inputs = Number(process.env.RPOSIM_FUZZ_INPUTS ?? 150);
const seed = Number(process.env.RPOSIM_FUZZ_SEED ?? 20_261_130);

test(`rposim answers ${inputs} mutated scenarios with exit 0 or 2, well-formed messages and sensible outputs`, async () => {
  const report = await runFuzz({
    inputs,
    seed,
    workers: Math.min(4, availableParallelism()),
    runEventBudget: 300_000,
    runEvery: Number(process.env.RPOSIM_FUZZ_RUN_EVERY ?? 2),
    validateTimeoutMs: 30_000,
    runTimeoutMs: 90_000,
  });
  console.log(formatReport(report));
  expect(report.validateOk).toBeGreaterThan(0);
  expect(report.validateRejected).toBeGreaterThan(0);
  expect(report.runs).toBeGreaterThan(0);
  expect(Object.fromEntries(PROBLEMS.map((p) => [p, report.problems[p]])), formatReport(report)).toEqual(Object.fromEntries(PROBLEMS.map((p) => [p, 0])));
}, 3_600_000);
