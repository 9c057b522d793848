// Dwell times and the clean choice go together: clean evaluates the dwell times, and dwell times mean nothing
// without it. Written choices are the user's; only the default choices gain clean by themselves (parse.ts).
import type { RawIssue } from './crossChecks.js';
import { describeValue, valueAt } from './issues.js';
import { parseDuration } from './units.js';

export function dwellChecks(raw: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  const dwell = valueAt(raw, ['disasters', 'dwell']);
  const choices = valueAt(raw, ['failover', 'choices']);
  if (Array.isArray(choices) && dwell === undefined) {
    const i = choices.indexOf('clean');
    if (i >= 0) issues.push({ path: ['failover', 'choices', i], expected: 'clean together with disasters.dwell, the dwell times it evaluates (e.g. dwell: [1d, 3d])' });
  }
  if (Array.isArray(choices) && dwell !== undefined && !choices.includes('clean')) {
    issues.push({ path: ['disasters', 'dwell'], expected: 'dwell times with clean among failover.choices (clean evaluates them)', found: `${describeValue(dwell)} with choices ${describeValue(choices)}` });
  }
  if (Array.isArray(dwell)) {
    const seen = new Set<number>();
    dwell.forEach((d, i) => {
      const parsed = parseDuration(d);
      if (!parsed.ok) return;
      if (seen.has(parsed.value)) issues.push({ path: ['disasters', 'dwell', i], expected: 'a dwell time not listed before' });
      seen.add(parsed.value);
    });
  }
  return issues;
}
