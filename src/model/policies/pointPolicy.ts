import type { ProductChoice } from '../../scenario/types.js';
import type { PointKind } from '../points/pointList.js';
import type { PointStore } from '../points/pointStore.js';
import type { WriteCurve } from '../writeCurve.js';

/** A series of recovery-point tags placed in a continuous stream at every multiple of intervalSec. */
export interface TagSeries {
  intervalSec: number;
  kind: PointKind;
}

/**
 * Products that copy snapshots instead of streaming every write: at each sync start a point-in-time instance
 * is fixed at that instant, the unique bytes changed since the previous sync are sent, and the instance becomes
 * usable when its transfer completes. The product decides when the next sync starts.
 */
export interface DeltaSync {
  /** Unique fraction of the bytes written between two syncs that a sync sends (overwrites coalesce). */
  uniqueFraction: number;
  pointKind: PointKind;
  /** When the next sync starts, given when the last one started and when its transfer completed. */
  nextStartSec(lastStartSec: number, completedSec: number): number;
}

/** What a failover choice recovers to under a product's rules, or why the product has no such choice. */
export type ChoiceRule =
  /** Everything already at the target (unprocessed data processed first): ASR's latest, DRS's most recent data. */
  | { recovers: 'uploaded' }
  | { recovers: 'newest' }
  | { recovers: 'newest-app' }
  /** The newest point common to a replication group (app-consistent ones only with app). */
  | { recovers: 'group'; app: boolean }
  /** The newest retained point at least some age old (custom; clean before a corruption). */
  | { recovers: 'retained-before' }
  | { unavailable: string };

/** The workload's bytes over time, for stores that answer for any past instant (journals). */
export interface WorkloadView {
  curve: WriteCurve;
  writtenAt(t: number): number;
  rate(): number;
}

/**
 * A product's recovery-point policy: how points come to exist, which are kept, and what each failover choice
 * recovers to. One implementation per product in this folder; the model knows only this interface.
 */
export interface PointPolicy {
  /** Tags of a continuous stream (empty for delta syncs). Where two fall at one instant the later series wins. */
  readonly tagSeries: readonly TagSeries[];
  readonly deltaSync: DeltaSync | null;
  /** RPO alert threshold (alerts only; never changes replication). */
  readonly rpoThresholdSec: number;
  /** Whether createStore needs the workload's bytes over time (a journal answers for any checkpoint). */
  readonly needsWorkloadHistory: boolean;
  /**
   * Whether the product recovers its most recent data at any instant, not only at its points (AWS DRS): its RPO
   * is then the replication lag, the age of the newest data such that all before it is at the target, and its
   * points are only what an older recovery can go back to.
   */
  readonly rpoIsReplicationLag: boolean;
  createStore(workload: WorkloadView): PointStore;
  choice(choice: ProductChoice): ChoiceRule;
}
