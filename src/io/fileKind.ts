// A scenario given to `sweep`, or a sweep spec given to `run`, would otherwise be reported as a dozen unknown
// and missing fields: recognise each by its required keys and say which command reads it.
import type { ScenarioIssue } from '../scenario/issues.js';

const hasKeys = (raw: unknown, keys: string[]): boolean =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) && keys.every((key) => key in raw);

/** What a file that is not `expected` looks like instead, and the command that reads it; undefined when unsure. */
function otherKind(raw: unknown, file: string, expected: 'scenario' | 'sweep' | 'compare'): string | undefined {
  if (hasKeys(raw, ['vms']) && !hasKeys(raw, ['base'])) {
    return expected === 'scenario' ? undefined : `a scenario (this is a scenario; use rposim run ${file} or rposim validate ${file})`;
  }
  if (hasKeys(raw, ['base', 'axes']) && !hasKeys(raw, ['vms'])) return expected === 'sweep' ? undefined : `a sweep spec (this is a sweep spec; use rposim sweep ${file})`;
  if (hasKeys(raw, ['base', 'strategies']) && !hasKeys(raw, ['vms'])) {
    return expected === 'compare' ? undefined : `a compare spec (this is a compare spec; use rposim compare ${file})`;
  }
  return undefined;
}

const issue = (raw: unknown, file: string, expected: 'scenario' | 'sweep' | 'compare', text: string): ScenarioIssue | undefined => {
  const found = otherKind(raw, file, expected);
  return found === undefined ? undefined : { source: file, path: '', expected: text, found };
};

export const notAScenario = (raw: unknown, file: string) => issue(raw, file, 'scenario', 'a scenario');
export const notASweepSpec = (raw: unknown, file: string) => issue(raw, file, 'sweep', 'a sweep spec');
export const notACompareSpec = (raw: unknown, file: string) => issue(raw, file, 'compare', 'a compare spec');
