import type { SitePartition } from '../model/sitePartitions.js';
import type { Scenario } from '../scenario/types.js';
import { FAILOVER_COLUMNS, FailoverTableBuilder, VM_COLUMNS, type FailoverTable } from './failoverTable.js';
import type { SimulationResult } from './types.js';

/**
 * The result of the whole site from the results of its partitions (sitePartitions): every list in the whole
 * scenario's order, the failover table in its grid order (disaster, then VM, then choice), the same values the
 * whole run gives. Only eventCount differs: it is the events the partitions processed, summed (each repeats the
 * site-wide ones: the hourly tick, the disasters, compaction).
 */
export function mergePartitions(scenario: Scenario, partitions: readonly SitePartition[], results: readonly SimulationResult[]): SimulationResult {
  const first = results[0]!;
  const placed = <T>(count: number, pick: (r: SimulationResult) => readonly T[], at: (p: SitePartition) => number[]): T[] => {
    const merged = new Array<T>(count);
    results.forEach((result, p) => pick(result).forEach((item, i) => (merged[at(partitions[p]!)[i]!] = item)));
    return merged;
  };
  return {
    ...first,
    vms: placed(scenario.vms.length, (r) => r.vms, (p) => p.vms),
    processServers: placed(scenario.processServers.length, (r) => r.processServers, (p) => p.processServers),
    uplinks: placed(scenario.uplinks.length, (r) => r.uplinks, (p) => p.uplinks),
    groups: placed(scenario.replicationGroups.length, (r) => r.groups, (p) => p.groups),
    failovers: mergeFailoverTables(
      scenario.vms.map((vm) => vm.name),
      partitions,
      results.map((r) => r.failovers),
    ),
    eventCount: results.reduce((sum, r) => sum + r.eventCount, 0),
  };
}

/**
 * One table over every VM from the partitions' tables, column by column in the whole grid's order; notes are
 * numbered in the order they first appear there, as the whole run's builder numbers them.
 */
function mergeFailoverTables(vms: string[], partitions: readonly SitePartition[], tables: readonly FailoverTable[]): FailoverTable {
  const { disasterTimesSec, variants } = tables[0]!;
  const merged = new FailoverTableBuilder(disasterTimesSec, vms, variants).table;
  const variantCount = variants.length;
  // Where each VM is: its partition's table and its index there.
  const home = new Array<{ table: FailoverTable; local: number; noteNumbers: number[] }>(vms.length);
  const noteIndex = new Map<string, number>();
  partitions.forEach((partition, p) => {
    const table = tables[p]!;
    const noteNumbers = table.notes.map(() => -1);
    partition.vms.forEach((vm, local) => (home[vm] = { table, local, noteNumbers }));
  });
  const disastersDone = Math.min(...tables.map((t) => t.length / (t.vms.length * variantCount)));
  let k = 0;
  for (let d = 0; d < disastersDone; d++) {
    for (let vm = 0; vm < vms.length; vm++) {
      const { table, local, noteNumbers } = home[vm]!;
      const vmAt = d * table.vms.length + local;
      const mergedVmAt = d * vms.length + vm;
      for (const column of VM_COLUMNS) merged[column][mergedVmAt] = table[column][vmAt]!;
      for (let from = vmAt * variantCount, end = from + variantCount; from < end; from++, k++) {
        for (const column of FAILOVER_COLUMNS) merged[column][k] = table[column][from]!;
        merged.kind[k] = table.kind[from]!;
        const note = table.note[from]!;
        if (noteNumbers[note] === -1) {
          const text = table.notes[note]!;
          let number = noteIndex.get(text);
          if (number === undefined) noteIndex.set(text, (number = merged.notes.push(text) - 1));
          noteNumbers[note] = number;
        }
        merged.note[k] = noteNumbers[note]!;
      }
    }
  }
  merged.length = k;
  return merged;
}
