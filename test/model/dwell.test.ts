// Ransomware dwell time, worked by hand: a corruption found at the disaster t began d earlier, and the clean
// choice recovers the newest point whose source time is ≤ t − d among those still retained at t.
import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../src/metrics/types.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulate.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * One VM writing a constant 1 MB/s over a 1 Gbps link: every byte is uploaded as it is written and applied at
 * once (20 MB/s), so a crash-consistent tag placed at every multiple of 5 min becomes usable 5 min later (the
 * processing delay). ASR's policy with 24 h retention and no app-consistent points.
 */
function asr24h(disasters: { times?: string[]; random?: number }, dwell: string[]) {
  const parsed = parseScenario(
    {
      name: 'dwell',
      horizon: '4d',
      warmup: '2d',
      policy: { kind: 'asr', appConsistentInterval: '0s', retention: '24h' },
      uplinks: [{ name: 'wan', bandwidth: '1 Gbps' }],
      processServers: [{ name: 'ps1', uplink: 'wan' }],
      vms: [{ name: 'vm', processServer: 'ps1', churn: [{ constant: '1 MB/s' }] }],
      disasters: { times: disasters.times ?? [], random: disasters.random ?? 0, dwell },
      output: { sampleInterval: '0s' },
    },
    { source: 'dwell test' },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/**
 * ASR's documented grid, stated for this workload: at t the retained points are every tag of the last 2 hours
 * that is usable (source ≤ t − 5 min), and beyond 2 hours the first tag of each hour (the whole hours), up to
 * 24 hours old. The clean point for dwell d is the newest of them at or before t − d.
 */
function cleanPointByHand(t: number, d: number): number | null {
  let best: number | null = null;
  for (let source = 0; source <= t - 5 * MIN; source += 5 * MIN) {
    const age = t - source;
    const kept = age <= 2 * HOUR || (source % HOUR === 0 && age <= DAY);
    if (kept && source <= t - d) best = source;
  }
  return best;
}

const clean = (records: FailoverRecord[]) => records.filter((r) => r.choice === 'clean');

describe('the clean choice on a constant workload with ASR 24 h retention', () => {
  // t = 3d 10h 17m 30s = 296,250 s.
  const t = 3 * DAY + 10 * HOUR + 17 * MIN + 30;
  const dwell = ['1m', '30m', '2h', '3h', '23h', '23h 30m', '1d', '3d'];
  const result = simulate(asr24h({ times: ['3d 10h 17m 30s'] }, dwell));
  const records = clean(failoverRecords(result.failovers));

  it('recovers the newest retained point from before the corruption, on the pruning grid', () => {
    // Worked by hand (source time of the clean point, data loss = t − source):
    //   1m: t − d = 296,190, but the newest usable tag is 295,800 (10h 10m; 10h 15m is usable only at 10h 20m): loss 7m 30s.
    //   30m: t − d = 294,450 (9h 47m 30s): the tag at 9h 45m, within the last 2 hours, is kept: loss 32m 30s.
    //   2h: t − d = 289,050 (8h 17m 30s): the tag at 8h 15m is 2h 2m 30s old, beyond the keep-all 2 hours and not the
    //       hour's first: pruned. The hour mark 8h (288,000) is kept: loss 2h 17m 30s.
    //   3h: the hour mark 7h (284,400): loss 3h 17m 30s.
    //   23h: t − d = 213,450 (2d 11h 17m 30s): the hour mark 2d 11h (212,400) is 23h 17m 30s old, within 24 h: kept.
    //   23h 30m: t − d = 211,650: the hour mark 2d 10h (208,800) would be 24h 17m 30s old: beyond retention. None.
    //   1d, 3d: none (no point older than the retention is kept).
    const expected = [295_800, 294_300, 288_000, 284_400, 212_400, null, null, null];
    expect(records.map((r) => r.recoveryPointTimeSec)).toEqual(expected);
    expect(records.map((r) => r.dataLossSec)).toEqual([450, 1950, 8250, 11_850, 83_850, null, null, null]);
    // Bytes lost: 1 MB/s × the data loss.
    expect(records.map((r) => r.dataLossBytes)).toEqual([450e6, 1950e6, 8250e6, 11_850e6, 83_850e6, null, null, null]);
    expect(records.map((r) => r.dwellSec)).toEqual([60, 1800, 7200, 10_800, 82_800, 84_600, 86_400, 259_200]);
    // The hand rule gives the same points.
    expect(records.map((r) => cleanPointByHand(t, r.dwellSec!))).toEqual(expected);
  });

  it('says why there is no clean point, and still reports the other choices', () => {
    expect(records[5]!.note).toMatch(/no retained point from before the corruption/);
    expect(failoverRecords(result.failovers).filter((r) => r.choice !== 'clean').map((r) => r.choice)).toEqual(['latest', 'latest-processed', 'latest-app-consistent', 'custom']);
  });

  it('summarises clean once per dwell time in the VM summary', () => {
    const summaries = result.vms[0]!.failover.filter((c) => c.choice === 'clean');
    expect(summaries.map((c) => [c.dwellSec, c.available])).toEqual(dwell.map((_, i) => [records[i]!.dwellSec, i < 5 ? 1 : 0]));
  });

  it('over random disasters: a clean point 23 h back always exists, 23h 30m back half the time, 1 d back never', () => {
    // t − 23h 30m falls at a uniform position r within its hour; the hour mark before it is 23h 30m + r old, kept
    // only when r ≤ 30 min: probability 1/2. At 23 h it is 23 h + r ≤ 24 h old: always. At 1 d: 1 d + r > 1 d.
    const random = clean(failoverRecords(simulate(asr24h({ random: 2000 }, ['23h', '23h 30m', '1d']), { seed: 11 }).failovers));
    const found = (dwellSec: number) => {
      const mine = random.filter((r) => r.dwellSec === dwellSec);
      return mine.filter((r) => r.recoveryPointTimeSec !== null).length / mine.length;
    };
    expect(found(23 * HOUR)).toBe(1);
    expect(found(DAY)).toBe(0);
    // Binomial(2000, 1/2): standard deviation 0.011.
    expect(found(23.5 * HOUR)).toBeGreaterThan(0.45);
    expect(found(23.5 * HOUR)).toBeLessThan(0.55);
    // Every clean point found is the one the hand rule gives.
    for (const r of random) expect(r.recoveryPointTimeSec).toBe(cleanPointByHand(r.disasterTimeSec, r.dwellSec!));
  });
});
