// A staggered VM entry shifts its churn in time; a trace that does not loop has no defined value before its
// start or after its end to shift in, so stagger and such a trace cannot go together.
import type { RawIssue } from './crossChecks.js';
import { valueAt } from './issues.js';
import { rawDiskList } from './diskChecks.js';
import { list } from './rawInput.js';
import { parseDuration } from './units.js';

export function staggerChecks(raw: unknown): RawIssue[] {
  const defaultChurn = valueAt(raw, ['vmDefaults', 'churn']);
  return list(raw, 'vms').flatMap((vm, i): RawIssue[] => {
    const stagger = parseDuration(valueAt(vm, ['stagger']));
    const count = valueAt(vm, ['count']);
    if (!stagger.ok || stagger.value <= 0 || typeof count !== 'number' || count <= 1) return [];
    const lists = [valueAt(vm, ['churn']) ?? defaultChurn, ...(rawDiskList(raw, vm) ?? []).map((disk) => valueAt(disk, ['churn']))];
    const unlooped = lists.some((churn) => Array.isArray(churn) && churn.some((c) => valueAt(c, ['trace', 'loop']) === false));
    return unlooped
      ? [{ path: ['vms', i, 'stagger'], expected: 'no stagger on a VM whose churn has a trace with loop: false (give each VM its own trace)' }]
      : [];
  });
}
