import type { Scenario } from '../scenario/types.js';

/**
 * At most how many VMs a partition packs from uplinks that share nothing (a larger uplink is a part of its own):
 * small enough that a part's hot state stays in the processor's cache, large enough that the events every part
 * repeats (the hourly tick, disasters, compaction) stay a small share of its own.
 * NOTE: simulated whole, a 10,000-VM site cost 2.3× as much per VM-day as a 1,000-VM one, with the same events
 * per VM-day. On bench/largeSite.ts (200 VMs an uplink), 1,000 VMs × 30 d took 5.2–5.8 CPU s whole, 4.6–5.1 in
 * parts of 400 VMs and 4.5 in parts of 200; 10,000 VMs × 10 d took 18.3 s in parts of 400 and 15.8 in parts of 200.
 */
export const PARTITION_VMS = 250;

/** One part of a site that can be simulated on its own, and where its elements sit in the whole scenario. */
export interface SitePartition {
  scenario: Scenario;
  /** Indices in the whole scenario of the partition's VMs, uplinks, process servers and groups, in its order. */
  vms: number[];
  uplinks: number[];
  processServers: number[];
  groups: number[];
}

/**
 * Splits a site into parts that share nothing, or returns null when it cannot or need not be split.
 *
 * Uplinks are independent replication domains: each has its own fair sharing, clock and process servers, and
 * every random input is drawn from a stream of its own label (a VM's churn, an uplink's outages, a VM's
 * downtime), or from a site-wide stream each part draws from in the same order (the disaster times, one
 * detection time per disaster). So a part simulated alone goes through exactly the same arithmetic, and gives
 * the same bits, as inside the whole: its own events keep their relative order (ties at one instant are broken
 * by the order they were scheduled, and no other part schedules any of them). A replication group's VMs need
 * each other at a disaster (their common point), so their uplinks stay in one part.
 *
 * Not split: a failover–failback cycle (its reverse leg and plans span the site), recovery plans (a plan's
 * VMs fail over together), and a timeseries, whose rows interleave every VM sample by sample.
 */
export function sitePartitions(scenario: Scenario, targetVms = PARTITION_VMS): SitePartition[] | null {
  if (scenario.uplinks.length < 2 || scenario.cycle !== null || scenario.recoveryPlans.length > 0 || scenario.output.sampleIntervalSec > 0) return null;
  const uplinkIndex = new Map(scenario.uplinks.map((uplink, u) => [uplink.name, u]));
  const serverUplink = new Map(scenario.processServers.map((server) => [server.name, uplinkIndex.get(server.uplink)!]));
  const vmUplink = new Map(scenario.vms.map((vm) => [vm.name, serverUplink.get(vm.processServer)!]));

  // Union–find over uplinks: a group joins its members' uplinks.
  const parent = scenario.uplinks.map((_, u) => u);
  const root = (u: number): number => (parent[u] === u ? u : (parent[u] = root(parent[u]!)));
  for (const group of scenario.replicationGroups) {
    const first = root(vmUplink.get(group.vms[0]!)!);
    for (const vm of group.vms) {
      const other = root(vmUplink.get(vm)!);
      if (other !== first) parent[Math.max(other, first)] = Math.min(other, first);
    }
  }

  const vmsOfUplink = scenario.uplinks.map(() => 0);
  for (const u of vmUplink.values()) vmsOfUplink[u]!++;
  // Components in the order of their first uplink, packed in that order into parts of about targetVms VMs.
  const componentVms = new Map<number, number>();
  scenario.uplinks.forEach((_, u) => componentVms.set(root(u), (componentVms.get(root(u)) ?? 0) + vmsOfUplink[u]!));
  const partOfComponent = new Map<number, number>();
  let part = 0;
  let filled = 0;
  for (const [component, vms] of componentVms) {
    if (filled > 0 && vms > 0 && filled + vms > targetVms) {
      part++;
      filled = 0;
    }
    partOfComponent.set(component, part);
    filled += vms;
  }
  const partCount = part + 1;
  if (partCount < 2) return null;

  // Each element into its part's lists, in scenario order: one pass over each list, whatever the part count.
  const partOfUplink = scenario.uplinks.map((_, u) => partOfComponent.get(root(u))!);
  const parts = Array.from({ length: partCount }, () => ({ vms: [] as number[], uplinks: [] as number[], processServers: [] as number[], groups: [] as number[] }));
  partOfUplink.forEach((p, u) => parts[p]!.uplinks.push(u));
  scenario.processServers.forEach((server, s) => parts[partOfUplink[serverUplink.get(server.name)!]!]!.processServers.push(s));
  scenario.vms.forEach((vm, v) => parts[partOfUplink[vmUplink.get(vm.name)!]!]!.vms.push(v));
  scenario.replicationGroups.forEach((group, g) => parts[partOfUplink[vmUplink.get(group.vms[0]!)!]!]!.groups.push(g));
  return parts.map((indices) => ({
    scenario: {
      ...scenario,
      uplinks: indices.uplinks.map((u) => scenario.uplinks[u]!),
      processServers: indices.processServers.map((s) => scenario.processServers[s]!),
      vms: indices.vms.map((v) => scenario.vms[v]!),
      replicationGroups: indices.groups.map((g) => scenario.replicationGroups[g]!),
    },
    ...indices,
  }));
}
