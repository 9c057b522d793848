import { BINS_PER_OCTAVE, binLow, binOf } from './logBins.js';
import { SORT_BY_BIN_MAX, sortByBin } from './sortByBin.js';

/**
 * Quantiles of a time-weighted signal made of slope-1 segments (the RPO: the age of the newest point grows
 * with time until a newer point arrives), kept in bounded memory. The time spent above x is
 *   A(x) = Σ_i (end_i − max(start_i, x))⁺ = Σ_{end > x} (end − x) − Σ_{start > x} (start − x),
 * so it depends only on the multisets of segment starts and ends. They are kept exactly (distinct value →
 * count) while they hold at most `exactLimit` distinct values, which covers a healthy VM whose points arrive
 * like clockwork for any horizon; beyond that, values are merged into logarithmic bins of relative width
 * 2^(1/1024) − 1 (0.07%) that keep their count and sum. A(x) is then exact at bin edges and interpolated within
 * a bin, so a quantile is within one bin width (0.07% of its value) of the exact one.
 *
 * The bins a bag holds grow with the range of values seen, not with their number: a congested VM's year fills
 * more of them than its month (the bench's large site at 500 VMs held 37 MB in these bags at 30 days, 69 MB at 120),
 * so memory grew with the horizon. A bag of more than MAX_BINS bins is therefore coarsened: adjacent bins merge in
 * pairs in both bags (1,024 bins an octave, then 512, 256, …), and the bound on a quantile's error doubles with
 * each halving (`relativeError`). A run whose bags stay within MAX_BINS gets the same quantiles as without the
 * cap: every shipped scenario's VM but one of zerto.yaml's, whose 5-second checkpoints spread over more bins
 * in a week (its p50, p95 and p99 moved by 5e-11, 2e-9 and 8e-7 of their values).
 *
 * NOTE: values are buffered and merged in sorted batches into sorted columns (value or bin, count, sum):
 * a Map per signal cost 38% of a 400-VM run. A batch is sorted by bin (sortByBin), and each value's bin found
 * once, also while the bag is exact: a congested stream's quantiles cost 74 ns a segment, against 122 ns when
 * a batch was sorted by comparison and its bins found by Math.log2.
 * NOTE: every signal holds its buffer (2 × 1,024 doubles, 16 KB) for the whole run: at 10,000 VMs that is 164 MB,
 * and 2,048 took twice as much for no gain in speed. The batch size decides in which order a bin's values are
 * added up, so it can move a quantile's last digit: no shipped scenario's result changed from 2,048 to 1,024.
 */
const EXACT_LIMIT = 4096;
const BUFFER = SORT_BY_BIN_MAX;
/** Up to this many distinct values, a run of identical segments merges straight in. */
const SMALL_BAG = 64;
/** The most bins a bag keeps (16 bytes each): 32 KB, with room to grow 37 KB, a bag at most. */
const MAX_BINS = 2048;

/** Columns of (key, count, sum), of a bag's types: copying between them is a plain copy. */
const columns = (capacity: number) => ({
  values: new Float64Array(capacity),
  bins: new Int32Array(capacity),
  counts: new Uint32Array(capacity),
  sums: new Float64Array(capacity),
});
/** The output of every bag's merge, shared: merges never overlap (one thread, no callbacks). */
let merged = columns(0);
/** A flush's sorted values, keys and run counts (or a run of identical segments' one entry), shared likewise. */
const flushScratch = { values: new Float64Array(BUFFER), keys: new Float64Array(BUFFER), counts: new Float64Array(BUFFER) };

/**
 * A sorted multiset of values (or bins) with the count and sum of each.
 * NOTE: counts are whole numbers and bins are small integers, so they are kept in 32-bit columns (a bag holds
 * thousands of bins at a congested VM; at a thousand VMs the bags were most of the memory); the values they
 * stand for, and every sum made of them, are the same as in 64-bit columns.
 */
class SortedBag {
  keys: Float64Array | Int32Array = new Float64Array(0);
  counts = new Uint32Array(0);
  sums = new Float64Array(0);
  size = 0;

  /** Merges sorted (key, value) pairs in: equal keys add up. `counts` is scratch of at least n. */
  merge(keys: Float64Array, values: Float64Array, n: number, counts: Float64Array): void {
    // Runs of one key in the batch first (a regular sawtooth repeats a handful of values), in place.
    let runs = 0;
    for (let j = 0; j < n; j++) {
      if (runs > 0 && keys[runs - 1] === keys[j]) {
        counts[runs - 1]!++;
        values[runs - 1]! += values[j]!;
      } else {
        keys[runs] = keys[j]!;
        values[runs] = values[j]!;
        counts[runs] = 1;
        runs++;
      }
    }
    this.mergeRuns(keys, values, counts, runs);
  }

  mergeRuns(keys: Float64Array, values: Float64Array, runCounts: Float64Array, n: number): void {
    const total = this.size + n;
    // Merged into the shared columns, then copied back: allocating typed arrays is slow, and a spare set per bag
    // would double the memory of a large site's thousands of bags.
    if (merged.sums.length < total) merged = columns(Math.max(total, 2 * merged.sums.length));
    const binned = this.keys instanceof Int32Array;
    const { counts: outCounts, sums: outSums } = merged;
    const outKeys = binned ? merged.bins : merged.values;
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldSums = this.sums;
    const size = this.size;
    // Keys are distinct on either side (a bag's are; merge gave the batch's runs), so a key meets at most one equal.
    let i = 0;
    let j = 0;
    let out = 0;
    while (i < size && j < n) {
      const oldKey = oldKeys[i]!;
      const key = keys[j]!;
      if (oldKey < key) {
        outKeys[out] = oldKey;
        outCounts[out] = oldCounts[i]!;
        outSums[out++] = oldSums[i++]!;
      } else if (oldKey > key) {
        outKeys[out] = key;
        outCounts[out] = runCounts[j]!;
        outSums[out++] = values[j++]!;
      } else {
        outKeys[out] = key;
        outCounts[out] = oldCounts[i]! + runCounts[j]!;
        outSums[out++] = oldSums[i++]! + values[j++]!;
      }
    }
    for (; j < n; j++, out++) {
      outKeys[out] = keys[j]!;
      outCounts[out] = runCounts[j]!;
      outSums[out] = values[j]!;
    }
    outKeys.set(oldKeys.subarray(i, size), out);
    outCounts.set(oldCounts.subarray(i, size), out);
    outSums.set(oldSums.subarray(i, size), out);
    out += size - i;
    this.take(outKeys, outCounts, outSums, out, binned, this.keys.length < out);
  }

  /**
   * The same multiset with every key replaced by its bin: values into the finest bins, or bins into bins half as
   * many. Both maps are monotone, so keys stay sorted.
   */
  rekey(into: 'bins' | 'halved bins'): void {
    const { keys, counts, sums } = this;
    let size = 0;
    for (let i = 0; i < this.size; i++) {
      const bin = into === 'bins' ? binOf(keys[i]!, 0) : keys[i]! >> 1;
      if (size > 0 && keys[size - 1] === bin) {
        counts[size - 1]! += counts[i]!;
        sums[size - 1]! += sums[i]!;
      } else {
        keys[size] = bin;
        counts[size] = counts[i]!;
        sums[size] = sums[i]!;
        size++;
      }
    }
    // Bins are fewer than the keys were: new columns of their size.
    this.take(keys, counts, sums, size, true, true);
  }

  /**
   * The first `size` entries of these columns become the bag's, copied into its columns, or into new ones with
   * some room to grow (`fresh`; a bag grows slowly once its range is seen).
   */
  private take(keys: Float64Array | Int32Array, counts: Uint32Array, sums: Float64Array, size: number, binned: boolean, fresh: boolean): void {
    if (fresh) {
      const capacity = size + (size >>> 3) + 8;
      this.keys = binned ? new Int32Array(capacity) : new Float64Array(capacity);
      this.counts = new Uint32Array(capacity);
      this.sums = new Float64Array(capacity);
    }
    this.keys.set(keys.subarray(0, size));
    this.counts.set(counts.subarray(0, size));
    this.sums.set(sums.subarray(0, size));
    this.size = size;
  }
}

export class SawtoothQuantiles {
  private readonly starts = new SortedBag();
  private readonly ends = new SortedBag();
  private readonly bufferStarts = new Float64Array(BUFFER);
  private readonly bufferEnds = new Float64Array(BUFFER);
  private buffered = 0;
  private binned = false;
  /** Bins are 2^shift of the finest ones wide: 1024 >> shift an octave. */
  private shift = 0;
  // The latest run of identical segments (a healthy stream's sawtooth repeats one tooth all day).
  private runStart = Number.NaN;
  private runEnd = Number.NaN;
  private runCount = 0;

  constructor(
    private readonly exactLimit = EXACT_LIMIT,
    private readonly maxBins = MAX_BINS,
  ) {
    // Halving always ends: every finite value's bin is below 2^21 in magnitude, so by shift 21 a bag holds 3 bins.
    if (!(maxBins >= 16)) throw new RangeError(`maxBins must be at least 16, got ${maxBins}`);
  }

  add(start: number, end: number): void {
    if (start === this.runStart && end === this.runEnd) {
      this.runCount++;
      return;
    }
    this.commitRun();
    this.runStart = start;
    this.runEnd = end;
    this.runCount = 1;
  }

  private commitRun(): void {
    const n = this.runCount;
    this.runCount = 0;
    // A long run into a small bag directly; anything else through the buffer, one value per segment.
    if (n === 1 || (n > 1 && this.starts.size + this.ends.size > SMALL_BAG)) {
      for (let k = 0; k < n; k++) {
        this.bufferStarts[this.buffered] = this.runStart;
        this.bufferEnds[this.buffered] = this.runEnd;
        if (++this.buffered === BUFFER) this.flush();
      }
    } else if (n > 1) {
      // One run of n through the flush's scratch columns (the merge reads the same kind of columns every time).
      const { keys, values, counts } = flushScratch;
      counts[0] = n;
      for (const [bag, value] of [[this.starts, this.runStart], [this.ends, this.runEnd]] as const) {
        keys[0] = this.binned ? binOf(value, this.shift) : value;
        values[0] = value * n;
        bag.mergeRuns(keys, values, counts, 1);
      }
      this.checkLimits();
    }
  }

  /** Whether quantiles are exact (false: within `relativeError` of the value). */
  get exact(): boolean {
    this.flush();
    return !this.binned;
  }

  /** Entries held in both bags: distinct values while exact, then bins. */
  get entries(): number {
    this.flush();
    return this.starts.size + this.ends.size;
  }

  /** The bound on a quantile's error relative to its value: 0 while exact, then one bin's relative width. */
  get relativeError(): number {
    this.flush();
    return this.binned ? 2 ** ((1 << this.shift) / BINS_PER_OCTAVE) - 1 : 0;
  }

  /** For each p, the x at which the time above x is (1 − p) · total; null when nothing was added. */
  quantiles(probabilities: readonly number[], totalSec: number): (number | null)[] {
    this.flush();
    if (totalSec <= 0 || this.ends.size === 0) return probabilities.map(() => null);
    const { ends, starts, binned, shift } = this;
    const targets = probabilities.map((p) => (1 - p) * totalSec);
    const answers: number[] = probabilities.map(() => Number.NaN);
    let unanswered = probabilities.length;
    // Breakpoints of A, from the highest down: the values, or the bin edges (a bin's values all lie between its
    // edges, and bins never straddle an edge; a bin's upper edge is the next bin's lower edge). Sweeping x
    // downward, the entries whose values are all ≥ x are the highest ones, and A grows: each p is answered at the
    // first breakpoint where A reaches its target, so the sweep ends there; it allocates nothing of the bags' size.
    let endKey = ends.size - 1;
    let startKey = starts.size - 1;
    let endCursor = endKey;
    let startCursor = startKey;
    let sum = 0;
    let count = 0;
    let lastKey = Number.NaN;
    let pendingKey = Number.NaN;
    let previousX = Number.NaN;
    let previousArea = Number.NaN;
    while (unanswered > 0) {
      let key: number;
      if (!Number.isNaN(pendingKey)) {
        key = pendingKey;
        pendingKey = Number.NaN;
      } else {
        if (endKey < 0 && startKey < 0) break;
        // The next key of either bag, once (a bag's keys are distinct).
        const next = startKey < 0 || (endKey >= 0 && ends.keys[endKey]! >= starts.keys[startKey]!) ? ends.keys[endKey]! : starts.keys[startKey]!;
        if (endKey >= 0 && ends.keys[endKey] === next) endKey--;
        if (startKey >= 0 && starts.keys[startKey] === next) startKey--;
        key = next;
        if (binned && lastKey !== next + 1) {
          key = next + 1;
          pendingKey = next;
        }
      }
      lastKey = key;
      const x = binned ? binLow(key, shift) : key;
      for (; endCursor >= 0 && this.low(ends.keys[endCursor]!) >= x; endCursor--) {
        sum += ends.sums[endCursor]!;
        count += ends.counts[endCursor]!;
      }
      for (; startCursor >= 0 && this.low(starts.keys[startCursor]!) >= x; startCursor--) {
        sum -= starts.sums[startCursor]!;
        count -= starts.counts[startCursor]!;
      }
      const area = Math.max(0, sum - x * count);
      for (let q = 0; q < targets.length; q++) {
        const target = targets[q]!;
        if (!Number.isNaN(answers[q]!) || !(area >= target)) continue;
        // At the highest breakpoint, or between the previous one and this one (linear there).
        answers[q] = Number.isNaN(previousX) || area === previousArea ? x : previousX - ((target - previousArea) * (previousX - x)) / (area - previousArea);
        unanswered--;
      }
      previousX = x;
      previousArea = area;
    }
    // A target above the whole area (rounding) is met at the lowest breakpoint.
    return answers.map((answer) => (Number.isNaN(answer) ? previousX : answer));
  }

  /** The lowest value an entry of a bag may hold: the value itself, or its bin's lower edge. */
  private low(key: number): number {
    return this.binned ? binLow(key, this.shift) : key;
  }

  private flush(): void {
    this.commitRun();
    if (this.buffered === 0) return;
    const n = this.buffered;
    this.buffered = 0;
    const { values, keys, counts } = flushScratch;
    for (const [bag, buffer] of [[this.starts, this.bufferStarts], [this.ends, this.bufferEnds]] as const) {
      sortByBin(buffer, n, this.shift, values, keys);
      // Exact values are their own keys.
      if (!this.binned) keys.set(values.subarray(0, n));
      bag.merge(keys, values, n, counts);
    }
    this.checkLimits();
  }

  private checkLimits(): void {
    if (!this.binned && this.starts.size + this.ends.size > this.exactLimit) {
      this.starts.rekey('bins');
      this.ends.rekey('bins');
      this.binned = true;
    }
    // Both bags halve together: quantiles() reads their bins as one grid.
    while (this.binned && Math.max(this.starts.size, this.ends.size) > this.maxBins) {
      this.starts.rekey('halved bins');
      this.ends.rekey('halved bins');
      this.shift++;
    }
  }
}
