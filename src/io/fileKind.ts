// A scenario given to `sweep`, or a sweep spec given to `run`, would otherwise be reported as a dozen unknown
// and missing fields: recognise each by its required keys and say which command reads it.
import type { ScenarioIssue } from '../scenario/issues.js';

const hasKeys = (raw: unknown, keys: string[]): boolean =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) && keys.every((key) => key in raw);

export function notAScenario(raw: unknown, file: string): ScenarioIssue | undefined {
  if (!hasKeys(raw, ['base', 'axes']) || hasKeys(raw, ['vms'])) return undefined;
  return { source: file, path: '', expected: 'a scenario', found: `a sweep spec (this is a sweep spec; use rposim sweep ${file})` };
}

export function notASweepSpec(raw: unknown, file: string): ScenarioIssue | undefined {
  if (!hasKeys(raw, ['vms']) || hasKeys(raw, ['base'])) return undefined;
  return { source: file, path: '', expected: 'a sweep spec', found: `a scenario (this is a scenario; use rposim run ${file} or rposim validate ${file})` };
}
