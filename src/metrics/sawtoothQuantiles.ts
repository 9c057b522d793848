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
 * a Map per signal cost 38% of a 400-VM run; a sort of 1,024 doubles now and then costs a few percent.
 * NOTE: every signal holds its buffer (2 × 1,024 doubles, 16 KB) for the whole run: at 10,000 VMs that is 164 MB,
 * and 2,048 took twice as much for no gain in speed. The batch size decides in which order a bin's values are
 * added up, so it can move a quantile's last digit: no shipped scenario's result changed from 2,048 to 1,024.
 */
const EXACT_LIMIT = 4096;
const BUFFER = 1024;
/** Up to this many distinct values, a run of identical segments merges straight in. */
const SMALL_BAG = 64;
const BINS_PER_OCTAVE = 1024;
/** The most bins a bag keeps (16 bytes each): 32 KB, with room to grow 37 KB, a bag at most. */
const MAX_BINS = 2048;
/** Values up to 2^-20 s (about 1 µs) share one bin, with edges 0 and TINY. */
const TINY = 2 ** -20;
const TINY_BIN = Math.floor(Math.log2(TINY) * BINS_PER_OCTAVE) - 1;

/** Columns of (key, count, sum), of a bag's types: copying between them is a plain copy. */
const columns = (capacity: number) => ({
  values: new Float64Array(capacity),
  bins: new Int32Array(capacity),
  counts: new Uint32Array(capacity),
  sums: new Float64Array(capacity),
});
/** The output of every bag's merge, shared: merges never overlap (one thread, no callbacks). */
let merged = columns(0);
/** A flush's sorted values, keys and run counts, shared likewise. */
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
    let i = 0;
    let j = 0;
    let out = 0;
    while (i < size || j < n) {
      const takeOld = j >= n || (i < size && oldKeys[i]! <= keys[j]!);
      const key = takeOld ? oldKeys[i]! : keys[j]!;
      const count = takeOld ? oldCounts[i]! : runCounts[j]!;
      const sum = takeOld ? oldSums[i]! : values[j]!;
      if (takeOld) i++;
      else j++;
      if (out > 0 && outKeys[out - 1] === key) {
        outCounts[out - 1]! += count;
        outSums[out - 1]! += sum;
      } else {
        outKeys[out] = key;
        outCounts[out] = count;
        outSums[out] = sum;
        out++;
      }
    }
    this.take(outKeys, outCounts, outSums, out, binned, this.keys.length < out);
  }

  /**
   * The same multiset with every key replaced by `binOf(key)`, a monotone map (keys stay sorted): values into
   * bins, or bins into bins half as many.
   */
  rekey(binOf: (key: number) => number): void {
    const { keys, counts, sums } = this;
    let size = 0;
    for (let i = 0; i < this.size; i++) {
      const bin = binOf(keys[i]!);
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
      const count = Float64Array.of(n);
      for (const [bag, value] of [[this.starts, this.runStart], [this.ends, this.runEnd]] as const) {
        bag.mergeRuns(Float64Array.of(this.binned ? binOf(value, this.shift) : value), Float64Array.of(value * n), count, 1);
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
    // Breakpoints of A: the values, or the bin edges (a bin's values all lie between its edges, and bins never
    // straddle an edge). Sweeping x downward, the entries whose values are all ≥ x are the highest ones.
    const endLows = this.lows(this.ends);
    const startLows = this.lows(this.starts);
    const keys = unionAscending(this.ends, this.starts);
    // A bin's upper edge is the next bin's lower edge.
    const xs = this.binned ? withNext(keys).map((bin) => binLow(bin, this.shift)).reverse() : keys.reverse();
    const areas = new Float64Array(xs.length);
    let endCursor = this.ends.size - 1;
    let startCursor = this.starts.size - 1;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      for (; endCursor >= 0 && endLows[endCursor]! >= x; endCursor--) {
        sum += this.ends.sums[endCursor]!;
        count += this.ends.counts[endCursor]!;
      }
      for (; startCursor >= 0 && startLows[startCursor]! >= x; startCursor--) {
        sum -= this.starts.sums[startCursor]!;
        count -= this.starts.counts[startCursor]!;
      }
      areas[k] = Math.max(0, sum - x * count);
    }
    return probabilities.map((p) => {
      const target = (1 - p) * totalSec;
      if (target <= areas[0]!) return xs[0]!;
      for (let k = 1; k < xs.length; k++) {
        if (areas[k]! >= target) {
          const [x0, x1, a0, a1] = [xs[k - 1]!, xs[k]!, areas[k - 1]!, areas[k]!];
          return a1 === a0 ? x1 : x0 - ((target - a0) * (x0 - x1)) / (a1 - a0);
        }
      }
      return xs[xs.length - 1]!;
    });
  }

  /** The lowest value each entry of a bag may hold: the value itself, or its bin's lower edge. */
  private lows(bag: SortedBag): Float64Array {
    if (!this.binned) return bag.keys.subarray(0, bag.size) as Float64Array;
    const lows = new Float64Array(bag.size);
    for (let i = 0; i < bag.size; i++) lows[i] = binLow(bag.keys[i]!, this.shift);
    return lows;
  }

  private flush(): void {
    this.commitRun();
    if (this.buffered === 0) return;
    const n = this.buffered;
    this.buffered = 0;
    const { values, keys, counts } = flushScratch;
    for (const [bag, buffer] of [[this.starts, this.bufferStarts], [this.ends, this.bufferEnds]] as const) {
      values.set(buffer.subarray(0, n));
      sortAscending(values, n);
      for (let j = 0; j < n; j++) keys[j] = this.binned ? binOf(values[j]!, this.shift) : values[j]!;
      bag.merge(keys, values, n, counts);
    }
    this.checkLimits();
  }

  private checkLimits(): void {
    if (!this.binned && this.starts.size + this.ends.size > this.exactLimit) {
      this.starts.rekey((value) => binOf(value, 0));
      this.ends.rekey((value) => binOf(value, 0));
      this.binned = true;
    }
    // Both bags halve together: quantiles() reads their bins as one grid.
    while (this.binned && Math.max(this.starts.size, this.ends.size) > this.maxBins) {
      this.starts.rekey(halveBin);
      this.ends.rekey(halveBin);
      this.shift++;
    }
  }
}

/**
 * Bins of relative width 2^(2^shift / 1024) − 1 on positive values. A coarse bin is a pair of the bins one shift
 * finer, `bin >> 1` (a floor), the tiny bin included: TINY_BIN >> shift is the bin just below the first regular
 * one up to shift 12 (20,480, TINY's finest bin negated, is a multiple of 2^12), and beyond that it takes in
 * that bin, whose values then lie between 0 and its upper edge, as the tiny bin's edges say.
 */
function binOf(value: number, shift: number): number {
  return (value <= TINY ? TINY_BIN : Math.floor(Math.log2(value) * BINS_PER_OCTAVE)) >> shift;
}

const halveBin = (bin: number) => bin >> 1;

/** The lower edge of a bin at this shift: that of its lowest finest bin. */
function binLow(coarseBin: number, shift: number): number {
  if (coarseBin === TINY_BIN >> shift) return 0;
  const bin = coarseBin << shift;
  // NOTE: a power per bin cost a tenth of the quantiles; each is computed once per process (every stream's bins
  // fall in this range: TINY up to 2^64 s), and exactly as before, since a table of 2^(k/1024) scaled by powers
  // of two differs from 2 ** (bin / 1024) in the last bit now and then.
  const slot = bin - TINY_BIN;
  if (slot >= BIN_LOWS.length) return 2 ** (bin / BINS_PER_OCTAVE);
  let low = BIN_LOWS[slot]!;
  if (low === 0) low = BIN_LOWS[slot] = 2 ** (bin / BINS_PER_OCTAVE);
  return low;
}

/** Lower edges of bins from TINY_BIN on, filled as they are needed (0: not yet). */
const BIN_LOWS = new Float64Array(64 * BINS_PER_OCTAVE - TINY_BIN);

/** The distinct keys of two bags, ascending. */
function unionAscending(a: SortedBag, b: SortedBag): Float64Array {
  const out = new Float64Array(a.size + b.size);
  let i = 0;
  let j = 0;
  let size = 0;
  while (i < a.size || j < b.size) {
    const key = j >= b.size || (i < a.size && a.keys[i]! <= b.keys[j]!) ? a.keys[i++]! : b.keys[j++]!;
    if (size === 0 || out[size - 1] !== key) out[size++] = key;
  }
  return out.subarray(0, size);
}

/** Ascending distinct bins: each of `bins` and the one after it. */
function withNext(bins: Float64Array): Float64Array {
  const out = new Float64Array(2 * bins.length);
  let size = 0;
  for (const bin of bins) {
    if (size === 0 || out[size - 1] !== bin) out[size++] = bin;
    out[size++] = bin + 1;
  }
  return out.subarray(0, size);
}

/**
 * Sorts values[0, n) ascending in place: quicksort with insertion sort for short ranges. Faster than
 * Float64Array.prototype.sort on a flush's values (2,048 of them, Node 20: 200 µs against about 60 µs).
 */
function sortAscending(values: Float64Array, n: number): void {
  quicksort(values, 0, n - 1);
}

function quicksort(a: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    // Median of three as the pivot.
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // The smaller side by recursion, the larger by the loop: the stack stays logarithmic.
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const value = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > value) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = value;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
