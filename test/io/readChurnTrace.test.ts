import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChurnTrace } from '../../src/io/readChurnTrace.js';

const dir = mkdtempSync(join(tmpdir(), 'rposim-trace-'));
let n = 0;
function traceFile(text: string): string {
  const path = join(dir, `t${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('readChurnTrace', () => {
  it('readChurnTrace(path) shifts the first time to 0', async () => {
    const path = traceFile('time_s,bytes_written\n100,5\n160,0\r\n220,1e3\n\n');
    await expect(readChurnTrace(path)).resolves.toEqual({ startsSec: [0, 60, 120], bytes: [5, 0, 1000] });
  });

  it('readChurnTrace reads a large file row by row', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i * 60},${i % 7}`).join('\n');
    const trace = await readChurnTrace(traceFile(`time_s,bytes_written\n${rows}\n`));
    expect(trace.startsSec).toHaveLength(100_000);
    expect(trace.startsSec[99_999]).toBe(99_999 * 60);
  });

  it.each([
    ['time,bytes\n0,1\n1,1\n', /:1: expected the header time_s,bytes_written, found "time,bytes"/],
    ['time_s,bytes_written\n0,1\n60,x\n', /:3: expected two numbers/],
    ['time_s,bytes_written\n0,1\n60,-1\n', /:3: expected bytes_written from 0 to 1000 PB, found "-1"/],
    ['time_s,bytes_written\n-5,1\n60,1\n', /:2: expected a finite time_s >= 0/],
    ['time_s,bytes_written\n0,1\n60,1\n60,1\n', /:4: expected a time_s at least 1 s after the previous row's \(60\), found "60"/],
    ['time_s,bytes_written\n0,1\n', /expected at least 2 data rows/],
    ['time_s,bytes_written\n0,1\n60,1e400\n', /:3: expected bytes_written from 0 to 1000 PB, found "1e400"/],
    ['time_s,bytes_written\n1e400,1\n60,1\n', /:2: expected a finite time_s >= 0, found "1e400"/],
    ['time_s,bytes_written\n0,1\n0.000001,1\n', /:3: expected a time_s at least 1 s after the previous row's \(0\), found "0.000001"/],
    ['', /expected the header/],
  ])('readChurnTrace rejects %j naming the file and line', async (text, message) => {
    const path = traceFile(text);
    const error = await readChurnTrace(path).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('ChurnTraceError');
    expect(error?.message).toContain(path);
    expect(error?.message).toMatch(message);
  });

  it('readChurnTrace refuses a line longer than 64 KiB and quotes only its start', async () => {
    const path = traceFile(`time_s,bytes_written\n0,${'9'.repeat(100_000)}\n`);
    await expect(readChurnTrace(path)).rejects.toThrow(/:2: expected a line of at most 64 KiB, found a longer one starting "0,9{15}\.\.\."$/);
  });

  it('readChurnTrace of /dev/zero stops at the first line instead of reading forever', async () => {
    await expect(readChurnTrace('/dev/zero')).rejects.toThrow(/^\/dev\/zero:1: expected a line of at most 64 KiB, found a longer one starting "(\\u0000)+\.\.\."$/);
  });

  it('readChurnTrace(path, maxIntervals) stops at the intervals left for it', async () => {
    const path = traceFile('time_s,bytes_written\n0,1\n60,1\n120,1\n');
    await expect(readChurnTrace(path, 2)).rejects.toThrow(/:4: expected at most 20,000,000 intervals in all traces together, found more/);
  });

  it('readChurnTrace names a missing file', async () => {
    await expect(readChurnTrace(join(dir, 'missing.csv'))).rejects.toThrow(/^file not found: .*missing\.csv$/);
  });
});
