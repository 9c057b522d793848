// Checks that relate several fields (references, duplicates, orderings). They run on the raw input, field
// by field, so that they are reported together with the schema's errors instead of after them.
import { costChecks } from './costChecks.js';
import { cycleChecks } from './cycleChecks.js';
import { diskChecks, disksHaveChurn, rawDiskList } from './diskChecks.js';
import { dwellChecks } from './dwellChecks.js';
import { expandedNames } from './expandVms.js';
import { describeValue, listNames, type PathSegment, valueAt } from './issues.js';
import { horizonSchema, processServerSchema, vmCountSchema, warmupSchema } from './schema.js';
import { formatLimit, LIMITS } from './limits.js';
import { attempt, list } from './rawInput.js';
import { staggerChecks } from './staggerChecks.js';
import { parseDuration } from './units.js';

export interface RawIssue {
  path: PathSegment[];
  expected: string;
  /** Overrides the value found at path (e.g. when the value is a default the user did not write). */
  found?: string;
}


/** Reports every name that repeats an earlier one; returns the set of names. */
function uniqueNames(entries: { path: PathSegment[]; name: string }[], noun: string, issues: RawIssue[]): Set<string> {
  const seen = new Set<string>();
  for (const { path, name } of entries) {
    if (seen.has(name)) issues.push({ path, expected: `a name not used by another ${noun}`, found: JSON.stringify(name) });
    seen.add(name);
  }
  return seen;
}

function namesOf(raw: unknown, key: string): { path: PathSegment[]; name: string }[] {
  return list(raw, key).flatMap((entry, i) => {
    const name = valueAt(entry, ['name']);
    return typeof name === 'string' ? [{ path: [key, i, 'name'], name: name.trim() }] : [];
  });
}

function nameList(names: Set<string>): string {
  return names.size ? ` (${listNames(names)})` : '';
}

/** VMs after count expansion, counting only entries whose count is valid (the schema reports the others). */
export function rawVmTotal(raw: unknown): number {
  return list(raw, 'vms').reduce<number>((total, vm) => total + (attempt(vmCountSchema, valueAt(vm, ['count'])) ?? 0), 0);
}

/** The phrase for a field that must name a master target. */
export function masterTargetExpected(names: Iterable<string>): string {
  const known = listNames(names);
  return `the name of a master target in masterTargets (${known || 'none defined'})`;
}

function checkReferences(raw: unknown, issues: RawIssue[]): void {
  // Names are expanded below (name-1 … name-N): only once the total is known to be within the limit.
  const vmTotal = rawVmTotal(raw);
  const expand = vmTotal <= LIMITS.vms;
  if (!expand) {
    issues.push({ path: ['vms'], expected: `at most ${formatLimit(LIMITS.vms)} VMs in all (counts included)`, found: `${formatLimit(vmTotal)} VMs` });
  }
  const masterTargets = uniqueNames(namesOf(raw, 'masterTargets'), 'master target', issues);
  const checkMasterTarget = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'string' && !masterTargets.has(value.trim())) issues.push({ path, expected: masterTargetExpected(masterTargets) });
  };
  checkMasterTarget(valueAt(raw, ['vmDefaults', 'masterTarget']), ['vmDefaults', 'masterTarget']);
  const uplinks = uniqueNames(namesOf(raw, 'uplinks'), 'uplink', issues);
  const processServers = uniqueNames(namesOf(raw, 'processServers'), 'process server', issues);

  list(raw, 'processServers').forEach((ps, i) => {
    const uplink = valueAt(ps, ['uplink']);
    if (typeof uplink === 'string' && !uplinks.has(uplink.trim())) {
      issues.push({ path: ['processServers', i, 'uplink'], expected: `the name of an uplink${nameList(uplinks)}` });
    }
  });

  const expectPs = `the name of a process server${nameList(processServers)}`;
  const defaultPs = valueAt(raw, ['vmDefaults', 'processServer']);
  if (typeof defaultPs === 'string' && !processServers.has(defaultPs.trim())) {
    issues.push({ path: ['vmDefaults', 'processServer'], expected: expectPs });
  }
  const hasDefaultChurn = valueAt(raw, ['vmDefaults', 'churn']) !== undefined;
  const vmNames: { path: PathSegment[]; name: string }[] = [];
  list(raw, 'vms').forEach((vm, i) => {
    const ps = valueAt(vm, ['processServer']);
    if (typeof ps === 'string' && !processServers.has(ps.trim())) {
      issues.push({ path: ['vms', i, 'processServer'], expected: expectPs });
    }
    if (ps === undefined && defaultPs === undefined) {
      issues.push({ path: ['vms', i, 'processServer'], expected: `${expectPs}, here or in vmDefaults` });
    }
    if (valueAt(vm, ['churn']) === undefined && !hasDefaultChurn && !disksHaveChurn(rawDiskList(raw, vm))) {
      issues.push({ path: ['vms', i, 'churn'], expected: 'a list of churn components, here or in vmDefaults' });
    }
    checkMasterTarget(valueAt(vm, ['masterTarget']), ['vms', i, 'masterTarget']);
    const name = valueAt(vm, ['name']);
    const count = attempt(vmCountSchema, valueAt(vm, ['count']));
    if (expand && typeof name === 'string' && count !== undefined) {
      for (const expanded of expandedNames(name.trim(), count)) vmNames.push({ path: ['vms', i, 'name'], name: expanded });
    }
  });
  uniqueNames(vmNames, 'VM (count > 1 names VMs name-1, name-2, ...)', issues);
  uniqueNames(namesOf(raw, 'replicationGroups'), 'replication group', issues);
  uniqueNames(namesOf(raw, 'recoveryPlans'), 'recovery plan', issues);
}

function checkProcessServerOrderings(raw: unknown, issues: RawIssue[]): void {
  list(raw, 'processServers').forEach((entry, i) => {
    const ps = attempt(processServerSchema, entry);
    if (!ps) return;
    const at = (key: string): PathSegment[] => ['processServers', i, key];
    // Show the value as written; when the user left it out, say that the default is the culprit.
    const found = (key: string, value: number | string): string => {
      const written = valueAt(entry, [key]);
      return written === undefined ? `${value} (the default)` : describeValue(written);
    };
    // Strictly above: throttling needs hysteresis, or it would switch on and off at one instant forever.
    if (ps.resumeFreeFraction <= ps.throttleFreeFraction) {
      issues.push({
        path: at('resumeFreeFraction'),
        expected: `a fraction > throttleFreeFraction (${ps.throttleFreeFraction})`,
        found: found('resumeFreeFraction', ps.resumeFreeFraction),
      });
    }
    if (ps.cacheCriticalFreeFraction > ps.cacheWarningFreeFraction) {
      issues.push({
        path: at('cacheCriticalFreeFraction'),
        expected: `a fraction <= cacheWarningFreeFraction (${ps.cacheWarningFreeFraction})`,
        found: found('cacheCriticalFreeFraction', ps.cacheCriticalFreeFraction),
      });
    }
    if (ps.pendingUploadCriticalSec < ps.pendingUploadWarningSec) {
      issues.push({
        path: at('pendingUploadCritical'),
        expected: `a duration >= pendingUploadWarning (${ps.pendingUploadWarningSec} s)`,
        found: found('pendingUploadCritical', `${ps.pendingUploadCriticalSec} s`),
      });
    }
  });
}

function checkTimes(raw: unknown, issues: RawIssue[]): void {
  const horizon = attempt(horizonSchema, valueAt(raw, ['horizon']));
  const warmup = attempt(warmupSchema, valueAt(raw, ['warmup']));
  if (horizon === undefined) return;
  const horizonText = valueAt(raw, ['horizon']) === undefined ? '7d, the default' : describeValue(valueAt(raw, ['horizon']));
  if (warmup !== undefined && warmup >= horizon) {
    issues.push({
      path: ['warmup'],
      expected: `a duration shorter than the horizon (${horizonText})`,
      ...(valueAt(raw, ['warmup']) === undefined ? { found: '1d (the default)' } : {}),
    });
  }
  const times = valueAt(raw, ['disasters', 'times']);
  if (!Array.isArray(times)) return;
  times.forEach((time, i) => {
    const parsed = parseDuration(time);
    if (parsed.ok && parsed.value >= horizon) {
      issues.push({ path: ['disasters', 'times', i], expected: `a time before the horizon (${horizonText})` });
    }
  });
}

export function crossChecks(raw: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  checkReferences(raw, issues);
  checkProcessServerOrderings(raw, issues);
  checkTimes(raw, issues);
  issues.push(...cycleChecks(raw));
  issues.push(...staggerChecks(raw));
  issues.push(...diskChecks(raw));
  issues.push(...dwellChecks(raw));
  issues.push(...costChecks(raw));
  return issues;
}
