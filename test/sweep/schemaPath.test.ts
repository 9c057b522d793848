import { expect, it } from 'vitest';
import { parseAxisPath, type PathSegment } from '../../src/sweep/axisPath.js';
import { schemaPathProblem } from '../../src/sweep/schemaPath.js';

const problem = (path: string) => schemaPathProblem(parseAxisPath(path) as PathSegment[]);

it.each([
  'policy.retention',
  'uplinks[0].bandwidth',
  'uplinks[0].outages.windows[1].start',
  'vms[name=db].churn[0].constant',
  'vms[0].churn[2].dailyProfile.hourlyMultipliers[3]',
  'vmDefaults.applyRate',
  'failover.job.uniform[1]',
  'failover.detection.lognormal.mean',
  'recoveryPlans[0].groups[0].actionsBefore[0].duration',
])('schemaPathProblem(%j) is null: it names a field of the scenario format', (path) => {
  expect(problem(path)).toBeNull();
});

it('schemaPathProblem names the field that does not exist and lists the ones that do', () => {
  expect(problem('policy.retension')).toMatch(/^policy has no field "retension" \(its fields: kind, crashConsistentInterval, .*retention/);
  expect(problem('policy.__proto__.polluted')).toMatch(/^policy has no field "__proto__"/);
  expect(problem('constructor')).toMatch(/^the scenario has no field "constructor"/);
  expect(problem('policy.retention.x')).toBe('retention has no fields (found "x")');
  expect(problem('policy[0]')).toBe('policy is not a list');
  expect(problem('failover.job.uniform[2]')).toBe('uniform has items [0] to [1]');
});
