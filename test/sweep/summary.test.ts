import { describe, expect, it } from 'vitest';
import type { RunRecord, RunRow } from '../../src/sweep/runRecord.js';
import { tQuantile975 } from '../../src/metrics/studentT.js';
import { summarizePoint } from '../../src/sweep/summary.js';

const row = (vm: string, loss: number): RunRow => ({
  vm, choice: 'latest', dataLossSecMean: loss, dataLossSecP95: loss, dataLossSecMax: loss, dataLossBytesMean: 0,
  downtimeSecMean: 100, downtimeSecP95: 100, rpoP95Sec: 1, rpoWithinThreshold: 1,
});
const record = (replication: number, rows: RunRow[], status: 'ok' | 'failed' = 'ok'): RunRecord => ({
  index: replication, point: 0, replication, seed: replication, status, error: status === 'ok' ? '' : 'boom', rows,
});

describe('tQuantile975(df)', () => {
  it('matches tables', () => {
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });
});

describe('summarizePoint(point, records)', () => {
  it('averages VMs within a replication, then replications, with a t interval', () => {
    const [s] = summarizePoint(0, [
      record(0, [row('a', 10), row('b', 30)]), // replication mean 20
      record(1, [row('a', 20), row('b', 40)]), // 30
      record(2, [row('a', 30), row('b', 50)]), // 40
      record(3, [], 'failed'),
    ]);
    expect(s).toMatchObject({ choice: 'latest', replications: 3, failedRuns: 1 });
    expect(s!.dataLossSec.mean).toBe(30);
    const half = tQuantile975(2) * 10 / Math.sqrt(3);
    expect(s!.dataLossSec.ci95Low).toBeCloseTo(30 - half, 9);
    expect(s!.dataLossSec.p50).toBe(30);
  });

  it('gives one empty row when every run failed', () => {
    expect(summarizePoint(4, [record(0, [], 'failed')])).toMatchObject([{ point: 4, choice: '', replications: 0, failedRuns: 1 }]);
  });
});
