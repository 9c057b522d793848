import { storeAsDoubles } from '../../engine/doubleFields.js';
import { IndexedHeap } from './indexedHeap.js';

/**
 * Max-min fair sharing of a capacity (a link's bandwidth, a process server's intake, a master target's
 * processing) among members with demands, kept up to date incrementally. Every member gets min(demand, level),
 * and the level is as high as the capacity allows (Infinity when every demand is met). This is how a shared
 * resource serves the VMs that have data to send; a demand of Infinity takes all it can get.
 *
 * Members with a finite demand at or below the level are "satisfied", the others are "at the level". A demand
 * change moves at most a few members between the two sets, so a change costs O(log n) plus the members moved,
 * not a sort of everyone. NOTE: the bookkeeping lives in typed arrays and indexed heaps (satisfied: a max-heap,
 * finite demands at the level: a min-heap), so re-sharing allocates nothing.
 */
export class FairPool {
  private readonly demands: Float64Array;
  /** Finite demands at or below the level, as a max-heap (keys are −demand). */
  private readonly satisfied: IndexedHeap;
  /** Finite demands above the level, as a min-heap. */
  private readonly limited: IndexedHeap;
  /** Members with an infinite demand, in a dense list with positions for O(1) removal. */
  private readonly unlimited: Int32Array;
  private readonly unlimitedPosition: Int32Array;
  private unlimitedCount = 0;
  private satisfiedSum = 0;
  private updatesSinceExactSum = 0;
  private capacityValue = 0;
  private levelValue = Infinity;

  constructor(readonly memberCount: number) {
    storeAsDoubles(this, 'satisfiedSum', 'capacityValue');
    const n = Math.max(1, memberCount);
    this.demands = new Float64Array(n);
    this.satisfied = new IndexedHeap(n);
    this.limited = new IndexedHeap(n);
    this.unlimited = new Int32Array(n);
    this.unlimitedPosition = new Int32Array(n).fill(-1);
  }

  get capacity(): number {
    return this.capacityValue;
  }

  /** The level after the last settle(): what each member at the level gets. */
  get level(): number {
    return this.levelValue;
  }

  demandOf(id: number): number {
    return this.demands[id]!;
  }

  /** What the member gets at the current level. */
  allocation(id: number): number {
    const demand = this.demands[id]!;
    return demand <= this.levelValue ? demand : this.levelValue;
  }

  /** Whether the member gets the level rather than its demand. */
  isAtLevel(id: number): boolean {
    return this.limited.has(id) || this.unlimitedPosition[id]! >= 0;
  }

  setCapacity(capacity: number): void {
    this.capacityValue = capacity;
  }

  /** Sets a member's demand (≥ 0, Infinity allowed); call settle() before reading allocations. */
  setDemand(id: number, demand: number): void {
    const old = this.demands[id]!;
    if (old === demand) return;
    if (this.isAtLevel(id) && demand > this.levelValue) {
      // Stays at the level (a queue started to grow): nobody's allocation moves, so no sum changes either.
      this.detach(id);
      this.demands[id] = demand;
      this.attachAtLevel(id, demand);
      return;
    }
    this.detach(id);
    this.demands[id] = demand;
    if (demand === Infinity) {
      this.attachAtLevel(id, demand);
    } else if (demand > 0) {
      // Provisionally satisfied; settle() moves it if it is above the level.
      this.satisfied.set(id, -demand);
      this.satisfiedSum += demand;
    }
    if (++this.updatesSinceExactSum >= 1 << 16) this.resumSatisfied();
  }

  /**
   * Restores "satisfied ≤ level < at the level" after demand or capacity changes and returns the level.
   * `onMoved` is called for every member that changed sides (its allocation changed even if the level did not).
   */
  settle(onMoved?: (id: number) => void): number {
    let lastMoved = -1;
    for (;;) {
      const level = this.computeLevel();
      const top = this.satisfied.peek();
      if (top >= 0 && this.demands[top]! > level && top !== lastMoved) {
        this.satisfied.remove(top);
        this.satisfiedSum -= this.demands[top]!;
        if (this.satisfied.size === 0) this.satisfiedSum = 0;
        this.limited.set(top, this.demands[top]!);
        lastMoved = top;
        onMoved?.(top);
        continue;
      }
      const low = this.limited.peek();
      if (low >= 0 && this.demands[low]! <= level && low !== lastMoved) {
        this.limited.remove(low);
        this.satisfied.set(low, -this.demands[low]!);
        this.satisfiedSum += this.demands[low]!;
        lastMoved = low;
        onMoved?.(low);
        continue;
      }
      this.levelValue = level;
      return level;
    }
  }

  /** Calls visit(id) for every member at the level (its allocation follows the level). */
  forEachAtLevel(visit: (id: number) => void): void {
    for (let i = 0; i < this.limited.size; i++) visit(this.limited.at(i));
    for (let i = 0; i < this.unlimitedCount; i++) visit(this.unlimited[i]!);
  }

  get countAtLevel(): number {
    return this.limited.size + this.unlimitedCount;
  }

  private computeLevel(): number {
    const atLevel = this.limited.size + this.unlimitedCount;
    const spare = this.capacityValue - this.satisfiedSum;
    if (atLevel === 0) return spare >= 0 ? Infinity : this.levelWithTopLimited();
    return spare > 0 ? spare / atLevel : 0;
  }

  /** Everyone is provisionally satisfied but over capacity: the level that would hold with the largest limited. */
  private levelWithTopLimited(): number {
    const top = this.satisfied.peek();
    const spare = this.capacityValue - this.satisfiedSum + this.demands[top]!;
    return spare > 0 ? spare : 0;
  }

  private attachAtLevel(id: number, demand: number): void {
    if (demand === Infinity) {
      this.unlimitedPosition[id] = this.unlimitedCount;
      this.unlimited[this.unlimitedCount++] = id;
    } else {
      this.limited.set(id, demand);
    }
  }

  private detach(id: number): void {
    if (this.satisfied.has(id)) {
      this.satisfied.remove(id);
      this.satisfiedSum -= this.demands[id]!;
      if (this.satisfied.size === 0) this.satisfiedSum = 0;
    } else if (this.limited.has(id)) {
      this.limited.remove(id);
    } else {
      const position = this.unlimitedPosition[id]!;
      if (position >= 0) {
        const last = this.unlimited[--this.unlimitedCount]!;
        this.unlimited[position] = last;
        this.unlimitedPosition[last] = position;
        this.unlimitedPosition[id] = -1;
      }
    }
  }

  /** Long runs of += and −= drift; an exact sum now and then keeps the level honest (deterministically). */
  private resumSatisfied(): void {
    let sum = 0;
    for (let i = 0; i < this.satisfied.size; i++) sum += this.demands[this.satisfied.at(i)]!;
    this.satisfiedSum = sum;
    this.updatesSinceExactSum = 0;
  }
}
