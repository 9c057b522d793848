import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcessedHistory } from '../../../src/model/fluid/processedHistory.js';

/** Applied bytes at now: the undelayed processor's at now − D, flat after the newest record (rate 0 since). */
class ProcessingHistory {
  private readonly history: ProcessedHistory;
  constructor(private readonly delaySec: number) {
    this.history = new ProcessedHistory(delaySec);
    this.history.record(0, 0);
  }
  record(t: number, bytes: number): void {
    this.history.record(t, bytes);
  }
  appliedAt(now: number): number {
    return this.history.processedAt(now - this.delaySec);
  }
}

/** processed(t): linear between records, 0 before time 0, flat after the last record. */
function processedAt(times: number[], bytes: number[], t: number): number {
  if (t < 0) return 0;
  let k = 0;
  while (k + 1 < times.length && times[k + 1]! <= t) k++;
  if (k + 1 === times.length) return bytes[k]!;
  return bytes[k]! + ((bytes[k + 1]! - bytes[k]!) * (t - times[k]!)) / (times[k + 1]! - times[k]!);
}

const steps = fc.array(
  fc.record({
    dt: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
    dBytes: fc.double({ min: 0, max: 1e6, noNaN: true }),
    queries: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
  }),
  { maxLength: 60 },
);

describe('ProcessedHistory', () => {
  it('processedAt(t − D) is processed(t − D), linear between records, for forward-moving queries interleaved with records', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 30, 120), steps, (delaySec, history) => {
        const processing = new ProcessingHistory(delaySec);
        // The record at time 0 with 0 bytes is implicit.
        const times = [0];
        const bytes = [0];
        let t = 0;
        let b = 0;
        let lastQuery = 0;
        for (const { dt, dBytes, queries } of history) {
          t += dt;
          b += dBytes;
          processing.record(t, b);
          if (times.at(-1) === t) bytes[bytes.length - 1] = b;
          else (times.push(t), bytes.push(b));
          // Queries come at "now": at or after the newest record (the model advances before it asks), moving forward.
          for (const q of [...queries].sort((x, y) => x - y)) {
            const now = Math.max(lastQuery, t + q * 60);
            lastQuery = now;
            const expected = processedAt(times, bytes, now - delaySec);
            expect(processing.appliedAt(now)).toBeCloseTo(expected, 6);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('processedAt(t − D) is 0 before the delay has passed and the last processed bytes after the last record', () => {
    const processing = new ProcessingHistory(60);
    processing.record(100, 1000);
    expect(processing.appliedAt(30)).toBe(0);
    expect(processing.appliedAt(60)).toBe(0);
    expect(processing.appliedAt(110)).toBe(500);
    expect(processing.appliedAt(160)).toBe(1000);
    processing.record(200, 1000);
    processing.record(200, 3000); // a second record at one instant replaces the first
    expect(processing.appliedAt(210)).toBe(2000);
    expect(processing.appliedAt(260)).toBe(3000);
  });

  it('processedAt(t − D) stays exact over a long run that forgets old records', () => {
    // More than 4096 records behind the query position, so the history is trimmed.
    const processing = new ProcessingHistory(10);
    for (let k = 1; k <= 20_000; k++) {
      processing.record(k, 7 * k);
      if (k % 3 === 0) expect(processing.appliedAt(k + 0.5)).toBeCloseTo(Math.max(0, 7 * (k - 9.5)), 6);
    }
  });
});
