// What an import will write, decided before anything is written: one scenario entry per machine (in inventory
// order, then the VMs found only in the churn export), the trace file of each measured VM and of each of its
// disks, and the churn figures shown in the scenario's comments and the printed table.
import type { VmChurn } from './churnSeries.js';
import { type ChurnFigures, churnFigures, type RegularSeries } from './churnFigures.js';
import { ImportError } from './importError.js';
import type { Inventory, InventoryMachine } from './inventory.js';
import type { ChurnExport } from './readChurnExport.js';

export type PoweredOffChoice = 'comment' | 'skip' | 'include';

export interface ImportOptions {
  /** The scenario's name. */
  name: string;
  /** Churn growth as a fraction (0.3 = the Deployment Planner's 30%): written as each trace's scale. */
  growth: number;
  poweredOff: PoweredOffChoice;
  /** Churn of the VMs without measurements, as scenario text ("10 GB/day"). */
  defaultChurn: string;
  /** Folder of the trace files, relative to the scenario file (POSIX separators). */
  traceFolder: string;
}

export interface MeasuredChurn {
  /** The export it was read from. */
  file: string;
  series: VmChurn;
  figures: ChurnFigures;
  /** Trace path relative to the scenario file. */
  trace: string;
  /** Per disk, when the VM has several: its figures and trace path. */
  disks: { disk: string; figures: ChurnFigures; trace: string }[];
}

export interface ImportedVm {
  name: string;
  /** null: the VM is only in the churn export. */
  machine: InventoryMachine | null;
  churn: MeasuredChurn | null;
  /** Written commented out (a powered-off VM with --powered-off comment). */
  commentedOut: boolean;
}

export interface TraceFile {
  /** Relative to the scenario file. */
  path: string;
  series: RegularSeries;
}

export interface ImportPlan {
  options: ImportOptions;
  inventory: Inventory;
  /** The churn exports read, in order (none without --churn). */
  churn: ChurnExport[];
  vms: ImportedVm[];
  /** Machines left out with their reason (templates, placeholders, powered off with --powered-off skip). */
  skipped: { name: string; reason: string }[];
  traces: TraceFile[];
  /** The whole site's measured churn (all VMs' series summed on their common clock); null without churn. */
  site: ChurnFigures | null;
}

/** A file name from a VM or disk name: safe on every file system, unique among its siblings (any case). */
function fileNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'vm';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

const regular = (vm: VmChurn, bytes: Float64Array): RegularSeries => ({ startSec: vm.startSec, intervalSec: vm.intervalSec, bytes });

export function planImport(inventory: Inventory, churn: readonly ChurnExport[], options: ImportOptions): ImportPlan {
  const measured = new Map<string, { series: VmChurn; file: string }>();
  for (const { file, vms } of churn) {
    for (const series of vms) {
      const earlier = measured.get(series.vm);
      if (earlier) throw new ImportError({ file }, `each VM's churn in one export (${series.vm} is in ${earlier.file} too)`, JSON.stringify(series.vm));
      measured.set(series.vm, { series, file });
    }
  }
  const skipped = [...inventory.skipped];
  const entries: { name: string; machine: InventoryMachine | null; commentedOut: boolean }[] = [];
  for (const machine of inventory.machines) {
    const off = machine.powerState !== 'poweredOn';
    if (off && options.poweredOff === 'skip') {
      skipped.push({ name: machine.name, reason: machine.powerState });
      continue;
    }
    entries.push({ name: machine.name, machine, commentedOut: off && options.poweredOff === 'comment' });
  }
  const inInventory = new Set(inventory.machines.map((m) => m.name));
  for (const name of measured.keys()) {
    if (!inInventory.has(name)) entries.push({ name, machine: null, commentedOut: false });
  }

  const traces: TraceFile[] = [];
  const vmFile = fileNamer();
  const vms = entries.map(({ name, machine, commentedOut }): ImportedVm => {
    const found = measured.get(name);
    if (!found) return { name, machine, churn: null, commentedOut };
    const { series } = found;
    const file = vmFile(name);
    const trace = `${options.traceFolder}/${file}.csv`;
    traces.push({ path: trace, series: regular(series, series.bytes) });
    const diskFile = fileNamer();
    const disks =
      series.disks.length < 2
        ? []
        : series.disks.map(({ disk, bytes }) => {
            const path = `${options.traceFolder}/${file}/${diskFile(disk)}.csv`;
            traces.push({ path, series: regular(series, bytes) });
            return { disk, figures: churnFigures([regular(series, bytes)]), trace: path };
          });
    return { name, machine, commentedOut, churn: { file: found.file, series, figures: churnFigures([regular(series, series.bytes)]), trace, disks } };
  });
  const measuredSeries = vms.flatMap((vm) => (vm.churn && !vm.commentedOut ? [regular(vm.churn.series, vm.churn.series.bytes)] : []));
  return {
    options,
    inventory,
    churn: [...churn],
    vms,
    skipped,
    traces,
    site: measuredSeries.length > 0 ? churnFigures(measuredSeries) : null,
  };
}
