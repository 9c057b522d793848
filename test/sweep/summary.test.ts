import { describe, expect, it } from 'vitest';
import type { RunRecord, RunRow } from '../../src/sweep/runRecord.js';
import { tQuantile975 } from '../../src/metrics/studentT.js';
import { summarizePoint } from '../../src/sweep/summary.js';

const row = (vm: string, loss: number, extra: Partial<RunRow> = {}): RunRow => ({
  vm, choice: 'latest', dataLossSecMean: loss, dataLossSecP95: loss, dataLossSecMax: loss, dataLossBytesMean: 0,
  downtimeSecMean: 100, downtimeSecP95: 100, rpoP95Sec: 1, rpoWithinThreshold: 1, disasters: 10, withPoint: 10, noPointReason: '',
  ...extra,
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

  it('reports the worst VM beside the mean: the mean hides a VM that misses its RPO', () => {
    const within = (a: number, b: number) => [row('a', 0, { rpoWithinThreshold: a }), row('b', 0, { rpoWithinThreshold: b })];
    const [s] = summarizePoint(0, [record(0, within(1, 0.9)), record(1, within(0.99, 0.95))]);
    expect(s!.rpoWithinThresholdMean).toBeCloseTo((0.95 + 0.97) / 2, 12);
    expect(s!.rpoWithinThresholdWorstVmMean).toBeCloseTo((0.9 + 0.95) / 2, 12);
    expect(s!.rpoWithinThresholdWorstVmMin).toBe(0.9);
  });

  it('counts a VM that never had a point as 0 in the worst VM, not as missing', () => {
    const [s] = summarizePoint(0, [record(0, [row('a', 0), row('b', 0, { rpoWithinThreshold: null })])]);
    expect(s!.rpoWithinThresholdMean).toBe(1);
    expect(s!.rpoWithinThresholdWorstVmMean).toBe(0);
  });

  it('carries how many failovers had a point and why the others had none', () => {
    const off = 'no app-consistent point: app-consistent points are off';
    const late = 'initial replication not finished: no replica in Azure';
    const [s] = summarizePoint(0, [
      record(0, [row('a', 0, { withPoint: 0, noPointReason: off }), row('b', 0, { withPoint: 3, noPointReason: `${late}; ${off}` })]),
      record(1, [row('a', 0, { withPoint: 0, noPointReason: off }), row('b', 0)]),
    ]);
    expect(s).toMatchObject({ failovers: 40, withPoint: 13, noPointReason: `${off}; ${late}` });
  });

  it('gives one empty row when every run failed', () => {
    expect(summarizePoint(4, [record(0, [], 'failed')])).toMatchObject([{ point: 4, choice: '', replications: 0, failedRuns: 1 }]);
  });
});
