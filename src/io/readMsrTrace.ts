// Reads an MSR Cambridge block trace (Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime; Windows
// FILETIME timestamps in 100-ns ticks) line by line, keeping only per-interval sums: a multi-GB trace is
// never held in memory (with uniqueBlocks, one interval's set of written blocks is).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ChurnTraceData, MsrTraceOptions } from '../scenario/traceData.js';
import { ChurnTraceError } from './readChurnTrace.js';

const TICKS_PER_SEC = 1e7;

export async function readMsrTrace(path: string, options: MsrTraceOptions): Promise<ChurnTraceData> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new ChurnTraceError(`${path}: cannot read the trace (${err.code ?? err.message})`)));
  });
  const bytes: number[] = [];
  let firstTick: number | null = null;
  let current = -1;
  let blocks = new Set<number>();
  const flushBlocks = () => {
    if (current >= 0 && options.uniqueBlocks) bytes[current] = (bytes[current] ?? 0) + blocks.size * options.blockSizeBytes;
    blocks = new Set();
  };
  let lineNo = 0;
  let lastInterval = 0;
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') continue;
      const f = line.split(',');
      if (f.length < 6) throw new ChurnTraceError(`${path}:${lineNo}: expected Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime, found ${JSON.stringify(line)}`);
      const tick = Number(f[0]);
      if (!Number.isFinite(tick)) {
        if (lineNo === 1) continue; // a header row
        throw new ChurnTraceError(`${path}:${lineNo}: expected a FILETIME timestamp, found ${JSON.stringify(f[0])}`);
      }
      // The interval grid starts at the trace's first record, reads included, so that time 0 is its start.
      firstTick ??= tick;
      // Every record, filtered or not, extends the trace: quiet intervals at the end are churn 0, not missing.
      lastInterval = Math.max(lastInterval, Math.floor((tick - firstTick) / TICKS_PER_SEC / options.intervalSec));
      if (f[3]!.trim().toLowerCase() !== 'write') continue;
      if (options.host !== null && f[1]!.trim() !== options.host) continue;
      if (options.disk !== null && Number(f[2]) !== options.disk) continue;
      const offset = Number(f[4]);
      const size = Number(f[5]);
      const interval = Math.floor((tick - firstTick) / TICKS_PER_SEC / options.intervalSec);
      if (interval < current) throw new ChurnTraceError(`${path}:${lineNo}: timestamps go back in time`);
      if (interval !== current) (flushBlocks(), (current = interval));
      if (!options.uniqueBlocks) {
        bytes[interval] = (bytes[interval] ?? 0) + size;
        continue;
      }
      const first = Math.floor(offset / options.blockSizeBytes);
      const last = Math.floor((offset + size - 1) / options.blockSizeBytes);
      for (let b = first; b <= last; b++) blocks.add(b);
    }
  } finally {
    stream.destroy();
  }
  flushBlocks();
  // Intervals with no writes are 0; a trace needs two intervals (the last is as long as the one before).
  const count = Math.max(2, lastInterval + 1);
  return {
    startsSec: Array.from({ length: count }, (_, i) => i * options.intervalSec),
    bytes: Array.from({ length: count }, (_, i) => bytes[i] ?? 0),
  };
}
