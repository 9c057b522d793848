// Common random numbers: replication k of every point runs with seed base + k, so both strategies see the
// same churn, outages and disaster times. The difference between them then varies much less from
// replication to replication than with independent seeds, and its confidence interval is narrower.
import { fileURLToPath } from 'node:url';
import { deviation, mean } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { loadSweepFile } from '../../src/io/loadSweep.js';
import { executeRun, prepareSweep, type PreparedSweep } from '../../src/sweep/executeRun.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import { tQuantile975 } from '../../src/metrics/studentT.js';

/**
 * The run's mean data loss over VMs when failing over to the latest processed point: most of it is the phase
 * of the disaster within the 5-minute point cycle, which common random numbers share between strategies.
 */
function dataLoss(record: RunRecord): number {
  expect(record.status, record.error).toBe('ok');
  return mean(record.rows.filter((r) => r.choice === 'latest-processed').map((r) => r.dataLossSecMean ?? Number.NaN))!;
}

const runsOfPoint = (sweep: PreparedSweep, point: number) =>
  Array.from({ length: sweep.spec.replications }, (_, k) => dataLoss(executeRun(sweep, point * sweep.spec.replications + k)));

const halfWidth = (n: number, sd: number) => (tQuantile975(n - 1) * sd) / Math.sqrt(n);

describe('common random numbers', () => {
  it('narrow the confidence interval of the difference between two strategies', async () => {
    const loaded = await loadSweepFile(fileURLToPath(new URL('./fixtures/crn.yaml', import.meta.url)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const sweep = prepareSweep(loaded.sweep.input);
    const n = sweep.spec.replications;
    const a = runsOfPoint(sweep, 0);
    const bShared = runsOfPoint(sweep, 1);
    // The same second strategy with seeds no replication of the first uses.
    const bIndependent = runsOfPoint(prepareSweep({ ...loaded.sweep.input, baseSeed: loaded.sweep.input.baseSeed + 10_000 }), 1);

    const crn = halfWidth(n, deviation(a.map((x, k) => x - bShared[k]!))!);
    const independent = tQuantile975(n - 1) * Math.sqrt((deviation(a)! ** 2 + deviation(bIndependent)! ** 2) / n);
    // With these fixed seeds the ratio is about 0.66: the on-off VM's bursts exceed 50 Mbps, so part of the
    // difference is the strategies' own response to the shared bursts, which no pairing removes.
    expect(crn).toBeLessThan(0.8 * independent);
  });
});
