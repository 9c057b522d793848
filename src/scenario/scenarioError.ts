import { formatIssues, type ScenarioIssue } from './issues.js';

/** An invalid scenario, with every problem found: what the CLI prints, one line per issue. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';

  constructor(readonly issues: ScenarioIssue[]) {
    super(formatIssues(issues));
  }
}
