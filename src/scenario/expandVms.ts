// VM entries → VmSpec list: vmDefaults fill what an entry leaves out, built-in defaults fill the rest, and an
// entry with count n > 1 becomes n VMs named name-1..name-n (zero-padded to the width of n), instance i's churn
// shifted by i × stagger.
import { VM_DEFAULTS } from './defaults.js';
import type { ParsedVm, ParsedVmDefaults } from './schema.js';
import type { VmSpec } from './types.js';
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
    const churn = vm.churn ?? defaults.churn;
    if (processServer === undefined || churn === undefined) return [];
    const spec: Omit<VmSpec, 'name'> = {
      processServer,
      machineKind: vm.machineKind ?? defaults.machineKind ?? VM_DEFAULTS.machineKind,
      dhcp: vm.dhcp ?? defaults.dhcp ?? VM_DEFAULTS.dhcp,
      bootDrivers: vm.bootDrivers ?? defaults.bootDrivers ?? VM_DEFAULTS.bootDrivers,
      disks: vm.disks ?? defaults.disks ?? VM_DEFAULTS.disks,
      usedDiskBytes: vm.usedDisk ?? defaults.usedDisk ?? VM_DEFAULTS.usedDisk,
      maxReplicationBytesPerSec:
        vm.maxReplicationRate ?? defaults.maxReplicationRate ?? defaultRate(VM_DEFAULTS.maxReplicationRate),
      applyRateBytesPerSec: vm.applyRate ?? defaults.applyRate ?? defaultRate(VM_DEFAULTS.applyRate),
      churn,
      snapshots: vm.snapshots ?? defaults.snapshots ?? VM_DEFAULTS.snapshots,
      masterTarget: vm.masterTarget ?? defaults.masterTarget ?? null,
    };
    const diskSize = vm.diskSize ?? defaults.diskSize;
    if (diskSize !== undefined) spec.diskSizeBytes = diskSize;
    // Each expanded VM gets its own copy so that later mutation of one cannot leak into its siblings.
    // Instance i's time-based churn is shifted by i × stagger.
    return expandedNames(vm.name, vm.count).map((name, i) => {
      const copy = structuredClone(spec);
      if (i > 0 && vm.stagger > 0) copy.churn = copy.churn.map((c) => shiftChurn(c, i * vm.stagger));
      return { name, ...copy };
    });
  });
}
