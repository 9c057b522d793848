// The penalties of `costs:` read failover records of one choice, or recovery plans: both must exist.
import type { RawIssue } from './crossChecks.js';
import { FAILOVER_DEFAULTS } from './defaults.js';
import { valueAt } from './issues.js';
import { list } from './rawInput.js';

export function costChecks(raw: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  if (valueAt(raw, ['costs']) === undefined) return issues;
  const penaltyChoice = valueAt(raw, ['costs', 'penaltyChoice']);
  const written = valueAt(raw, ['failover', 'choices']);
  const choices = Array.isArray(written) ? written : FAILOVER_DEFAULTS.choices;
  if (typeof penaltyChoice === 'string' && !choices.includes(penaltyChoice)) {
    issues.push({ path: ['costs', 'penaltyChoice'], expected: `one of the scenario's failover choices (${choices.join(', ')})` });
  }
  if (valueAt(raw, ['costs', 'penaltyPer']) === 'plan' && list(raw, 'recoveryPlans').length === 0) {
    issues.push({ path: ['costs', 'penaltyPer'], expected: 'vm, or plan with recoveryPlans in the scenario' });
  }
  return issues;
}
