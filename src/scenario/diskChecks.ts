// A VM that lists its disks takes its used disk and provisioned size (and, when its disks have their own churn, its churn) from them:
// the same figure given twice could disagree, so the VM entry must not give it too.
import type { RawIssue } from './crossChecks.js';
import { valueAt } from './issues.js';
import { list } from './rawInput.js';

/** The disk list a raw VM entry has (its own or vmDefaults'), or null when it gives only a count or nothing. */
export function rawDiskList(raw: unknown, vm: unknown): unknown[] | null {
  const disks = valueAt(vm, ['disks']) ?? valueAt(raw, ['vmDefaults', 'disks']);
  return Array.isArray(disks) ? disks : null;
}

/** Whether the disks carry their own churn (then they are the VM's churn). */
export function disksHaveChurn(disks: unknown[] | null): boolean {
  return disks !== null && disks.some((disk) => valueAt(disk, ['churn']) !== undefined);
}

export function diskChecks(raw: unknown): RawIssue[] {
  return list(raw, 'vms').flatMap((vm, i): RawIssue[] => {
    const disks = rawDiskList(raw, vm);
    if (disks === null) return [];
    const issues: RawIssue[] = [];
    if (valueAt(vm, ['usedDisk']) !== undefined) {
      issues.push({ path: ['vms', i, 'usedDisk'], expected: "no usedDisk on a VM that lists its disks (give each disk's used)" });
    }
    if (valueAt(vm, ['diskSize']) !== undefined) {
      issues.push({ path: ['vms', i, 'diskSize'], expected: "no diskSize on a VM that lists its disks (give each disk's size)" });
    }
    if (disksHaveChurn(disks) && valueAt(vm, ['churn']) !== undefined) {
      issues.push({ path: ['vms', i, 'churn'], expected: 'no churn on a VM whose disks have their own (the VM writes what its disks write)' });
    }
    return issues;
  });
}
