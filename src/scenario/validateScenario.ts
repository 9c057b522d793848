// A Scenario built in code is judged by the same schema and cross-checks as a scenario file: it is written
// back as input (scenarioToInput) and parsed, so the issues are the CLI's, field for field.
import type { ScenarioIssue } from './issues.js';
import { isKnownValid, markValid } from './knownValid.js';
import { parseScenario } from './parse.js';
import { ScenarioError } from './scenarioError.js';
import { scenarioToInput } from './scenarioToInput.js';
import type { Scenario } from './types.js';

/** Every problem of a typed scenario object, as the CLI reports them for a file (source names the object). */
export function scenarioIssues(scenario: unknown, source = 'scenario'): ScenarioIssue[] {
  const { document, traces } = scenarioToInput(scenario);
  const result = parseScenario(document, { source, traces });
  return result.ok ? [] : result.errors;
}

/** Throws a ScenarioError listing every problem; returns nothing for a valid scenario. */
export function assertValidScenario(scenario: Scenario): void {
  if (isKnownValid(scenario)) return;
  const issues = scenarioIssues(scenario);
  if (issues.length > 0) throw new ScenarioError(issues);
  markValid(scenario);
}
