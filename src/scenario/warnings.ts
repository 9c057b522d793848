// Things that are valid but probably not what the user meant, or outside documented limits.
import { meanChurnBytesPerSec } from './meanChurn.js';
import type { Scenario, UplinkSpec } from './types.js';

const perDay = (bytesPerSec: number): string => `${((bytesPerSec * 86_400) / 1e12).toFixed(2)} TB/day`;
const hours = (seconds: number): string => `${+(seconds / 3600).toFixed(1)} h`;

export function scenarioWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const churnByPs = new Map<string, number>();
  for (const vm of scenario.vms) {
    const mean = vm.churn.reduce((s, c) => s + meanChurnBytesPerSec(c), 0);
    churnByPs.set(vm.processServer, (churnByPs.get(vm.processServer) ?? 0) + mean);
  }
  for (const ps of scenario.processServers) {
    // Above 2 TB/day per process server is a compatibility finding (compatibility.ts).
    const churn = churnByPs.get(ps.name) ?? 0;
    const uplink = scenario.uplinks.find((u) => u.name === ps.uplink);
    const capacity = uplink === undefined ? Infinity : meanReplicationCapacity(uplink);
    if (uplink && churn / ps.compressionRatio > capacity) {
      const left = capacity < uplink.bandwidthBytesPerSec ? ` left by its background traffic` : '';
      warnings.push(
        `process server ${ps.name}: its VMs' mean churn (${perDay(churn)}, compression ${ps.compressionRatio}) exceeds ` +
          `uplink ${uplink.name} (${perDay(capacity)}${left}): the replication lag will grow without bound`,
      );
    }
  }
  warnings.push(...policyWarnings(scenario));
  const longest = Math.max(0, ...(scenario.disasters.dwellSec ?? []));
  if (longest > scenario.warmupSec) {
    warnings.push(
      `disasters.dwell: ${hours(longest)} is longer than the warm-up (${hours(scenario.warmupSec)}): a disaster earlier than the dwell ` +
        'after the start finds no clean point because the run has none that old, whatever the retention; make the warm-up longer than the longest dwell',
    );
  }
  return warnings;
}

/** What replication has of the link on average: the bandwidth less the background traffic's mean (or reserved share). */
function meanReplicationCapacity(uplink: UplinkSpec): number {
  const { background, bandwidthBytesPerSec: bandwidth } = uplink;
  if (background === undefined) return bandwidth;
  if (background.kind === 'share') return bandwidth * (1 - background.shareFraction);
  return Math.max(0, bandwidth - background.rate.reduce((s, c) => s + meanChurnBytesPerSec(c), 0));
}

/** Settings the product accepts without a word that do not give what they seem to promise. */
function policyWarnings(scenario: Scenario): string[] {
  const policy = scenario.policy;
  if (policy.kind === 'vsphere-replication' && policy.instancesPerDay > 0 && 86_400 / policy.instancesPerDay < policy.rpoSec) {
    return [
      `policy: ${policy.instancesPerDay} instances a day make slots of ${hours(86_400 / policy.instancesPerDay)}, shorter than the RPO (${hours(policy.rpoSec)}): ` +
        'some slots get no instance, so fewer are kept (vSphere Replication does not warn either)',
    ];
  }
  if (policy.kind === 'zerto' && policy.journalLimitBytes !== null) {
    const limit = policy.journalLimitBytes;
    return scenario.vms
      .map((vm) => ({ vm, mean: vm.churn.reduce((s, c) => s + meanChurnBytesPerSec(c), 0) }))
      .filter(({ mean }) => mean * policy.journalHistorySec > limit)
      .map(({ vm, mean }) => `vm ${vm.name}: its mean churn fills the ${(limit / 1e9).toFixed(0)} GB journal limit in ${hours(limit / mean)}, less than the ${hours(policy.journalHistorySec)} of journal history: the history will shrink`);
  }
  return [];
}
