/**
 * Logarithmic bins on positive values (SawtoothQuantiles'): the finest are 1,024 an octave, a value's finest bin
 * being ⌊log2(value) × 1024⌋, and a bin at `shift` is 2^shift finest bins, of relative width
 * 2^(2^shift / 1024) − 1. A coarse bin is a pair of the bins one shift finer, `bin >> 1` (a floor), the tiny
 * bin included: TINY_BIN >> shift is the bin just below the first regular one up to shift 12 (20,480, TINY's
 * finest bin negated, is a multiple of 2^12), and beyond that it takes in that bin, whose values then lie
 * between 0 and its upper edge, as the tiny bin's edges say.
 */
export const BINS_PER_OCTAVE = 1024;
/** Values up to 2^-20 s (about 1 µs) share one bin, with edges 0 and TINY. */
const TINY = 2 ** -20;
const TINY_BIN = Math.floor(Math.log2(TINY) * BINS_PER_OCTAVE) - 1;

export function binOf(value: number, shift: number): number {
  return (value <= TINY ? TINY_BIN : finestBin(value)) >> shift;
}

/** The lower edge of a bin at this shift: that of its lowest finest bin. */
export function binLow(coarseBin: number, shift: number): number {
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

/**
 * Math.floor(Math.log2(value) * 1024), exactly, for any number. A value is 2^e × m with m in [1, 2), so its
 * finest bin is 1024 e plus that of m. The bin of m is read from a table on m's leading 13 bits, for every such
 * cell that lies more than 2^-30 (in relative terms) from every bin edge 2^(k/1024): there, Math.log2's rounding
 * (below 2^-45 of a bin's width for every finite value) cannot move the floor, so the table gives what
 * Math.log2 gives. The other cells (one in eight, those near an edge) and values that are not positive normal
 * numbers take Math.log2 itself.
 * NOTE: Math.log2 was a quarter of the quantiles' cost: it is a call into the runtime, where this is a few
 * loads and shifts.
 */
export function finestBin(value: number): number {
  bits[0] = value;
  const high = words[HIGH_WORD]!;
  const biased = (high >>> 20) & 0x7ff;
  const cell = CELLS[(high >>> (20 - CELL_BITS)) & ((1 << CELL_BITS) - 1)]!;
  // Zero, subnormals, infinities and NaN (biased 0 or 0x7ff), negative values, and cells near an edge.
  if (cell === NEAR_EDGE || biased === 0 || biased === 0x7ff || high >>> 31 !== 0) return Math.floor(Math.log2(value) * BINS_PER_OCTAVE);
  return (biased - 1023) * BINS_PER_OCTAVE + cell;
}

const CELL_BITS = 13;
const NEAR_EDGE = -1;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** The word of a double that holds its sign, exponent and leading mantissa bits, on this machine. */
const HIGH_WORD = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f ? 1 : 0;
/** For each cell of m's leading bits, the bin of every m in it, or NEAR_EDGE. */
const CELLS = (() => {
  const count = 1 << CELL_BITS;
  const margin = 2 ** -30;
  const cells = new Int16Array(count);
  for (let c = 0; c < count; c++) {
    const lowBin = Math.floor(Math.log2((1 + c / count) * (1 - margin)) * BINS_PER_OCTAVE);
    const highBin = Math.floor(Math.log2((1 + (c + 1) / count) * (1 + margin)) * BINS_PER_OCTAVE);
    cells[c] = lowBin === highBin ? lowBin : NEAR_EDGE;
  }
  return cells;
})();
