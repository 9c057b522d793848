import type { ReplicationGroupSpec } from '../scenario/types.js';
import { newestCommonPoint } from './commonPoint.js';
import type { GroupPoints } from './failover.js';
import type { ReplicatedVm } from './site.js';

/** Each grouped VM's points at its group's newest common crash- and app-consistent points at nowSec. */
export function groupPointsAt(
  groups: readonly ReplicationGroupSpec[],
  vmByName: ReadonlyMap<string, ReplicatedVm>,
  nowSec: number,
): Map<string, GroupPoints> {
  const result = new Map<string, GroupPoints>();
  for (const group of groups) {
    const members = group.vms.map((name) => vmByName.get(name)!);
    const processed = newestCommonPoint(members, nowSec, false);
    const app = newestCommonPoint(members, nowSec, true);
    group.vms.forEach((name, i) => {
      result.set(name, {
        group: group.name,
        processed: processed?.members[i] ?? null,
        appConsistent: app?.members[i] ?? null,
      });
    });
  }
  return result;
}

/**
 * Multi-VM consistency costs process-server CPU: a server that serves a member of a group loses the largest
 * overhead among those groups from its throughput (assumption; ASR publishes no figure).
 */
export function groupOverheadFraction(groups: readonly ReplicationGroupSpec[], vmsOfServer: readonly string[]): number {
  let overhead = 0;
  for (const group of groups) {
    if (group.vms.some((vm) => vmsOfServer.includes(vm))) overhead = Math.max(overhead, group.cpuOverheadFraction);
  }
  return overhead;
}
