import { binOf } from './logBins.js';

/** The most values sortByBin sorts at once (SawtoothQuantiles' batch). */
export const SORT_BY_BIN_MAX = 1024;
/** Bins spanning fewer than this sort by radix, two passes of a byte each; wider spans by comparison. */
const RADIX_SPAN = 1 << 16;
/** Scratch: each value's bin (less the lowest), a pass's output, and the counts of a byte's values. */
const scratch = {
  bins: new Int32Array(SORT_BY_BIN_MAX),
  values: new Float64Array(SORT_BY_BIN_MAX),
  offsets: new Int32Array(SORT_BY_BIN_MAX),
  counts: new Int32Array(256),
};

/**
 * sorted[0, n) = values[0, n) in ascending order, and keys[0, n) = their bins at `shift` (logBins): a radix sort
 * by bin, then an insertion sort that only moves values within their bin (bins are ordered as their values
 * are). The order is the one a sort of the values gives, so the sums made from it are the same; each value's
 * bin is found once, and no value is compared with one outside its bin. Values whose bins span too widely are
 * sorted by comparison.
 */
export function sortByBin(values: Float64Array, n: number, shift: number, sorted: Float64Array, keys: Float64Array): void {
  if (n > SORT_BY_BIN_MAX) throw new RangeError(`sortByBin sorts at most ${SORT_BY_BIN_MAX} values, got ${n}`);
  const { bins, values: passValues, offsets: passOffsets } = scratch;
  let low = Infinity;
  let high = -Infinity;
  for (let j = 0; j < n; j++) {
    const bin = binOf(values[j]!, shift);
    bins[j] = bin;
    if (bin < low) low = bin;
    if (bin > high) high = bin;
  }
  if (!(high - low < RADIX_SPAN)) {
    sortByComparison(values, n, shift, sorted, keys);
    return;
  }
  for (let j = 0; j < n; j++) bins[j]! -= low;
  // By the low byte into the pass columns, then by the high byte into the output: a stable sort of the bins.
  radixPass(values, bins, n, 0, passValues, passOffsets);
  radixPass(passValues, passOffsets, n, 8, sorted, bins);
  for (let j = 0; j < n; j++) keys[j] = bins[j]! + low;
  insertionSort(sorted, 0, n - 1);
}

function sortByComparison(values: Float64Array, n: number, shift: number, sorted: Float64Array, keys: Float64Array): void {
  sorted.set(values.subarray(0, n));
  quicksort(sorted, 0, n - 1);
  for (let j = 0; j < n; j++) keys[j] = binOf(sorted[j]!, shift);
}

/** One stable counting pass on the byte of `offsets` at `bit`: (values, offsets) into (outValues, outOffsets). */
function radixPass(values: Float64Array, offsets: Int32Array, n: number, bit: number, outValues: Float64Array, outOffsets: Int32Array): void {
  const { counts } = scratch;
  counts.fill(0);
  for (let j = 0; j < n; j++) counts[(offsets[j]! >>> bit) & 255]!++;
  let start = 0;
  for (let b = 0; b < 256; b++) {
    const count = counts[b]!;
    counts[b] = start;
    start += count;
  }
  for (let j = 0; j < n; j++) {
    const offset = offsets[j]!;
    const slot = counts[(offset >>> bit) & 255]!++;
    outValues[slot] = values[j]!;
    outOffsets[slot] = offset;
  }
}

/** Quicksort with insertion sort for short ranges: faster than Float64Array.prototype.sort on 1,024 values. */
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
  insertionSort(a, lo, hi);
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
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
