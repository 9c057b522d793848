// Cross-field rules of replication groups, recovery plans and the failback procedure (domain.md §4), checked on
// the raw input like crossChecks.ts so that every problem is reported at once, at the field the user wrote.
import type { RawIssue } from './crossChecks.js';
import { cycleSchema } from './cycleSchema.js';
import { expandedNames } from './expandVms.js';
import { type PathSegment, valueAt } from './issues.js';
import { attempt, list } from './rawInput.js';
import { horizonSchema, vmCountSchema, warmupSchema } from './schema.js';
import type { CycleSpec } from './types.js';
import { parseDuration, parseSize } from './units.js';

/** What the rules need of one VM after count expansion and vmDefaults, with where each value was written. */
interface RawVm {
  name: string;
  index: number;
  disks: number;
  usedDiskBytes: number | null;
  snapshots: boolean;
  snapshotsPath: PathSegment[];
  masterTarget: string | null;
  masterTargetPath: PathSegment[];
}

function rawVms(raw: unknown): RawVm[] {
  const defaults = (key: string) => valueAt(raw, ['vmDefaults', key]);
  return list(raw, 'vms').flatMap((vm, index) => {
    const name = valueAt(vm, ['name']);
    const count = attempt(vmCountSchema, valueAt(vm, ['count']));
    if (typeof name !== 'string' || count === undefined) return [];
    const own = (key: string) => valueAt(vm, [key]);
    const pick = (key: string) => (own(key) !== undefined ? own(key) : defaults(key));
    const where = (key: string): PathSegment[] => (own(key) !== undefined ? ['vms', index, key] : ['vmDefaults', key]);
    const disks = pick('disks');
    const used = parseSize(pick('usedDisk') ?? 0);
    const masterTarget = pick('masterTarget');
    return expandedNames(name.trim(), count).map((expanded) => ({
      name: expanded,
      index,
      disks: typeof disks === 'number' ? disks : 1,
      usedDiskBytes: used.ok ? used.value : null,
      snapshots: pick('snapshots') === true,
      snapshotsPath: where('snapshots'),
      masterTarget: typeof masterTarget === 'string' ? masterTarget.trim() : null,
      masterTargetPath: where('masterTarget'),
    }));
  });
}

function stringList(value: unknown): { name: string; k: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, k) => (typeof v === 'string' ? [{ name: v.trim(), k }] : []));
}

/** Every VM name must exist, once per entry; with `acrossEntries`, once in the whole section. */
function checkMembers(
  raw: unknown,
  vmNames: Set<string>,
  key: string,
  memberPaths: (entry: unknown) => PathSegment[][],
  acrossEntries: boolean,
  issues: RawIssue[],
): void {
  let owner = new Map<string, string>();
  list(raw, key).forEach((entry, i) => {
    if (!acrossEntries) owner = new Map();
    for (const sub of memberPaths(entry)) {
      for (const { name, k } of stringList(valueAt(entry, sub))) {
        const path = [key, i, ...sub, k];
        if (!vmNames.has(name)) {
          issues.push({ path, expected: `the name of a VM (${[...vmNames].join(', ')})` });
        } else if (owner.has(name)) {
          issues.push({ path, expected: `a VM not already in ${owner.get(name)}`, found: JSON.stringify(name) });
        } else owner.set(name, `${key}[${i}]`);
      }
    }
  });
}

function planGroupPaths(plan: unknown): PathSegment[][] {
  const groups = valueAt(plan, ['groups']);
  return Array.isArray(groups) ? groups.map((_, g) => ['groups', g, 'vms']) : [];
}

/** The modernized architecture fails back to the on-premises appliance: no master target, at most its disks. */
function checkAppliance(raw: unknown, vms: RawVm[], cycle: CycleSpec, issues: RawIssue[]): void {
  if (valueAt(raw, ['cycle', 'reprotect', 'masterTarget']) !== undefined) {
    issues.push({ path: ['cycle', 'reprotect', 'masterTarget'], expected: 'nothing: the modernized architecture has no master target (failback goes to the replication appliance)' });
  }
  for (const vm of vms) {
    if (vm.masterTarget !== null) issues.push({ path: vm.masterTargetPath, expected: 'nothing: the modernized architecture has no master target' });
    if (vm.snapshots) issues.push({ path: vm.snapshotsPath, expected: `false: VM ${vm.name} has snapshots and cannot be reprotected` });
  }
  const disks = vms.reduce((sum, vm) => sum + vm.disks, 0);
  const limit = cycle.reprotect!.appliance.maxDisks;
  if (disks > limit) {
    issues.push({ path: ['cycle', 'reprotect', 'appliance', 'maxDisks'], expected: `at least the ${disks} disks of the VMs failing back (an appliance serves at most 60)`, found: String(limit) });
  }
}

function checkMasterTargets(raw: unknown, vms: RawVm[], cycle: CycleSpec, issues: RawIssue[]): void {
  const reprotect = cycle.reprotect!;
  const targets = list(raw, 'masterTargets');
  const indexOf = new Map<string, number>();
  targets.forEach((t, i) => {
    const name = valueAt(t, ['name']);
    if (typeof name === 'string') indexOf.set(name.trim(), i);
  });
  const known = `the name of a master target in masterTargets (${[...indexOf.keys()].join(', ') || 'none defined'})`;
  const everyVmNamesOne = vms.length > 0 && vms.every((vm) => vm.masterTarget !== null);
  if (!indexOf.has(reprotect.masterTarget) && !(reprotect.masterTarget === '' && everyVmNamesOne)) {
    issues.push({ path: ['cycle', 'reprotect', 'masterTarget'], expected: `${known}: the classic architecture fails back through a master target` });
  }
  const disks = new Map<string, number>();
  for (const vm of vms) {
    const target = vm.masterTarget ?? reprotect.masterTarget;
    if (vm.masterTarget !== null && !indexOf.has(vm.masterTarget)) issues.push({ path: vm.masterTargetPath, expected: known });
    disks.set(target, (disks.get(target) ?? 0) + vm.disks);
    if (vm.snapshots) {
      issues.push({ path: vm.snapshotsPath, expected: `false: VM ${vm.name} has snapshots and cannot be reprotected` });
    }
    if (reprotect.location === 'alternate' && (vm.usedDiskBytes ?? 0) <= 0) {
      issues.push({
        path: ['vms', vm.index, 'usedDisk'],
        expected: `a size > 0: failback to an alternate location copies VM ${vm.name}'s used disk`,
      });
    }
  }
  for (const [name, i] of indexOf) {
    const maxDisks = valueAt(targets[i], ['maxDisks']);
    const limit = typeof maxDisks === 'number' ? maxDisks : 60;
    const used = disks.get(name) ?? 0;
    if (used > limit) {
      issues.push({ path: ['masterTargets', i, 'maxDisks'], expected: `at least the ${used} disks of the VMs it serves (at most 60)`, found: String(limit) });
    }
    if (valueAt(targets[i], ['storageVMotion']) === true && used > 0 && cycle.failbackAtSec !== null) {
      issues.push({ path: ['masterTargets', i, 'storageVMotion'], expected: 'false: a master target moved by Storage vMotion cannot fail back' });
    }
  }
  // Group members must share a master target, or no common point in time exists on-premises.
  const targetOf = new Map(vms.map((vm) => [vm.name, vm.masterTarget ?? reprotect.masterTarget]));
  list(raw, 'replicationGroups').forEach((group, i) => {
    const members = stringList(valueAt(group, ['vms'])).filter(({ name }) => targetOf.has(name));
    const distinct = new Set(members.map(({ name }) => targetOf.get(name)));
    if (distinct.size > 1) {
      issues.push({
        path: ['replicationGroups', i, 'vms'],
        expected: 'members that share one master target (otherwise no common point in time exists)',
        found: members.map(({ name }) => `${name} → ${targetOf.get(name)}`).join(', '),
      });
    }
  });
}

function checkCycleOrder(raw: unknown, cycle: CycleSpec, issues: RawIssue[]): void {
  const at = (...path: PathSegment[]): PathSegment[] => ['cycle', ...path];
  if (cycle.outcome === 'cancel') {
    for (const key of ['reprotect', 'failbackAt', 'reprotectOnPremises']) {
      if (valueAt(raw, at(key)) !== undefined) {
        issues.push({ path: at(key), expected: 'nothing: a cancelled failover leaves replication stopped; failback requires commit' });
      }
    }
    return;
  }
  if (cycle.failbackAtSec !== null && cycle.reprotect === null) {
    issues.push({ path: at('failbackAt'), expected: 'a cycle.reprotect section: failback needs the Azure VMs reprotected first' });
  }
  if (cycle.failbackAtSec !== null && cycle.failbackAtSec <= cycle.failoverAtSec) {
    issues.push({ path: at('failbackAt'), expected: `a time after failoverAt (${cycle.failoverAtSec} s)` });
  }
  if (cycle.reprotectOnPremises !== null && cycle.failbackAtSec === null) {
    issues.push({ path: at('reprotectOnPremises'), expected: 'nothing without cycle.failbackAt: only failed-back VMs are reprotected to Azure' });
  }
  if (cycle.architecture === 'classic' && cycle.reprotect?.link.kind === 'vpn' && cycle.reprotect.processServer !== 'azure') {
    issues.push({ path: at('reprotect', 'processServer'), expected: '"azure": a site-to-site VPN needs a process server in Azure' });
  }
  if (cycle.architecture === 'modernized' && valueAt(raw, at('reprotect', 'processServer')) !== undefined) {
    issues.push({ path: at('reprotect', 'processServer'), expected: 'nothing: the modernized architecture needs no process server in Azure' });
  }
  const kind = valueAt(raw, ['policy', 'kind']) ?? 'asr';
  if (kind !== 'asr' && kind !== 'asr-modernized' && kind !== 'periodic') {
    issues.push({ path: ['cycle'], expected: 'a policy of kind asr, asr-modernized or periodic: the cycle is ASR\'s failover–failback procedure', found: `policy.kind ${JSON.stringify(kind)}` });
  } else if (kind !== 'periodic' && (kind === 'asr-modernized') !== (cycle.architecture === 'modernized') && valueAt(raw, at('architecture')) !== undefined) {
    issues.push({ path: at('architecture'), expected: `${kind === 'asr-modernized' ? 'modernized' : 'classic'}, the architecture of policy.kind ${kind}` });
  }
}

function checkCycleTimes(raw: unknown, cycle: CycleSpec, issues: RawIssue[]): void {
  const horizon = attempt(horizonSchema, valueAt(raw, ['horizon']));
  const warmup = attempt(warmupSchema, valueAt(raw, ['warmup']));
  if (horizon !== undefined && warmup !== undefined && (cycle.failoverAtSec <= warmup || cycle.failoverAtSec >= horizon)) {
    issues.push({ path: ['cycle', 'failoverAt'], expected: `a time after the warm-up (${warmup} s) and before the horizon (${horizon} s)` });
  }
  // Forward replication stops at the cycle's failover: a disaster probe after it would find nothing to recover.
  const times = valueAt(raw, ['disasters', 'times']);
  if (!Array.isArray(times)) return;
  times.forEach((time, i) => {
    const parsed = parseDuration(time);
    if (parsed.ok && parsed.value >= cycle.failoverAtSec) {
      issues.push({ path: ['disasters', 'times', i], expected: `a time before cycle.failoverAt (${cycle.failoverAtSec} s)` });
    }
  });
}

export function cycleChecks(raw: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  const vms = rawVms(raw);
  const vmNames = new Set(vms.map((vm) => vm.name));
  checkMembers(raw, vmNames, 'replicationGroups', () => [['vms']], true, issues);
  const cycle = attempt(cycleSchema, valueAt(raw, ['cycle']));
  // Overlapping plans are fine for disaster probes; the cycle runs each VM's failover once, so one plan per VM.
  checkMembers(raw, vmNames, 'recoveryPlans', planGroupPaths, cycle !== undefined, issues);
  if (!cycle) return issues;
  checkCycleOrder(raw, cycle, issues);
  checkCycleTimes(raw, cycle, issues);
  if (cycle.reprotect !== null && cycle.outcome === 'commit') {
    if (cycle.architecture === 'classic') checkMasterTargets(raw, vms, cycle, issues);
    else checkAppliance(raw, vms, cycle, issues);
  }
  return issues;
}
