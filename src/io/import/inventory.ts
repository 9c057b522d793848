// The machines an import found, before they become scenario entries.
import type { MachineKind } from '../../scenario/types.js';
import { ImportError } from './importError.js';

export interface InventoryDisk {
  label: string;
  capacityBytes: number;
  /** Used space when the export ties partitions to this disk; null when it does not. */
  usedBytes: number | null;
}

export interface InventoryMachine {
  name: string;
  /** Where it was read, for the comments of the scenario (file, sheet, row). */
  origin: string;
  physical: boolean;
  powerState: 'poweredOn' | 'poweredOff' | 'suspended';
  /** The guest OS as the export names it ("" when unknown). */
  os: string;
  /** null when the OS is neither Windows nor Linux (or unknown): the scenario keeps the default and says so. */
  machineKind: MachineKind | null;
  /** null when the export does not say. */
  dhcp: boolean | null;
  disks: InventoryDisk[];
  diskCount: number;
  usedBytes: number;
  /** Which figure usedBytes comes from (e.g. "vPartition Consumed MiB"). */
  usedFrom: string;
}

export interface Inventory {
  machines: InventoryMachine[];
  /** Rows left out on purpose (templates, SRM placeholders), with the reason. */
  skipped: { name: string; reason: string }[];
  /** The files read, as the scenario's header will list them. */
  sources: string[];
}

export function emptyInventory(): Inventory {
  return { machines: [], skipped: [], sources: [] };
}

/**
 * Windows or Linux from the OS text of an export (RVTools: "Microsoft Windows Server 2019 (64-bit)", "Red Hat
 * Enterprise Linux 8 (64-bit)", "Ubuntu Linux (64-bit)"; a physical-server list: "windows", "linux", ...).
 */
export function machineKindOfOs(os: string): 'windows' | 'linux' | null {
  if (/windows|microsoft/i.test(os)) return 'windows';
  if (/linux|ubuntu|centos|red ?hat|rhel|debian|suse|sles|rocky|alma|photon|fedora|amazon/i.test(os)) return 'linux';
  return null;
}

/** One inventory from several exports; a machine name may appear only once across them. */
export function mergeInventories(parts: readonly Inventory[]): Inventory {
  const merged = emptyInventory();
  const origins = new Map<string, string>();
  for (const part of parts) {
    for (const machine of part.machines) {
      const earlier = origins.get(machine.name);
      if (earlier !== undefined) {
        // The origin already reads "file, sheet, row": it stands where the file name would.
        throw new ImportError({ file: machine.origin }, `a machine name not used by ${earlier}`, JSON.stringify(machine.name));
      }
      origins.set(machine.name, machine.origin);
      merged.machines.push(machine);
    }
    merged.skipped.push(...part.skipped);
    merged.sources.push(...part.sources);
  }
  return merged;
}
