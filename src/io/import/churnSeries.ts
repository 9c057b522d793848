// Measured churn samples, per VM and disk, in whatever order the export lists them → one dense series per VM
// on a regular grid (one value per interval), with the per-disk breakdown on the same grid.
// NOTE: samples are kept as parallel typed arrays, 20 bytes a sample and no object each: a week of 20-second
// samples on 1000 disks is 30 M samples, 600 MB this way (an object per sample would take several times that).
import { formatTimestamp } from './parseTimestamp.js';
import { ImportError } from './importError.js';

export interface DiskChurn {
  disk: string;
  /** Bytes written in each interval of the VM's grid (0 where this disk has no sample). */
  bytes: Float64Array;
}

export interface VmChurn {
  vm: string;
  intervalSec: number;
  /** Start of the first interval, on the export's clock (seconds since 1970, time zone as written). */
  startSec: number;
  /** Bytes written in each interval, summed over the disks. */
  bytes: Float64Array;
  /** Per disk, sorted by name; one entry named "" when the export does not split by disk. */
  disks: DiskChurn[];
  /** Grid slots (over all disks) that had no sample and count as 0. */
  missing: number;
}

export interface ChurnSeriesOptions {
  file: string;
  /** A sample's value: an average rate in bytes/s over its interval (vSphere), or the bytes written in it. */
  value: 'bytesPerSec' | 'bytes';
  /** A sample's time: the start of its interval, or its end (vSphere stamps a sample when it is collected). */
  stamp: 'start' | 'end';
}

class Samples {
  times = new Float64Array(1024);
  values = new Float64Array(1024);
  rows = new Uint32Array(1024);
  length = 0;
  /** The interval stated by the export (Get-Stat's IntervalSecs), when it states one. */
  intervalSec: number | null = null;

  push(time: number, value: number, row: number): void {
    if (this.length === this.times.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.times = grow(this.times);
      this.values = grow(this.values);
      this.rows = grow(this.rows);
    }
    this.times[this.length] = time;
    this.values[this.length] = value;
    this.rows[this.length] = row;
    this.length++;
  }

  /** Indices in time order. */
  order(): Uint32Array {
    const index = Uint32Array.from({ length: this.length }, (_, i) => i);
    return index.sort((a, b) => this.times[a]! - this.times[b]!);
  }
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;
const EPSILON = 1e-6;

export class ChurnSeries {
  private readonly byVm = new Map<string, Map<string, Samples>>();
  readonly notes: string[] = [];

  constructor(private readonly options: ChurnSeriesOptions) {}

  add(vm: string, disk: string, timeSec: number, value: number, row: number, intervalSec: number | null = null): void {
    const disks = this.byVm.get(vm) ?? new Map<string, Samples>();
    this.byVm.set(vm, disks);
    const samples = disks.get(disk) ?? new Samples();
    disks.set(disk, samples);
    if (intervalSec !== null) {
      if (samples.intervalSec !== null && samples.intervalSec !== intervalSec) {
        throw new ImportError(
          { file: this.options.file, row, column: 'IntervalSecs' },
          `one interval per VM and disk (${label(vm, disk)} has ${samples.intervalSec} s before; export one statistics level, e.g. Get-Stat -IntervalMins 5)`,
          `${intervalSec} s`,
        );
      }
      samples.intervalSec = intervalSec;
    }
    samples.push(timeSec, value, row);
  }

  get vmCount(): number {
    return this.byVm.size;
  }

  /** Every VM's dense series, in the order the VMs first appear in the export. */
  finish(): VmChurn[] {
    return [...this.byVm].map(([vm, disks]) => this.vmChurn(vm, disks));
  }

  private vmChurn(vm: string, disks: Map<string, Samples>): VmChurn {
    // An export with a VM-wide row ("" instance) beside per-disk rows would count every byte twice.
    if (disks.has('') && disks.size > 1) {
      disks.delete('');
      this.notes.push(`${vm}: the rows without a disk (instance) were left out: the per-disk rows already hold those bytes`);
    }
    const names = [...disks.keys()].sort(naturalOrder);
    const sorted = names.map((disk) => ({ disk, samples: disks.get(disk)!, order: disks.get(disk)!.order() }));
    const intervals = sorted.map(({ disk, samples, order }) => this.intervalOf(vm, disk, samples, order));
    const intervalSec = intervals[0]!;
    sorted.forEach(({ disk, samples, order }, k) => {
      if (intervals[k] !== intervalSec) {
        throw new ImportError(
          { file: this.options.file, row: samples.rows[order[0]!]! },
          `the same sampling interval on every disk of ${vm} (${label(vm, names[0]!)}: ${intervalSec} s)`,
          `${intervals[k]} s on ${label(vm, disk)}`,
        );
      }
    });
    const shift = this.options.stamp === 'end' ? intervalSec : 0;
    const startSec = Math.min(...sorted.map(({ samples, order }) => samples.times[order[0]!]! - shift));
    const endSec = Math.max(...sorted.map(({ samples, order }) => samples.times[order[order.length - 1]!]! - shift + intervalSec));
    const slots = Math.round((endSec - startSec) / intervalSec);
    const total = new Float64Array(slots);
    let missing = 0;
    const diskChurn = sorted.map(({ disk, samples, order }): DiskChurn => {
      const bytes = new Float64Array(slots);
      const filled = new Uint8Array(slots);
      for (const i of order) {
        const position = (samples.times[i]! - shift - startSec) / intervalSec;
        const slot = Math.round(position);
        if (Math.abs(position - slot) > EPSILON) {
          throw new ImportError(
            { file: this.options.file, row: samples.rows[i]! },
            `a time on ${vm}'s ${intervalSec} s sampling grid (from ${formatTimestamp(startSec + shift)})`,
            formatTimestamp(samples.times[i]!),
          );
        }
        const value = samples.values[i]!;
        bytes[slot] = this.options.value === 'bytes' ? value : value * intervalSec;
        filled[slot] = 1;
      }
      for (let s = 0; s < slots; s++) {
        total[s] += bytes[s]!;
        missing += 1 - filled[s]!;
      }
      return { disk, bytes };
    });
    if (missing > 0) this.notes.push(`${vm}: ${missing} interval(s) without a sample on some disk, counted as 0 bytes`);
    return { vm, intervalSec, startSec, bytes: total, disks: diskChurn, missing };
  }

  /** The stated interval, or the smallest gap between consecutive samples (gaps longer than it are missing samples). */
  private intervalOf(vm: string, disk: string, samples: Samples, order: Uint32Array): number {
    let smallest = Infinity;
    for (let k = 1; k < order.length; k++) {
      const gap = samples.times[order[k]!]! - samples.times[order[k - 1]!]!;
      if (gap <= 0) {
        throw new ImportError(
          { file: this.options.file, row: samples.rows[order[k]!]! },
          `one sample per time for ${label(vm, disk)} (row ${samples.rows[order[k - 1]!]} has ${formatTimestamp(samples.times[order[k]!]!)} too)`,
          'a second one',
        );
      }
      smallest = Math.min(smallest, gap);
    }
    if (samples.intervalSec !== null) return samples.intervalSec;
    if (smallest === Infinity) {
      throw new ImportError({ file: this.options.file, row: samples.rows[0]! }, `at least 2 samples for ${label(vm, disk)} (the interval is their spacing)`, 'one');
    }
    return smallest;
  }
}

function label(vm: string, disk: string): string {
  return disk === '' ? vm : `${vm} disk ${disk}`;
}
