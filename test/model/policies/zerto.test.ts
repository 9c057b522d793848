import { failoverRecords } from '../../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zertoPolicy } from '../../../src/model/policies/zerto.js';
import type { ZertoPolicySpec } from '../../../src/scenario/types.js';
import { simulate } from '../../../src/simulate.js';
import { constantWorkload, feed, range, retainedSources, workloadView, type RateStep } from '../../helpers/pointStores.js';
import { oneVmScenario } from '../../helpers/policyScenario.js';

const MB = 1e6;
const GB = 1e9;
const HOUR = 3600;

const spec = (journalHistorySec: number, journalLimitBytes: number | null): ZertoPolicySpec => ({
  kind: 'zerto',
  checkpointIntervalSec: 5,
  journalHistorySec,
  journalLimitBytes,
  appConsistentIntervalSec: 0,
  rpoThresholdSec: 300,
});

// Worked example: 4 MB/s from time 0, a checkpoint every 5 s, usable at once; 1 h of history.
//   Without a limit the journal reaches back 1 h: at 20 000 s, the checkpoints 16 400 … 20 000 s (721), holding
//   3 600 s × 4 MB/s = 14.4 GB.
//   With the minimum hard limit, 8 GB, it holds 8 GB ÷ 4 MB/s = 2 000 s: 18 000 … 20 000 s (401); the history has
//   shrunk to 2 000 s because the journal is full.
describe('Zerto journal: a checkpoint every 5 s, history bounded in time and by the hard limit', () => {
  it('keeps every checkpoint of the last hour, or of the last 2 000 s when 8 GB is all the journal may hold', () => {
    const workload = constantWorkload(4 * MB);
    const open = zertoPolicy(spec(HOUR, null)).createStore(workload);
    feed(open, range(0, 20_000, 5), workload.bytesAt);
    expect(retainedSources(open, 20_000)).toEqual(range(16_400, 20_000, 5));
    expect(open.retainedCount(20_000)).toBe(721);

    const limited = constantWorkload(4 * MB);
    const full = zertoPolicy(spec(HOUR, 8 * GB)).createStore(limited);
    feed(full, range(0, 20_000, 5), limited.bytesAt);
    full.prune(19_000);
    expect(retainedSources(full, 20_000)).toEqual(range(18_000, 20_000, 5));
    expect(full.retainedCount(20_000)).toBe(401);
    expect(full.oldestRetained(20_000)!.workloadBytes).toBe(18_000 * 4 * MB);
  });

  it('simulate(): the history actually available is 2 000 s at every sample, and custom finds nothing 1 h old', () => {
    const result = simulate(oneVmScenario({ policy: { kind: 'zerto', journalHistory: '1h', journalLimit: '8 GB' }, disasters: ['20h'], choices: ['latest', 'custom'], customPointAge: '1h', sampleInterval: '1h' }));
    const vm = result.vms[0]!;
    expect(vm.recoveryPointsCreated).toBe(86_400 / 5 + 1); // 0, 5, …, 86 400 s
    expect(vm.recoveryPointsRetainedAtEnd).toBe(401);
    // Hourly from the 2 h warm-up to the 24 h horizon: 23 samples, each 2 000 s of history and 8 GB of journal.
    expect(vm.retention).toEqual({ intervalSec: HOUR, samples: 23, storageMeanBytes: 8 * GB, storagePeakBytes: 8 * GB, oldestPointAgeMeanSec: 2000, oldestPointAgeMinSec: 2000 });
    for (const sample of result.timeseries.filter((s) => s.timeSec >= 2000)) expect(sample.oldestPointAgeSec).toBe(2000);
    const [latest, custom] = failoverRecords(result.failovers);
    expect(latest!.recoveryPointTimeSec).toBe(20 * HOUR);
    expect(custom!.recoveryPointTimeSec).toBeNull();
    expect(custom!.note).toContain('no retained point');
    // Without the limit, a disaster at 20 h goes back to the checkpoint exactly 1 h old.
    const open = simulate(oneVmScenario({ policy: { kind: 'zerto', journalHistory: '1h' }, disasters: ['20h'], choices: ['custom'], customPointAge: '1h' }));
    expect(failoverRecords(open.failovers)[0]!.recoveryPointTimeSec).toBe(19 * HOUR);
    expect(open.vms[0]!.retention.oldestPointAgeMinSec).toBe(HOUR);
  });

  it('simulate(): data still on its way takes no journal space: a link outage does not shrink the history', () => {
    // The link is down from 10 h to 11 h; the newest checkpoint stays at 36 000 s (10 h) meanwhile. The journal
    // holds what has arrived: 8 GB reach back to 36 000 − 2 000 = 34 000 s, and 1 h of history to 37 800 − 3 600 =
    // 34 200 s at 10 h 30 min, so a point 40 min old (at or before 35 400 s) is still there. Counting the writes
    // waiting at the source would have pushed the oldest checkpoint to 37 800 − 2 000 = 35 800 s, past it.
    const result = simulate(
      oneVmScenario({ policy: { kind: 'zerto', journalHistory: '1h', journalLimit: '8 GB' }, linkOutages: [{ start: '10h', duration: '1h' }], disasters: ['10h30m'], choices: ['latest', 'custom'], customPointAge: '40m', sampleInterval: '30m' }),
    );
    const [latest, custom] = failoverRecords(result.failovers);
    expect(latest!.recoveryPointTimeSec).toBe(36_000);
    expect(custom!.recoveryPointTimeSec).toBe(35_400);
    const atHalfPast = result.timeseries.find((s) => s.timeSec === 37_800)!;
    expect(atHalfPast.oldestPointAgeSec).toBe(HOUR);
  });

  // A workload whose rate changes every few minutes, between idle and 20 MB/s.
  const bursty = fc
    .array(fc.record({ lengthSec: fc.integer({ min: 60, max: 3 * HOUR }), rate: fc.oneof(fc.constant(0), fc.double({ min: 0.1 * MB, max: 20 * MB, noNaN: true })) }), { minLength: 1, maxLength: 30 })
    .map((pieces) => {
      const steps: RateStep[] = [];
      let t = 0;
      for (const piece of pieces) {
        steps.push({ startSec: t, rateBytesPerSec: piece.rate });
        t += piece.lengthSec;
      }
      return { steps, endSec: t };
    });

  it('property: history ≤ the configured history, the journal never holds more than its limit, and history is short of the configuration only when one more checkpoint would not fit', () => {
    fc.assert(
      fc.property(bursty, fc.constantFrom(HOUR, 4 * HOUR, 24 * HOUR), fc.option(fc.double({ min: 8 * GB, max: 100 * GB, noNaN: true }), { nil: null }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), ({ steps, endSec }, historySec, limitBytes, fractions) => {
        const workload = workloadView(steps);
        const journal = zertoPolicy(spec(historySec, limitBytes)).createStore(workload);
        const checkpoints = range(0, endSec, 5);
        let fed = 0;
        for (const fraction of [...fractions].sort((a, b) => a - b)) {
          const now = Math.floor((fraction * endSec) / 5) * 5;
          while (fed < checkpoints.length && checkpoints[fed]! <= now) {
            journal.add(checkpoints[fed]!, workload.bytesAt(checkpoints[fed]!), checkpoints[fed]!, 'crash-consistent');
            fed++;
          }
          const newest = journal.newest()!;
          const oldest = journal.oldestRetained(now)!;
          const history = newest.sourceTimeSec - oldest.sourceTimeSec;
          expect(history).toBeLessThanOrEqual(historySec);
          const held = newest.workloadBytes - oldest.workloadBytes;
          const slack = 1e-6 * newest.workloadBytes + 1;
          if (limitBytes !== null) expect(held).toBeLessThanOrEqual(limitBytes + slack);
          if (history < Math.min(historySec, now) - 5) {
            // Shorter than configured: only because the checkpoint before the oldest would overflow the limit.
            expect(limitBytes).not.toBeNull();
            expect(newest.workloadBytes - workload.bytesAt(oldest.sourceTimeSec - 5)).toBeGreaterThan(limitBytes! - slack);
          }
          journal.prune(now);
        }
      }),
      { numRuns: 80 },
    );
  });
});
