// The failovers of a run, one per disaster × VM × choice variant in that order (failovers.csv's), held as
// columns. A record object costs about 370 bytes of heap, and a run of 10,000 VMs with 100 disasters and four
// choices makes four million of them (1.5 GB, held to the end of the run); these columns take 45 bytes a
// failover, plus 40 bytes a VM per disaster for the parts of the downtime that every choice shares (the draws
// are common random numbers). Plain data (arrays and typed arrays) so that a worker can post it to the main
// thread. Records are made again one at a time when they are read, the same values as the ones added.
import type { FailoverChoice } from '../scenario/types.js';
import type { ChoiceVariant } from './choiceLabel.js';
import type { FailoverRecord, RecoveryPointKind } from './types.js';

const KINDS: readonly RecoveryPointKind[] = ['crash-consistent', 'app-consistent', 'latest-uploaded'];
const NO_KIND = 255;

export interface FailoverTable {
  disasterTimesSec: readonly number[];
  vms: readonly string[];
  variants: readonly ChoiceVariant[];
  /** Failovers added: the whole grid, or fewer in a run stopped before its last disaster. */
  length: number;
  /** Per failover, one column per numeric field of FailoverRecord; NaN where the record has null (no recovery point). */
  recoveryPointTimeSec: Float64Array;
  dataLossSec: Float64Array;
  dataLossBytes: Float64Array;
  downtimeSec: Float64Array;
  backlogProcessingSec: Float64Array;
  /** Per disaster × VM (index disaster · VMs + VM): the same for each of its choices. */
  shutdownSec: Float64Array;
  detectionSec: Float64Array;
  jobSec: Float64Array;
  extraProcessingSec: Float64Array;
  bootSec: Float64Array;
  /** Index into KINDS, NO_KIND for null. */
  kind: Uint8Array;
  /** Index into notes: a run has a few distinct notes, said by thousands of failovers. */
  note: Uint32Array;
  notes: string[];
}

/** Fills a table in the grid's order: each disaster's VMs in order, each VM's choice variants in order. */
export class FailoverTableBuilder {
  readonly table: FailoverTable;
  private readonly noteIndex = new Map<string, number>();

  constructor(disasterTimesSec: readonly number[], vms: readonly string[], variants: readonly ChoiceVariant[]) {
    const size = disasterTimesSec.length * vms.length * variants.length;
    const column = () => new Float64Array(size);
    const vmColumn = () => new Float64Array(disasterTimesSec.length * vms.length);
    this.table = {
      disasterTimesSec,
      vms,
      variants,
      length: 0,
      recoveryPointTimeSec: column(),
      dataLossSec: column(),
      dataLossBytes: column(),
      downtimeSec: column(),
      backlogProcessingSec: column(),
      shutdownSec: vmColumn(),
      detectionSec: vmColumn(),
      jobSec: vmColumn(),
      extraProcessingSec: vmColumn(),
      bootSec: vmColumn(),
      kind: new Uint8Array(size),
      note: new Uint32Array(size),
      notes: [],
    };
  }

  /**
   * Adds the grid's next failover. A record out of the grid's order, or whose shared parts differ from its
   * VM's first choice's at that disaster, is a programming error.
   */
  add(record: FailoverRecord): void {
    const t = this.table;
    const k = t.length;
    const { disasterIndex, vmIndex, variantIndex } = gridPosition(t, k);
    const variant = t.variants[variantIndex];
    if (
      k >= t.kind.length ||
      record.disasterTimeSec !== t.disasterTimesSec[disasterIndex] ||
      record.vm !== t.vms[vmIndex] ||
      record.choice !== variant!.choice ||
      (record.dwellSec ?? null) !== variant!.dwellSec
    ) {
      throw new Error(`failover ${record.vm} ${record.choice} at ${record.disasterTimeSec} s is not the table's next (${k} of ${t.kind.length})`);
    }
    const vmAt = disasterIndex * t.vms.length + vmIndex;
    if (variantIndex === 0) {
      t.shutdownSec[vmAt] = record.shutdownSec;
      t.detectionSec[vmAt] = record.detectionSec;
      t.jobSec[vmAt] = record.jobSec;
      t.extraProcessingSec[vmAt] = record.extraProcessingSec;
      t.bootSec[vmAt] = record.bootSec;
    } else if (
      !Object.is(record.shutdownSec, t.shutdownSec[vmAt]) ||
      !Object.is(record.detectionSec, t.detectionSec[vmAt]) ||
      !Object.is(record.jobSec, t.jobSec[vmAt]) ||
      !Object.is(record.extraProcessingSec, t.extraProcessingSec[vmAt]) ||
      !Object.is(record.bootSec, t.bootSec[vmAt])
    ) {
      throw new Error(`failover ${record.vm} ${record.choice} at ${record.disasterTimeSec} s: its shutdown, detection, job, extra processing or boot time differs from its other choices'`);
    }
    t.recoveryPointTimeSec[k] = record.recoveryPointTimeSec ?? NaN;
    t.dataLossSec[k] = record.dataLossSec ?? NaN;
    t.dataLossBytes[k] = record.dataLossBytes ?? NaN;
    t.downtimeSec[k] = record.downtimeSec ?? NaN;
    t.backlogProcessingSec[k] = record.backlogProcessingSec;
    t.kind[k] = record.recoveryPointKind === null ? NO_KIND : KINDS.indexOf(record.recoveryPointKind);
    t.note[k] = this.noteNumber(record.note);
    t.length = k + 1;
  }

  private noteNumber(note: string): number {
    let index = this.noteIndex.get(note);
    if (index === undefined) {
      index = this.table.notes.push(note) - 1;
      this.noteIndex.set(note, index);
    }
    return index;
  }
}

function gridPosition(t: FailoverTable, k: number): { disasterIndex: number; vmIndex: number; variantIndex: number } {
  const variantCount = t.variants.length;
  const perDisaster = t.vms.length * variantCount;
  const disasterIndex = Math.floor(k / perDisaster);
  const inDisaster = k - disasterIndex * perDisaster;
  const vmIndex = Math.floor(inDisaster / variantCount);
  return { disasterIndex, vmIndex, variantIndex: inDisaster - vmIndex * variantCount };
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** The k-th failover of the table, as the record that was added. */
export function failoverAt(t: FailoverTable, k: number): FailoverRecord {
  const { disasterIndex, vmIndex, variantIndex } = gridPosition(t, k);
  const { choice, dwellSec } = t.variants[variantIndex]!;
  const kind = t.kind[k]!;
  const vmAt = disasterIndex * t.vms.length + vmIndex;
  // In FailoverRecord's field order (evaluateFailover's), so that records made here have the same shape.
  return {
    disasterTimeSec: t.disasterTimesSec[disasterIndex]!,
    vm: t.vms[vmIndex]!,
    choice,
    recoveryPointTimeSec: orNull(t.recoveryPointTimeSec[k]!),
    recoveryPointKind: kind === NO_KIND ? null : KINDS[kind]!,
    dataLossSec: orNull(t.dataLossSec[k]!),
    dataLossBytes: orNull(t.dataLossBytes[k]!),
    downtimeSec: orNull(t.downtimeSec[k]!),
    shutdownSec: t.shutdownSec[vmAt]!,
    detectionSec: t.detectionSec[vmAt]!,
    backlogProcessingSec: t.backlogProcessingSec[k]!,
    jobSec: t.jobSec[vmAt]!,
    extraProcessingSec: t.extraProcessingSec[vmAt]!,
    bootSec: t.bootSec[vmAt]!,
    note: t.notes[t.note[k]!]!,
    dwellSec,
  };
}

/** Every failover in the table's order, made one at a time: a long table is never held as records. */
export function* eachFailover(t: FailoverTable): Generator<FailoverRecord> {
  for (let k = 0; k < t.length; k++) yield failoverAt(t, k);
}

/** Every failover as a list of records (for small runs and tests: a large table is better read by eachFailover). */
export function failoverRecords(t: FailoverTable): FailoverRecord[] {
  return Array.from(eachFailover(t));
}

/** One VM's failovers in disaster order: all its choice variants, or only the one at `variantIndex`. */
export function vmFailovers(t: FailoverTable, vmIndex: number, variantIndex: number | null = null): FailoverRecord[] {
  const variantCount = t.variants.length;
  const perDisaster = t.vms.length * variantCount;
  const records: FailoverRecord[] = [];
  for (let first = vmIndex * variantCount; first < t.length; first += perDisaster) {
    if (variantIndex !== null) records.push(failoverAt(t, first + variantIndex));
    else for (let v = 0; v < variantCount; v++) records.push(failoverAt(t, first + v));
  }
  return records;
}

/** The failovers of one choice (clean: of every dwell time), in the table's order; only those are made. */
export function* failoversOfChoice(t: FailoverTable, choice: FailoverChoice): Generator<FailoverRecord> {
  // A failover's variant is its index modulo the variants: the grid's innermost order.
  for (let k = 0; k < t.length; k++) if (t.variants[k % t.variants.length]!.choice === choice) yield failoverAt(t, k);
}

/** The numeric columns with a value per failover, and those with one per disaster × VM (shared by its choices). */
export const FAILOVER_COLUMNS = ['recoveryPointTimeSec', 'dataLossSec', 'dataLossBytes', 'downtimeSec', 'backlogProcessingSec'] as const;
export const VM_COLUMNS = ['shutdownSec', 'detectionSec', 'jobSec', 'extraProcessingSec', 'bootSec'] as const;

/** The columns' memory, to transfer with the table when a worker posts it (instead of copying it). */
export function failoverBuffers(t: FailoverTable): ArrayBuffer[] {
  return [...FAILOVER_COLUMNS.map((name) => t[name]), ...VM_COLUMNS.map((name) => t[name]), t.kind, t.note].map((column) => column.buffer as ArrayBuffer);
}
