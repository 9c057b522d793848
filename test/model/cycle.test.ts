import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/io/loadScenario.js';
import type { SimulationResult } from '../../src/metrics/types.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulate.js';

const HOUR = 3600;
const DAY = 86_400;

/** A one-VM site with a cycle, written as a user would; `patch` adjusts the raw input. */
function cycleScenario(patch: (raw: Record<string, any>) => void = () => {}) {
  const raw: Record<string, any> = {
    name: 'cycle',
    horizon: '3d',
    warmup: '6h',
    uplinks: [{ name: 'wan', bandwidth: '1 Gbps' }],
    processServers: [{ name: 'ps', uplink: 'wan', throughput: '1 GB/s' }],
    masterTargets: [{ name: 'mt', throughput: '1 GB/s' }],
    vms: [{ name: 'vm', processServer: 'ps', usedDisk: '10 GB', churn: [{ constant: '0 MB/s' }] }],
    disasters: { random: 0 },
    output: { sampleInterval: '5m' },
    cycle: {
      failoverAt: '1d',
      choice: 'latest-processed',
      shutdownFirst: false,
      commitAfter: '0s',
      failbackProcessingDelay: '0s',
      reprotect: {
        after: '0s',
        link: { kind: 'vpn', bandwidth: '100 Mbps' },
        masterTarget: 'mt',
        location: 'alternate',
        fixed: '10m',
        azureProcessServer: { throughput: '1 GB/s' },
      },
    },
  };
  patch(raw);
  const parsed = parseScenario(raw, { source: 'cycle.test' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const row = (result: SimulationResult, phase: string) => result.cycle!.phases.find((p) => p.phase === phase)!;

describe('the failback cycle, worked by hand', () => {
  it('a resync of X GB over a Y Mbps link takes X·8/Y seconds plus the fixed cost when the link is the bottleneck', () => {
    const result = simulate(cycleScenario());
    const reprotect = row(result, 'reprotect-to-on-premises');
    // Alternate location: the whole 10 GB used disk. 10e9 B × 8 / 100e6 bit/s = 800 s, after the 10 min fixed
    // cost; nothing else is written (no churn) and points are usable at once (no processing delay).
    expect(reprotect.bytesTransferred).toBe(10e9);
    expect(reprotect.durationSec).toBeCloseTo(600 + 800, 3);
    expect(row(result, 'protected-in-azure').protected).toBe(true);
  });

  it('when the master target is slower than the link, its throughput sets the time', () => {
    const result = simulate(cycleScenario((raw) => (raw['masterTargets'][0].throughput = '5 MB/s')));
    // 10e9 B at 5 MB/s = 2000 s (the link alone would need 800 s).
    expect(row(result, 'reprotect-to-on-premises').durationSec).toBeCloseTo(600 + 2000, 3);
  });

  it('with a failback link below the churn, the reverse RPO grows at 1 − c/λ', () => {
    // λ = 2 MB/s written in Azure, c = 8 Mbps = 1 MB/s: the upload front falls behind the writes at half their
    // pace, so the newest point's age grows by 1 − c/λ = 0.5 s per second (give or take one 5-min tag).
    const scenario = cycleScenario((raw) => {
      raw['vms'][0].churn = [{ constant: '2 MB/s' }];
      raw['cycle'].reprotect.link.bandwidth = '8 Mbps';
      raw['cycle'].reprotect.location = 'original';
      raw['cycle'].reprotect.uniqueFraction = '100%';
      raw['cycle'].reprotect.fixed = '0s';
    });
    const result = simulate(scenario);
    const reverse = result.timeseries.filter((s) => s.direction === 'to-on-premises' && s.rpoSec !== null);
    const first = reverse[0]!;
    const later = reverse.filter((s) => s.timeSec >= first.timeSec + 12 * HOUR)[0]!;
    const slope = (later.rpoSec! - first.rpoSec!) / (later.timeSec - first.timeSec);
    expect(slope).toBeGreaterThan(0.5 - 600 / (12 * HOUR));
    expect(slope).toBeLessThan(0.5 + 600 / (12 * HOUR));
    // summary.json says so too: the leg's RPO is far over the 15 min threshold.
    expect(result.cycle!.vms[0]!.legs[0]!.rpo.max!).toBeGreaterThan(6 * HOUR);
  });

  it("a failback to the app-consistent point loses from that point's source time to the failback", () => {
    const scenario = cycleScenario((raw) => {
      raw['vms'][0].churn = [{ constant: '1 MB/s' }];
      raw['cycle'].failbackAt = '2d 2h30m';
      raw['cycle'].failbackChoice = 'latest-app-consistent';
    });
    const result = simulate(scenario);
    const failback = row(result, 'failover-to-on-premises');
    // The failback policy takes an app-consistent point every hour: at 2d 2h30m the newest is the one at 2d 2h,
    // processed at once (a 1 MB/s stream over 100 Mbps never queues): 30 min lost, 1 MB/s × 1800 s written since.
    expect(failback.startSec).toBe(2 * DAY + 2.5 * HOUR);
    expect(failback.dataLossSec).toBeCloseTo(1800, 6);
    expect(failback.dataLossBytes).toBeCloseTo(1800e6, -3);
    expect(failback.note).toContain('latest-app-consistent');
  });

  it('a VM without a point of the failback choice is not failed back: it stays in Azure, replicating', () => {
    // Fixed durations: the failover to Azure ends at 1d + job 10m + boot 5m = 87,300 s, the resync copies from
    // 87,300 + 10m = 87,900 s, and its 10 GB take 800 s over 100 Mbps. With no churn every tag taken during the
    // copy (the first at 88,200 s) is processed when it ends, at 88,700 s; the failback waits until then. The
    // failback policy's app-consistent tags fall on the hour, and the first of the leg is at 90,000 s.
    const at = (failbackAt: string) =>
      cycleScenario((raw) => {
        raw['failover'] = { detection: '0s', job: '10m', extraProcessing: '0s', boot: '5m' };
        raw['cycle'].failbackAt = failbackAt;
        raw['cycle'].failbackChoice = 'latest-app-consistent';
      });
    const early = simulate(at('1d 1m'));
    expect(row(early, 'failover-to-azure').endSec).toBeCloseTo(87_300, 6);
    expect(row(early, 'protected-in-azure').startSec).toBeCloseTo(88_700, 3);
    // At 88,700 s no app-consistent point exists: no failback, no downtime beyond the failover to Azure.
    const phases = early.cycle!.phases.map((p) => p.phase);
    expect(phases).toEqual(['failover-to-azure', 'azure-unprotected', 'reprotect-to-on-premises', 'protected-in-azure']);
    const stays = row(early, 'protected-in-azure');
    expect(stays.endSec).toBe(3 * DAY);
    expect(stays.note).toContain('not failed back: latest-app-consistent');
    expect(early.cycle!.vms[0]!.downtimeSec).toBeCloseTo(900, 6);
    // The reverse leg keeps replicating to the horizon: its RPO is observed over the whole phase.
    expect(early.cycle!.vms[0]!.legs.map((l) => l.direction)).toEqual(['to-on-premises']);
    expect(early.cycle!.vms[0]!.legs[0]!.rpo.observedSec).toBeCloseTo(3 * DAY - 88_700, 3);
    // At 1d 1h 31m = 91,860 s the 90,000 s point exists: 1,860 s are lost.
    const later = simulate(at('1d 1h 31m'));
    expect(row(later, 'failover-to-on-premises').startSec).toBe(91_860);
    expect(row(later, 'failover-to-on-premises').dataLossSec).toBeCloseTo(1_860, 6);
  });

  it('the modernized architecture fails back to the appliance: its throughput sets a slow resync', () => {
    const scenario = cycleScenario((raw) => {
      raw['policy'] = { kind: 'asr-modernized' };
      delete raw['masterTargets'];
      delete raw['cycle'].reprotect.masterTarget;
      delete raw['cycle'].reprotect.azureProcessServer;
      raw['cycle'].reprotect.appliance = { throughput: '4 MB/s' };
    });
    expect(scenario.cycle!.architecture).toBe('modernized');
    const result = simulate(scenario);
    // 10e9 B at 4 MB/s = 2500 s after the fixed cost.
    expect(row(result, 'reprotect-to-on-premises').durationSec).toBeCloseTo(600 + 2500, 3);
    expect(row(result, 'reprotect-to-on-premises').note).toContain('modernized');
  });
});

describe('the failback cycle, shipped examples', () => {
  // Regression: the phase table ended a reprotect when the domain next re-shared the stream after processing had
  // passed the first tag, not at that instant: in failback-vpn.yaml web-1's reprotect to Azure ended at 439,500 s
  // while its first point was usable at 437,700 s (30 min counted as unprotected that were not). The stream is now
  // anchored when the tag is watched, so the domain schedules the instant.
  it.each(['failback-vpn.yaml', 'failback-expressroute.yaml', 'two-tier-app.yaml'])('%s: every reprotect phase ends when its leg’s first point is usable', async (file) => {
    const scenario = await loadScenario(fileURLToPath(new URL(`../../scenarios/${file}`, import.meta.url)));
    const result = simulate(scenario);
    let legs = 0;
    for (const vm of result.cycle!.vms) {
      for (const leg of vm.legs) {
        if (leg.firstRecoveryPointSec === null) continue;
        const phase = leg.direction === 'to-on-premises' ? 'reprotect-to-on-premises' : 'reprotect-to-azure';
        const resync = result.cycle!.phases.find((p) => p.vm === vm.name && p.phase === phase)!;
        expect(resync.endSec, `${vm.name} ${phase}`).toBeCloseTo(leg.firstRecoveryPointSec, 6);
        legs++;
      }
    }
    expect(legs).toBeGreaterThan(0);
  });
});
