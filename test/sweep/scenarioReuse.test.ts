// A sweep worker runs every replication of a point on one parsed scenario (sweepExecutor keeps the last point's),
// and a comparison every replication of a strategy: that is only sound if simulate() never writes into its
// scenario. Checked on every shipped scenario: the whole object, typed arrays and Maps included, is the same
// after two runs, and the second run's result is the first's (nothing carried over between runs).
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { expect, test } from 'vitest';
import { loadScenario } from '../../src/io/loadScenario.js';
import { simulate } from '../../src/simulate.js';

const folder = new URL('../../scenarios/', import.meta.url);
const shipped = [
  ...readdirSync(folder).filter((f) => f.endsWith('.yaml')),
  ...readdirSync(new URL('policies/', folder)).map((f) => `policies/${f}`),
];

test.each(shipped)('simulate leaves %s as it found it', async (file) => {
  const scenario = await loadScenario(new URL(file, folder).pathname);
  const before = structuredClone(scenario);
  const first = simulate(scenario, { seed: 7 });
  expect(isDeepStrictEqual(scenario, before)).toBe(true);
  const second = simulate(scenario, { seed: 7 });
  expect(isDeepStrictEqual(scenario, before)).toBe(true);
  expect(isDeepStrictEqual(second, first)).toBe(true);
});
