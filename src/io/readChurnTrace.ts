// Reads a churn trace CSV (header time_s,bytes_written; one row per interval) line by line, so that a
// trace of millions of rows is never held as one string, and checks every row: finite numbers, times
// ascending at least LIMITS.minTraceIntervalSec apart, sizes within the quantity limits.
import { excerpt } from '../scenario/issues.js';
import { formatLimit, LIMITS, QUANTITY_LIMITS } from '../scenario/limits.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import { forEachLine } from './readLines.js';

export const TRACE_HEADER = 'time_s,bytes_written';

export class ChurnTraceError extends Error {
  override name = 'ChurnTraceError';
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const TRACE_LINE_BOUNDS = { maxLineBytes: LIMITS.traceLineBytes, maxFileBytes: LIMITS.traceFileBytes };

/** The error for more intervals than the budget left for this trace (all traces share LIMITS.traceIntervals). */
export function tooManyIntervals(path: string, line: number): ChurnTraceError {
  return new ChurnTraceError(`${path}:${line}: expected at most ${formatLimit(LIMITS.traceIntervals)} intervals in all traces together, found more`);
}

export async function readChurnTrace(path: string, maxIntervals: number = LIMITS.traceIntervals): Promise<ChurnTraceData> {
  const fail = (line: number, expected: string, found: string): never => {
    throw new ChurnTraceError(`${path}:${line}: expected ${expected}, found ${found}`);
  };
  const startsSec: number[] = [];
  const bytes: number[] = [];
  let first: number | undefined;
  const lastLine = await forEachLine(path, TRACE_LINE_BOUNDS, (lineNo, rawLine) => {
    const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '').trim() : rawLine.trim();
    if (lineNo === 1) {
      if (line.replace(/\s/g, '') !== TRACE_HEADER) fail(1, `the header ${TRACE_HEADER}`, excerpt(line));
      return;
    }
    if (line === '') return;
    // Two fields by hand (split and map cost more than the rest of the row's checks).
    const comma = line.indexOf(',');
    const timeText = line.slice(0, Math.max(0, comma)).trim();
    const bytesText = line.slice(comma + 1).trim();
    if (comma < 0 || bytesText.includes(',') || !NUMBER.test(timeText) || !NUMBER.test(bytesText)) {
      fail(lineNo, 'two numbers: time_s,bytes_written', excerpt(line));
    }
    const time = Number(timeText);
    const written = Number(bytesText);
    if (!(time >= 0 && Number.isFinite(time))) fail(lineNo, 'a finite time_s >= 0', excerpt(timeText));
    if (!(written >= 0 && written <= QUANTITY_LIMITS.size.max)) fail(lineNo, `bytes_written from 0 to ${QUANTITY_LIMITS.size.text}`, excerpt(bytesText));
    first ??= time;
    const shifted = time - first;
    if (!(shifted <= QUANTITY_LIMITS.duration.max)) {
      fail(lineNo, `a time_s at most ${QUANTITY_LIMITS.duration.text} after the first row's`, excerpt(timeText));
    }
    const previous = startsSec[startsSec.length - 1];
    if (previous !== undefined && !(shifted - previous >= LIMITS.minTraceIntervalSec)) {
      fail(lineNo, `a time_s at least ${LIMITS.minTraceIntervalSec} s after the previous row's (${previous + first})`, excerpt(timeText));
    }
    if (startsSec.length >= maxIntervals) throw tooManyIntervals(path, lineNo);
    startsSec.push(shifted);
    bytes.push(written);
  });
  if (lastLine === 0) fail(1, `the header ${TRACE_HEADER}`, 'an empty file');
  if (startsSec.length < 2) fail(lastLine, 'at least 2 data rows (an interval needs a next start)', `${startsSec.length}`);
  return { startsSec, bytes };
}
