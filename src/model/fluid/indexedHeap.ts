/**
 * A binary min-heap over the integers 0..capacity-1, each present at most once with a Float64 key, that can
 * change or remove any member in O(log n). Equal keys pop by id, so the order never depends on heap shape.
 * NOTE: flat typed arrays (heap order, key per id, position per id): no object per entry on the hot path of
 * fair sharing and next-crossing searches.
 */
export class IndexedHeap {
  private heap: Int32Array;
  private keys: Float64Array;
  /** Position of each id in `heap`, or -1 when absent. */
  private positions: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
    this.positions = new Int32Array(Math.max(1, capacity)).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return this.positions[id]! >= 0;
  }

  keyOf(id: number): number {
    return this.keys[id]!;
  }

  /** The id with the smallest key (ties: smallest id); -1 when empty. */
  peek(): number {
    return this.count > 0 ? this.heap[0]! : -1;
  }

  peekKey(): number {
    return this.count > 0 ? this.keys[this.heap[0]!]! : Infinity;
  }

  /** The member at heap position i (0 ≤ i < size), for visiting every member in no particular order. */
  at(i: number): number {
    return this.heap[i]!;
  }

  /** Inserts id with key, or moves it to key if present. */
  set(id: number, key: number): void {
    const position = this.positions[id]!;
    if (position < 0) {
      const i = this.count++;
      this.heap[i] = id;
      this.positions[id] = i;
      this.keys[id] = key;
      this.up(i);
      return;
    }
    const old = this.keys[id]!;
    this.keys[id] = key;
    if (key < old) this.up(position);
    else this.down(position);
  }

  remove(id: number): void {
    const position = this.positions[id]!;
    if (position < 0) return;
    const last = --this.count;
    this.positions[id] = -1;
    if (position === last) return;
    const moved = this.heap[last]!;
    this.heap[position] = moved;
    this.positions[moved] = position;
    this.up(position);
    this.down(this.positions[moved]!);
  }

  pop(): number {
    const id = this.peek();
    if (id >= 0) this.remove(id);
    return id;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private up(i: number): void {
    const { heap, positions } = this;
    const id = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const other = heap[parent]!;
      if (!this.less(id, other)) break;
      heap[i] = other;
      positions[other] = i;
      i = parent;
    }
    heap[i] = id;
    positions[id] = i;
  }

  private down(i: number): void {
    const { heap, positions } = this;
    const id = heap[i]!;
    const n = this.count;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(heap[child + 1]!, heap[child]!)) child++;
      const other = heap[child]!;
      if (!this.less(other, id)) break;
      heap[i] = other;
      positions[other] = i;
      i = child;
    }
    heap[i] = id;
    positions[id] = i;
  }
}
