// Reads an MSR Cambridge block trace (Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime; Windows
// FILETIME timestamps in 100-ns ticks) line by line, keeping only per-interval sums: a multi-GB trace is
// never held in memory. Quiet intervals cost nothing: a run of them is one row of 0 (a two-year gap at a
// 1-second interval is two rows, not 63 million).
import { excerpt } from '../scenario/issues.js';
import { LIMITS, QUANTITY_LIMITS } from '../scenario/limits.js';
import type { ChurnTraceData, MsrTraceOptions } from '../scenario/traceData.js';
import { ChurnTraceError, TRACE_LINE_BOUNDS, tooManyIntervals } from './readChurnTrace.js';
import { forEachLine } from './readLines.js';

const TICKS_PER_SEC = 1e7;
/** A single request larger than this is not a block I/O: the file is not what it claims to be. */
const MAX_REQUEST_BYTES = 2 ** 30;
const WHOLE = /^\d+$/;
const FIELDS = 'Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime';

/**
 * Per-interval writes as trace rows, leaving out runs of quiet intervals: interval k writing b becomes the row
 * (k · interval, b), and a zero row marks where writing stops. The rows mean exactly what one row per interval
 * would (rates are constant between rows), with as many rows as intervals that write, plus two per gap.
 */
class SparseIntervals {
  readonly startsSec: number[] = [];
  readonly bytes: number[] = [];
  /** Index of the interval of the last row, -1 before any. */
  private last = -1;

  constructor(
    private readonly intervalSec: number,
    private readonly maxRows: number,
    private readonly where: () => ChurnTraceError,
  ) {}

  private push(k: number, bytes: number): void {
    if (this.startsSec.length >= this.maxRows) throw this.where();
    this.startsSec.push(k * this.intervalSec);
    this.bytes.push(bytes);
    this.last = k;
  }

  /** Interval k (ascending) writes bytes > 0. */
  add(k: number, bytes: number): void {
    if (this.last === -1 && k > 0) this.push(0, 0); // a trace starts at 0
    else if (this.last >= 0 && k > this.last + 1 && this.bytes[this.bytes.length - 1]! > 0) this.push(this.last + 1, 0);
    this.push(k, bytes);
  }

  /**
   * The trace lasts to the end of interval lastK (at least two intervals). The model takes the last row to last
   * as long as the gap before it, so the rows end with two rows one interval apart.
   */
  finish(lastK: number): ChurnTraceData {
    const end = Math.max(1, lastK);
    if (this.last === -1) this.push(0, 0);
    if (this.last < end) {
      if (this.bytes[this.bytes.length - 1]! > 0) this.push(this.last + 1, 0);
      if (this.last < end - 1) this.push(end - 1, 0);
      if (this.last < end) this.push(end, 0);
    } else if (this.startsSec.length < 2 || this.startsSec[this.startsSec.length - 2]! !== (end - 1) * this.intervalSec) {
      // The last interval writes and the one before was quiet: put the quiet row back just before it.
      const bytes = this.bytes.pop()!;
      this.startsSec.pop();
      this.push(end - 1, 0);
      this.push(end, bytes);
    }
    return { startsSec: this.startsSec, bytes: this.bytes };
  }
}

/** Blocks written in one interval, as ranges of block numbers: a 1 GiB request is one range, not 262,144 blocks. */
function uniqueBlockCount(firsts: number[], lasts: number[]): number {
  const order = firsts.map((_, i) => i).sort((a, b) => firsts[a]! - firsts[b]!);
  let count = 0;
  let end = -1;
  for (const i of order) {
    const first = Math.max(firsts[i]!, end + 1);
    if (lasts[i]! >= first) count += lasts[i]! - first + 1;
    end = Math.max(end, lasts[i]!);
  }
  return count;
}

export async function readMsrTrace(path: string, options: MsrTraceOptions, maxIntervals: number = LIMITS.traceIntervals): Promise<ChurnTraceData> {
  let lineNo = 0;
  const fail = (expected: string, found: string): never => {
    throw new ChurnTraceError(`${path}:${lineNo}: expected ${expected}, found ${found}`);
  };
  const rows = new SparseIntervals(options.intervalSec, maxIntervals, () => tooManyIntervals(path, lineNo));
  let firstTick: number | null = null;
  let lastInterval = 0;
  // The interval being summed: its writes in bytes, or its requests' block ranges with uniqueBlocks.
  let current = -1;
  let written = 0;
  let firsts: number[] = [];
  let lasts: number[] = [];
  const flush = () => {
    const bytes = options.uniqueBlocks ? uniqueBlockCount(firsts, lasts) * options.blockSizeBytes : written;
    if (current >= 0 && bytes > 0) rows.add(current, bytes);
    written = 0;
    firsts = [];
    lasts = [];
  };
  await forEachLine(path, TRACE_LINE_BOUNDS, (n, line) => {
    lineNo = n;
    if (line.trim() === '') return;
    const f = line.split(',').map((field) => field.trim());
    if (f.length < 6) fail(FIELDS, excerpt(line));
    if (!WHOLE.test(f[0]!)) {
      if (lineNo === 1) return; // a header row
      fail('a FILETIME timestamp (a whole number of 100-ns ticks)', excerpt(f[0]!));
    }
    const tick = Number(f[0]);
    // The interval grid starts at the trace's first record, reads included, so that time 0 is its start.
    firstTick ??= tick;
    const sinceFirstSec = (tick - firstTick) / TICKS_PER_SEC;
    if (sinceFirstSec > QUANTITY_LIMITS.duration.max) fail(`a timestamp at most ${QUANTITY_LIMITS.duration.text} after the first record's`, excerpt(f[0]!));
    const interval = Math.floor(sinceFirstSec / options.intervalSec);
    if (interval < lastInterval) fail(`timestamps in ascending order (at least to the ${options.intervalSec} s interval)`, excerpt(f[0]!));
    // Every record, filtered or not, extends the trace: quiet intervals at the end are churn 0, not missing.
    lastInterval = interval;
    const type = f[3]!.toLowerCase();
    if (type !== 'write' && type !== 'read') fail('Type Read or Write', excerpt(f[3]!));
    if (!WHOLE.test(f[4]!) || !Number.isSafeInteger(Number(f[4]))) fail('an Offset in bytes (a whole number)', excerpt(f[4]!));
    if (!WHOLE.test(f[5]!) || Number(f[5]) > MAX_REQUEST_BYTES) fail('a Size in bytes from 0 to 1 GiB (a whole number)', excerpt(f[5]!));
    if (type !== 'write') return;
    if (options.host !== null && f[1] !== options.host) return;
    if (options.disk !== null && Number(f[2]) !== options.disk) return;
    if (interval !== current) {
      flush();
      current = interval;
    }
    const offset = Number(f[4]);
    const size = Number(f[5]);
    if (!options.uniqueBlocks) written += size;
    else if (size > 0) {
      firsts.push(Math.floor(offset / options.blockSizeBytes));
      lasts.push(Math.floor((offset + size - 1) / options.blockSizeBytes));
    }
  });
  flush();
  if (firstTick === null) throw new ChurnTraceError(`${path}: expected MSR Cambridge records (${FIELDS}), found none`);
  return rows.finish(lastInterval);
}
