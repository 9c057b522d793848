// The future-event list: a binary min-heap ordered by (time, priority, insertion counter).
// The insertion counter makes equal (time, priority) pop in FIFO order, as in SimPy; a plain heap
// (mourner/flatqueue) is not stable on ties, and a run's outcome must not depend on heap shape.

const INITIAL_CAPACITY = 64;

/**
 * NOTE: hot path. Every event of a run passes through push and pop, so entries live in flat parallel
 * typed arrays with a length counter (the mourner/flatqueue layout) and grow by doubling: no object per
 * event, nothing for the garbage collector. The payload is an integer slot the caller maps to its data.
 */
export class EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY);
  private priorities = new Float64Array(INITIAL_CAPACITY);
  /** Float64, not Int32: a long run can insert more than 2^31 events; integers stay exact to 2^53. */
  private sequences = new Float64Array(INITIAL_CAPACITY);
  private payloads = new Int32Array(INITIAL_CAPACITY);
  private length = 0;
  private insertions = 0;
  private poppedId = -1;
  private poppedTime = Number.NaN;

  get size(): number {
    return this.length;
  }

  /** Id (insertion counter) of the event returned by the last successful pop; -1 before any. */
  get lastPoppedId(): number {
    return this.poppedId;
  }

  /** Time of the event returned by the last successful pop; NaN before any. */
  get lastPoppedTime(): number {
    return this.poppedTime;
  }

  /**
   * Adds an event and returns its id, the insertion counter (0, 1, 2, ...). time and priority must not be
   * NaN (not checked here: the caller validates once, this runs per event); payload must fit in an Int32.
   */
  push(time: number, priority: number, payload: number): number {
    if (this.length === this.times.length) this.grow();
    const id = this.insertions++;
    const { times, priorities, sequences, payloads } = this;

    // Sift up by moving parents down into the hole, then write the new entry once.
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && priorities[parent] <= priority)) break;
      // Equal (time, priority): the parent was inserted earlier (smaller counter), so it stays above.
      times[i] = pt;
      priorities[i] = priorities[parent];
      sequences[i] = sequences[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    priorities[i] = priority;
    sequences[i] = id;
    payloads[i] = payload;
    return id;
  }

  /** Time of the next event; Infinity when empty. */
  peekTime(): number {
    return this.length > 0 ? this.times[0] : Infinity;
  }

  /** Removes the next event and returns its payload; -1 when empty. See lastPoppedId / lastPoppedTime. */
  pop(): number {
    if (this.length === 0) return -1;
    const { times, priorities, sequences, payloads } = this;
    const payload = payloads[0];
    this.poppedId = sequences[0];
    this.poppedTime = times[0];

    const last = --this.length;
    if (last > 0) this.siftDown(0, times[last], priorities[last], sequences[last], payloads[last]);
    return payload;
  }

  /**
   * Removes every entry whose payload fails `keep`, restores heap order (the pop order of the rest does not
   * change: the key includes the insertion counter) and returns the removed payloads. O(n): for the caller's
   * occasional purge of cancelled events, not for every event.
   */
  retain(keep: (payload: number) => boolean): number[] {
    const { times, priorities, sequences, payloads } = this;
    const removed: number[] = [];
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(payloads[i])) {
        removed.push(payloads[i]);
        continue;
      }
      times[kept] = times[i];
      priorities[kept] = priorities[i];
      sequences[kept] = sequences[i];
      payloads[kept] = payloads[i];
      kept++;
    }
    this.length = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i, times[i], priorities[i], sequences[i], payloads[i]);
    return removed;
  }

  /** Places the given entry at the hole at index start and sifts it down to where it belongs. */
  private siftDown(start: number, time: number, priority: number, sequence: number, payload: number): void {
    const { times, priorities, sequences, payloads, length } = this;
    const half = length >> 1;
    let i = start;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      // NOTE: the smaller child, compared inline on the local arrays rather than by a method reading this.*:
      // with the id arithmetic in Environment.insert, this took the engine from about 86% to about 93% of a
      // bare typed-array heap loop (npm run bench, hold model at 10k pending, medians of 9 pairs).
      if (right < length) {
        const lt = times[child];
        const rt = times[right];
        if (rt < lt || (rt === lt && (priorities[right] < priorities[child] || (priorities[right] === priorities[child] && sequences[right] < sequences[child])))) {
          child = right;
        }
      }
      const ct = times[child];
      const cp = priorities[child];
      if (ct > time || (ct === time && (cp > priority || (cp === priority && sequences[child] > sequence)))) break;
      times[i] = ct;
      priorities[i] = cp;
      sequences[i] = sequences[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    priorities[i] = priority;
    sequences[i] = sequence;
    payloads[i] = payload;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.priorities = copyInto(new Float64Array(capacity), this.priorities);
    this.sequences = copyInto(new Float64Array(capacity), this.sequences);
    this.payloads = copyInto(new Int32Array(capacity), this.payloads);
  }
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
