// One rule for fractions in every scenario field: "20%" and 0.2 mean 20%; a bare 20 is rejected with the fix.
import { expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalInput } from './fixtures.js';

const parsed = (processServer: Record<string, unknown>, failover: Record<string, unknown> = {}) =>
  parseScenario({ ...minimalInput(), processServers: [{ name: 'ps1', uplink: 'wan', ...processServer }], failover }, { source: 'mem' });

it('parseScenario reads throttleFreeFraction 0.2 and "20%" both as 20%, and shutdownFailureProbability "50%" as 0.5', () => {
  for (const throttle of [0.2, '20%', '0.2']) {
    const result = parsed({ throttleFreeFraction: throttle }, { shutdownFailureProbability: '50%' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.processServers[0]!.throttleFreeFraction).toBeCloseTo(0.2, 12);
    expect(result.scenario.failover.shutdownFailureProbability).toBe(0.5);
  }
});

it('parseScenario rejects a bare fraction above 1 and says how to write it', () => {
  const result = parsed({ throttleFreeFraction: 20 });
  if (result.ok) throw new Error('expected an error');
  expect(result.errors[0]).toMatchObject({
    path: 'processServers[0].throttleFreeFraction',
    expected: expect.stringContaining('write "20%" for a percentage, or 0.2'),
  });
});
