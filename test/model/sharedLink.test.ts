import { failoverRecords } from '../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FailoverRecord, SimulationResult } from '../../src/metrics/types.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { waterFill } from '../reference/waterFill.js';

// Background traffic on an uplink and ASR's bandwidth throttling of a process server (issue 14).
const MB = 1e6;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** A scenario from its file form: one VM per churn rate behind ps1, nothing random, no samples unless asked. */
function scenarioOf(input: Record<string, unknown>): Scenario {
  const parsed = parseScenario(
    { name: 'shared-link', warmup: '0s', disasters: { random: 0 }, output: { sampleInterval: 0 }, ...input },
    { source: 'sharedLink.test' },
  );
  if (!parsed.ok) throw new Error(formatIssues(parsed.errors));
  return parsed.scenario;
}

/** A process server and VMs that never limit the link: only the uplink (and a cap) decide the upload. */
const roomyServer = { throughput: '100 GB/s', cache: '100 TB' };
const roomyVm = (name: string, churn: string, processServer = 'ps1') => ({
  name,
  processServer,
  maxReplicationRate: '100 GB/s',
  applyRate: '100 GB/s',
  churn: [{ constant: churn }],
});

const uploaded = (result: SimulationResult) => result.vms.reduce((sum, vm) => sum + vm.bytesUploaded, 0);

describe('background traffic on an uplink', () => {
  it('replication gets the bandwidth minus the background traffic while the background is below the link rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1000 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (mbps, fraction) => {
        const bandwidth = (mbps * 1e6) / 8;
        const background = fraction * bandwidth;
        // Two VMs writing more than the whole link: both always have data waiting.
        const result = simulate(
          scenarioOf({
            horizon: '1h',
            uplinks: [{ name: 'wan', bandwidth: `${mbps} Mbps`, background: { priority: [{ constant: `${background} B/s` }] } }],
            processServers: [{ name: 'ps1', uplink: 'wan', ...roomyServer }],
            vms: [roomyVm('a', `${bandwidth} B/s`), roomyVm('b', `${bandwidth} B/s`)],
          }),
        );
        expect(uploaded(result) / HOUR).toBeCloseTo(bandwidth - background, 3);
        expect(result.uplinks[0]!.utilisation).toBeCloseTo(1 - fraction, 9);
        expect(result.uplinks[0]!.backgroundBytes! / HOUR).toBeCloseTo(background, 3);
      }),
      { numRuns: 20 },
    );
  });

  it('a QoS share reserves its fraction of the link, used or not; background above the link rate leaves replication nothing', () => {
    const run = (background: Record<string, unknown>) =>
      simulate(
        scenarioOf({
          horizon: '1h',
          uplinks: [{ name: 'wan', bandwidth: '100 Mbps', background }],
          processServers: [{ name: 'ps1', uplink: 'wan', ...roomyServer }],
          vms: [roomyVm('a', '20 MB/s')],
        }),
      );
    // 100 Mbps = 12.5 MB/s; 30% reserved leaves 8.75 MB/s.
    const shared = run({ share: '30%' });
    expect(shared.vms[0]!.bytesUploaded).toBeCloseTo(8.75 * MB * HOUR, -3);
    expect(shared.uplinks[0]!.backgroundBytes).toBeCloseTo(3.75 * MB * HOUR, -3);
    // 150 Mbps of other traffic on a 100 Mbps link: it takes the link (12.5 MB/s carried), replication waits.
    const flooded = run({ priority: [{ constant: '150 Mbps' }] });
    expect(flooded.vms[0]!.bytesUploaded).toBe(0);
    expect(flooded.uplinks[0]!.backgroundBytes).toBeCloseTo(12.5 * MB * HOUR, -3);
  });

  it('a nightly backup that fills the link from 01:00 to 03:00: the RPO and data loss worked by hand', () => {
    // 100 Mbps = 12.5 MB/s; the backup sends 100 GB in 2 h (13.9 MB/s), more than the link: replication gets
    // nothing from 01:00 to 03:00. The VM writes 2 MB/s; points every 5 min, usable 5 min after processing
    // passes them; apply (20 MB/s) keeps up with any upload here.
    const result = simulate(
      scenarioOf({
        horizon: '1d',
        uplinks: [{ name: 'wan', bandwidth: '100 Mbps', background: { priority: [{ window: { start: '01:00', duration: '2h', volume: '100 GB' } }] } }],
        processServers: [{ name: 'ps1', uplink: 'wan' }],
        vms: [{ name: 'db', processServer: 'ps1', churn: [{ constant: '2 MB/s' }] }],
        disasters: { times: ['2h', '3h', '3h10m'], random: 0 },
      }),
    );
    const at = (timeSec: number, choice: FailoverRecord['choice']) =>
      failoverRecords(result.failovers).find((f) => f.disasterTimeSec === timeSec && f.choice === choice)!;
    // Everything written up to 01:00 was uploaded as it was written; nothing after it until 03:00.
    expect(at(2 * HOUR, 'latest').dataLossSec).toBeCloseTo(HOUR, 6);
    expect(at(2 * HOUR, 'latest').dataLossBytes).toBeCloseTo(7.2e9, -2);
    expect(at(2 * HOUR, 'latest-processed').dataLossSec).toBeCloseTo(HOUR, 6); // the 01:00 point
    expect(at(3 * HOUR, 'latest').dataLossBytes).toBeCloseTo(14.4e9, -2);
    expect(at(3 * HOUR, 'latest-processed').dataLossSec).toBeCloseTo(2 * HOUR, 6);
    // From 03:00 the backlog drains at 12.5 MB/s: by 03:10 the upload has reached data written at
    // 01:00 + 600 s × 12.5 / 2 = 02:02:30, so 'latest' loses 4050 s (8.1 GB). The tag of source time τ is uploaded
    // at 03:00 + (τ − 01:00) × 2 / 12.5 and usable 5 min later: the newest usable at 03:10 is 01:30's.
    expect(at(3 * HOUR + 600, 'latest').dataLossSec).toBeCloseTo(4050, 3);
    expect(at(3 * HOUR + 600, 'latest').dataLossBytes).toBeCloseTo(8.1e9, -2);
    expect(at(3 * HOUR + 600, 'latest-processed').dataLossSec).toBeCloseTo(6000, 6);
    // The worst RPO: the 01:00 point's age just before 01:05's becomes usable at 03:00:48 + 5 min.
    const [vm] = result.vms;
    expect(vm!.rpo.max).toBeCloseTo(7548, 3);
    // One RPO alert: from 01:15 (the 01:00 point 15 min old) until 03:15's point, usable at 03:26:36 with an age of
    // 696 s (03:10's, usable at 03:25:48, is still 948 s old).
    expect(vm!.rpoAlerts.episodes).toBe(1);
    expect(vm!.rpoAlerts.seconds).toBeCloseTo(12_396 - 4500, 3);
    // The backup carried 12.5 MB/s for 2 h.
    expect(result.uplinks[0]!.backgroundBytes).toBeCloseTo(90e9, -2);
  });
});

describe('bandwidth throttling of a process server', () => {
  it('caps the upload exactly in its hours: work hours on work days at one cap, every other time at the other', () => {
    // The VM writes 10 MB/s; work hours (Mon-Fri 09:00-18:00) allow 4 MB/s (32 Mbps), other hours 8 MB/s
    // (64 Mbps), the link 12.5 MB/s: the backlog grows 6 MB/s in work hours and 2 MB/s otherwise. Day 0 is Monday.
    const result = simulate(
      scenarioOf({
        horizon: '6d',
        uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
        processServers: [{ name: 'ps1', uplink: 'wan', ...roomyServer, bandwidthThrottling: { workHourBandwidth: '32 Mbps', nonWorkHourBandwidth: '64 Mbps' } }],
        vms: [roomyVm('db', '10 MB/s')],
        output: { sampleInterval: '5m' },
      }),
    );
    const backlog = new Map(result.timeseries.map((s) => [s.timeSec, s.unuploadedBytes]));
    const slope = (fromSec: number) => (backlog.get(fromSec + 300)! - backlog.get(fromSec)!) / 300;
    for (let day = 0; day < 5; day++) {
      const d = day * DAY;
      expect(slope(d + 8 * HOUR + 55 * 60)).toBeCloseTo(2 * MB, 0); // 08:55-09:00
      expect(slope(d + 9 * HOUR)).toBeCloseTo(6 * MB, 0); // 09:00-09:05
      expect(slope(d + 17 * HOUR + 55 * 60)).toBeCloseTo(6 * MB, 0); // 17:55-18:00
      expect(slope(d + 18 * HOUR)).toBeCloseTo(2 * MB, 0); // 18:00-18:05
    }
    // Saturday has no work hours.
    for (const hour of [9, 12, 17]) expect(slope(5 * DAY + hour * HOUR)).toBeCloseTo(2 * MB, 0);
  });

  it('nests a server cap inside the link: each server shares its cap max-min fairly, the link shares what the caps let through', () => {
    const server = fc.record({
      cap: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      churns: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 50 }), fc.array(server, { minLength: 1, maxLength: 3 }), (bandwidth, servers) => {
        const scenario = scenarioOf({
          horizon: '1h',
          uplinks: [{ name: 'wan', bandwidth: `${bandwidth} MB/s` }],
          processServers: servers.map((s, k) => ({
            name: `ps${k}`,
            uplink: 'wan',
            ...roomyServer,
            ...(s.cap === null ? {} : { bandwidthThrottling: { workHourBandwidth: `${s.cap} MB/s`, nonWorkHourBandwidth: `${s.cap} MB/s` } }),
          })),
          vms: servers.flatMap((s, k) => s.churns.map((churn, j) => roomyVm(`vm${k}-${j}`, `${churn} MB/s`, `ps${k}`))),
        });
        // Reference: water-fill each server's cap among its VMs' churn, then the link among what each got.
        const capped = servers.flatMap((s) => fill(s.churns, s.cap ?? Infinity));
        const expected = fill(capped, bandwidth);
        const rates = simulate(scenario).vms.map((vm) => vm.bytesUploaded / HOUR / MB);
        rates.forEach((rate, i) => expect(rate).toBeCloseTo(expected[i]!, 6));
      }),
      { numRuns: 30 },
    );
  });
});

function fill(demands: number[], capacity: number): number[] {
  const out = new Float64Array(demands.length);
  waterFill(Float64Array.from(demands), demands.length, capacity, out, new Uint32Array(demands.length));
  return Array.from(out);
}
