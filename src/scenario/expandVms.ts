// VM entries → VmSpec list: vmDefaults fill what an entry leaves out, built-in defaults fill the rest, and an
// entry with count n > 1 becomes n VMs named name-1..name-n (zero-padded to the width of n), instance i's churn
// shifted by i × stagger. A VM that lists its disks takes its disk count, used disk and apply rate from them (and
// its churn, when the disks have their own).
import { VM_DEFAULTS } from './defaults.js';
import type { ParsedVm, ParsedVmDefaults } from './schema.js';
import { diskApplyRateBytesPerSec } from './diskApplyRate.js';
import type { ChurnComponent, VmSpec } from './types.js';
import { shiftChurn } from './shiftChurn.js';
import { parseRate } from './units.js';

export function expandedNames(name: string, count: number): string[] {
  if (count <= 1) return [name];
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}`);
}

/** The built-in default rates are literals in the documented units; converting them cannot fail. */
function defaultRate(text: string): number {
  const result = parseRate(text);
  if (!result.ok) throw new Error(`bad built-in default ${text}`);
  return result.value;
}

/**
 * Entries missing a required field (processServer, churn) in both places are skipped: crossChecks has
 * already reported them, and parseScenario returns errors before using this list.
 */
export function expandVms(entries: readonly ParsedVm[], defaults: ParsedVmDefaults): VmSpec[] {
  return entries.flatMap((vm) => {
    const processServer = vm.processServer ?? defaults.processServer;
    const disks = vm.disks ?? defaults.disks ?? VM_DEFAULTS.disks;
    const diskList = typeof disks === 'number' ? null : disks;
    // Disks with their own churn make the VM's churn; crossChecks has rejected a VM that gives both.
    const churn = diskList?.[0]?.churn != null ? diskList.flatMap((d) => d.churn!) : (vm.churn ?? defaults.churn);
    if (processServer === undefined || churn === undefined) return [];
    const applyRate = vm.applyRate ?? defaults.applyRate;
    const spec: Omit<VmSpec, 'name'> = {
      processServer,
      machineKind: vm.machineKind ?? defaults.machineKind ?? VM_DEFAULTS.machineKind,
      dhcp: vm.dhcp ?? defaults.dhcp ?? VM_DEFAULTS.dhcp,
      bootDrivers: vm.bootDrivers ?? defaults.bootDrivers ?? VM_DEFAULTS.bootDrivers,
      disks: diskList?.length ?? (disks as number),
      ...(diskList === null ? {} : { diskList }),
      usedDiskBytes: diskList?.reduce((sum, d) => sum + d.usedBytes, 0) ?? vm.usedDisk ?? defaults.usedDisk ?? VM_DEFAULTS.usedDisk,
      maxReplicationBytesPerSec:
        vm.maxReplicationRate ?? defaults.maxReplicationRate ?? defaultRate(VM_DEFAULTS.maxReplicationRate),
      // With disks, an applyRate given still caps what the disks allow.
      applyRateBytesPerSec:
        diskList === null ? (applyRate ?? defaultRate(VM_DEFAULTS.applyRate)) : Math.min(diskApplyRateBytesPerSec(diskList), applyRate ?? Infinity),
      churn,
      snapshots: vm.snapshots ?? defaults.snapshots ?? VM_DEFAULTS.snapshots,
      masterTarget: vm.masterTarget ?? defaults.masterTarget ?? null,
    };
    const diskSize = vm.diskSize ?? defaults.diskSize;
    if (diskSize !== undefined) spec.diskSizeBytes = diskSize;
    // Each expanded VM gets its own copy so that later mutation of one cannot leak into its siblings, except for
    // the arrays of churn components (trace intervals, hourly rates): read-only, and a trace of millions of
    // intervals replayed by thousands of VMs must be held once. Instance i's time-based churn is shifted by
    // i × stagger.
    const { churn: components, diskList: _shared, ...rest } = spec;
    return expandedNames(vm.name, vm.count).map((name, i) => {
      const place = (c: ChurnComponent) => (i > 0 && vm.stagger > 0 ? shiftChurn(c, i * vm.stagger) : { ...c });
      const churn = components.map(place);
      const disks = diskList === null ? {} : { diskList: diskList.map((d) => ({ ...d, churn: d.churn?.map(place) ?? null })) };
      return { name, ...structuredClone(rest), ...disks, churn };
    });
  });
}
