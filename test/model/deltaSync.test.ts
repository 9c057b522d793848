import { failoverRecords } from '../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { oneVmScenario } from '../helpers/policyScenario.js';

const MB = 1e6;
const HOUR = 3600;

/** The source time of the point `latest` recovers at each disaster (null: none). */
const latestPoints = (result: ReturnType<typeof simulate>) => failoverRecords(result.failovers).filter((f) => f.choice === 'latest').map((f) => f.recoveryPointTimeSec);

describe('periodic delta syncs on constant churn λ, unique fraction u, link c > uλ', () => {
  // λ = 1 MB/s, u = 0.5, c = 100 Mbps = 12.5 MB/s (the process server and the apply rate are faster), RPO 1 h.
  // A sync started at s_k sends u·λ·(s_k − s_{k−1}) bytes and completes d_k = that ÷ c later; vSphere starts
  // the next at max(completion, s_k + RPO − d_k). The first instance is the (empty) initial copy at 0, complete
  // at once (d_0 = 0):
  //   k  start s_k        bytes                   d_k           completes        age of the newest before it
  //   1   3 600            0.5·3 600 MB = 1.8 GB   144           3 744            3 744 − 0      = 3 744 (> RPO)
  //   2   3 600+3 600−144  0.5·3 456 MB            138.24        7 194.24         7 194.24 − 3 600 = 3 594.24
  //       = 7 056
  //   3   7 056+3 600−138.24 = 10 517.76           d = 0.04·3 461.76 = 138.4704     10 656.2304 − 7 056 = 3 600.2304
  //   4   10 517.76+3 600−138.4704 = 13 979.2896   138.461184    14 117.750784    3 599.990784
  // The estimate lags one transfer behind, so the newest instance's age peaks a little above or below the RPO in
  // turn, converging to the fixed point T = RPO ÷ (1 + uλ/c) = 3 461.54 s between starts. Above the 1 h threshold:
  // 144 s after the first sync and 0.2304 s before the third completes: two alerts, 144.2304 s.
  it('vSphere Replication: each instance is its sync’s start, on the schedule derived by hand', () => {
    const result = simulate(
      oneVmScenario({
        policy: { kind: 'vsphere-replication', rpo: '1h', uniqueFraction: 0.5 },
        churn: [{ constant: '1 MB/s' }],
        horizon: '4h',
        warmup: '0s',
        choices: ['latest'],
        disasters: ['3743s', '3745s', '7194s', '7195s', '10656s', '10657s', '14117s', '14118s'],
      }),
    );
    const expected = [0, 3600, 3600, 7056, 7056, 10_517.76, 10_517.76, 13_979.2896];
    latestPoints(result).forEach((pointSec, i) => expect(pointSec).toBeCloseTo(expected[i]!, 6));
    const vm = result.vms[0]!;
    expect(vm.rpo.max!).toBeCloseTo(3744, 6);
    expect(vm.rpoAlerts.episodes).toBe(2);
    expect(vm.rpoAlerts.seconds).toBeCloseTo(144.2304, 6);
  });

  // Veeam: jobs on multiples of the interval from midnight (time 0); a run still transferring at a scheduled
  // instant makes the next run wait for the first scheduled instant after it completes. With a 9 GB initial copy
  // (720 s at 12.5 MB/s) and a 5-minute interval:
  //   run at 0 (the initial copy)   completes 720          the runs due at 300 and 600 are skipped
  //   run at 900                    0.5·900 MB = 450 MB    36 s, completes 936
  //   run at 1 200                  0.5·300 MB = 150 MB    12 s, completes 1 212
  //   run at 1 500, …               150 MB, 12 s each
  it('Veeam replication: a run that overruns the interval moves the next to the first scheduled instant after it', () => {
    const result = simulate(
      oneVmScenario({
        policy: { kind: 'veeam-replication', interval: '5m', uniqueFraction: 0.5 },
        churn: [{ constant: '1 MB/s' }],
        usedDisk: '9 GB',
        horizon: '1h',
        warmup: '0s',
        choices: ['latest'],
        disasters: ['719s', '721s', '935s', '937s', '1211s', '1213s', '1511s', '1513s'],
      }),
    );
    expect(latestPoints(result)).toEqual([null, 0, 0, 900, 900, 1200, 1200, 1500]);
    expect(failoverRecords(result.failovers)[0]!.note).toContain('initial replication not finished');
  });

  /** The schedule by its definition: (start, completion) of every sync until the horizon. */
  function referenceSchedule(next: (start: number, completed: number) => number, rate: number, unique: number, link: number, horizonSec: number) {
    const syncs = [{ start: 0, completed: 0 }];
    for (;;) {
      const last = syncs[syncs.length - 1]!;
      const start = next(last.start, last.completed);
      if (start >= horizonSec) return syncs;
      syncs.push({ start, completed: start + (unique * rate * (start - last.start)) / link });
    }
  }

  const products = fc.oneof(
    fc.integer({ min: 5, max: 240 }).map((minutes) => ({
      policy: { kind: 'vsphere-replication', rpo: `${minutes}m` },
      next: (start: number, completed: number) => Math.max(completed, start + minutes * 60 - (completed - start)),
    })),
    fc.integer({ min: 1, max: 240 }).map((minutes) => ({
      policy: { kind: 'veeam-replication', interval: `${minutes}m` },
      next: (start: number, completed: number) => Math.max(Math.floor(start / (minutes * 60)) + 1, Math.ceil(completed / (minutes * 60))) * minutes * 60,
    })),
  );

  it('property: the instance a failover finds is the newest sync completed by then, on the schedule of the definition', () => {
    fc.assert(
      fc.property(
        products,
        fc.double({ min: 0.1 * MB, max: 5 * MB, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 1.2, max: 40, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 12 * HOUR - 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        ({ policy, next }, rate, unique, headroom, times) => {
          const link = Math.min(20 * MB, headroom * unique * rate);
          const syncs = referenceSchedule(next, rate, unique, link, 12 * HOUR);
          // Far enough from every completion that rounding cannot put the disaster on the other side of it.
          const disasters = times.filter((t) => syncs.every((s) => Math.abs(s.completed - t) > 1e-3));
          const result = simulate(
            oneVmScenario({
              policy: { ...policy, uniqueFraction: unique },
              churn: [{ constant: `${rate} B/s` }],
              bandwidth: `${link * 8} bps`,
              horizon: '12h',
              warmup: '0s',
              choices: ['latest'],
              disasters: disasters.map((t) => `${t}s`),
            }),
          );
          const found = latestPoints(result);
          [...disasters].sort((a, b) => a - b).forEach((t, i) => {
            const newest = syncs.filter((s) => s.completed <= t).pop()!;
            expect(found[i]).toBeCloseTo(newest.start, 3);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
