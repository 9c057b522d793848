import { makeRoom } from '../columnQueue.js';
import type { PointKind } from './pointList.js';

/**
 * A stream's recovery-point tags between their placement and their release as usable points, in stream order:
 * [head, crossed) have been passed by processing and wait for their usable time; [crossed, tail) still wait
 * for processing to reach their position. NOTE: one set of growable columns, compacted when half is consumed.
 * The two positions a stream reads at every look (the next tag to cross, the next to release) are kept as
 * fields too: at a thousand VMs, reading them from the columns missed the cache every time.
 */
export class TagQueue {
  private pendingPosition = Infinity;
  private crossedUsableSec = Infinity;
  private sources = new Float64Array(16);
  private positions = new Float64Array(16);
  private workloads = new Float64Array(16);
  private usables = new Float64Array(16);
  private apps = new Uint8Array(16);
  private head = 0;
  private crossed = 0;
  private tail = 0;

  get pendingCount(): number {
    return this.tail - this.crossed;
  }
  get inFlightCount(): number {
    return this.crossed - this.head;
  }
  get isEmpty(): boolean {
    return this.head === this.tail;
  }

  place(sourceSec: number, position: number, workloadBytes: number, kind: PointKind): void {
    if (this.tail === this.sources.length) this.makeRoom();
    const i = this.tail++;
    if (i === this.crossed) this.pendingPosition = position;
    this.sources[i] = sourceSec;
    this.positions[i] = position;
    this.workloads[i] = workloadBytes;
    this.usables[i] = Infinity;
    this.apps[i] = kind === 'app-consistent' ? 1 : 0;
  }

  /** Position of the newest tag placed (-Infinity when none is waiting). */
  get newestPosition(): number {
    return this.tail > this.head ? this.positions[this.tail - 1]! : -Infinity;
  }

  /** Position of the oldest tag processing has not reached (Infinity when none). */
  get nextPosition(): number {
    return this.pendingPosition;
  }
  get nextSourceSec(): number {
    return this.sources[this.crossed]!;
  }

  /** Marks the oldest pending tag as passed by processing; it becomes usable at usableSec. */
  cross(usableSec: number): void {
    if (this.head === this.crossed) this.crossedUsableSec = usableSec;
    this.usables[this.crossed++] = usableSec;
    this.pendingPosition = this.crossed < this.tail ? this.positions[this.crossed]! : Infinity;
  }

  /** Usable time of the oldest crossed tag (Infinity when none). */
  get nextUsableSec(): number {
    return this.crossedUsableSec;
  }

  // The oldest crossed tag, to release as a usable point (then dropHead).
  get headSourceSec(): number {
    return this.sources[this.head]!;
  }
  get headWorkloadBytes(): number {
    return this.workloads[this.head]!;
  }
  get headKind(): PointKind {
    return this.apps[this.head] === 1 ? 'app-consistent' : 'crash-consistent';
  }
  dropHead(): void {
    // Emptied: start again at the front, with nothing to move.
    if (++this.head === this.tail) this.head = this.crossed = this.tail = 0;
    this.crossedUsableSec = this.head < this.crossed ? this.usables[this.head]! : Infinity;
  }

  clear(): void {
    this.head = this.crossed = this.tail = 0;
    this.pendingPosition = this.crossedUsableSec = Infinity;
  }

  private makeRoom(): void {
    [this.sources, this.positions, this.workloads, this.usables, this.apps] = makeRoom(
      [this.sources, this.positions, this.workloads, this.usables, this.apps],
      this.head,
      this.tail,
    );
    this.crossed -= this.head;
    this.tail -= this.head;
    this.head = 0;
  }
}
