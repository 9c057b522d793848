// Reads a churn trace CSV (header time_s,bytes_written; one row per interval) line by line, so that a
// trace of millions of rows is never held as one string.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ChurnTraceData } from '../scenario/traceData.js';

export const TRACE_HEADER = 'time_s,bytes_written';

export class ChurnTraceError extends Error {
  override name = 'ChurnTraceError';
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export async function readChurnTrace(path: string): Promise<ChurnTraceData> {
  const fail = (line: number, expected: string, found: string): never => {
    throw new ChurnTraceError(`${path}:${line}: expected ${expected}, found ${found}`);
  };
  const stream = createReadStream(path, { encoding: 'utf8' });
  // Surface open errors (missing file) as a ChurnTraceError naming the file.
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) =>
      reject(new ChurnTraceError(`${path}: cannot read the trace (${err.code ?? err.message})`)),
    );
  });
  await opened;
  const startsSec: number[] = [];
  const bytes: number[] = [];
  let lineNo = 0;
  let first: number | undefined;
  try {
    for await (const rawLine of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo++;
      const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '').trim() : rawLine.trim();
      if (lineNo === 1) {
        if (line.replace(/\s/g, '') !== TRACE_HEADER) fail(1, `the header ${TRACE_HEADER}`, JSON.stringify(line));
        continue;
      }
      if (line === '') continue;
      const fields = line.split(',').map((f) => f.trim());
      if (fields.length !== 2 || !NUMBER.test(fields[0]!) || !NUMBER.test(fields[1]!)) {
        fail(lineNo, 'two numbers: time_s,bytes_written', JSON.stringify(line));
      }
      const time = Number(fields[0]);
      const written = Number(fields[1]);
      if (time < 0) fail(lineNo, 'a time_s >= 0', fields[0]!);
      if (written < 0) fail(lineNo, 'bytes_written >= 0', fields[1]!);
      first ??= time;
      const shifted = time - first;
      if (startsSec.length > 0 && shifted <= startsSec[startsSec.length - 1]!) {
        fail(lineNo, `a time_s after the previous row's (${startsSec[startsSec.length - 1]! + first})`, fields[0]!);
      }
      startsSec.push(shifted);
      bytes.push(written);
    }
  } finally {
    stream.destroy();
  }
  if (lineNo === 0) fail(1, `the header ${TRACE_HEADER}`, 'an empty file');
  if (startsSec.length < 2) fail(lineNo, 'at least 2 data rows (an interval needs a next start)', `${startsSec.length}`);
  return { startsSec, bytes };
}
