import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/types.js';

/** VM sizes in GB written per day, cycled over the VMs: mean 40 GB/day, largeSite's daily volume. */
const DAILY_VOLUMES_GB = [20, 30, 50, 60];
const VMS_PER_UPLINK = 100;

/**
 * The workload both rposim and the plain-Python peer (bench/peer/) simulate: `vmCount` VMs with largeSite's
 * daily profile (peak at 13:00, peak ÷ mean 2.5) at four sizes, so that fair sharing has something to share;
 * 100 VMs per 800 Mbps uplink, which the afternoon peak (116 MB/s of writes for 100 MB/s of bandwidth)
 * saturates for a few hours. Only what the peer models may act: one process server per uplink with
 * throughput and cache far above what it sees (never binding, never throttled), no bursts, no outages, no
 * initial replication, no disasters; the apply rate (20 MB/s) stays above every VM's upload share.
 */
export function peerSite(vmCount: number, days: number): Scenario {
  const uplinkCount = Math.ceil(vmCount / VMS_PER_UPLINK);
  const raw = {
    name: `peer-site-${vmCount}`,
    horizon: `${days}d`,
    warmup: '1d',
    uplinks: Array.from({ length: uplinkCount }, (_, i) => ({ name: `wan-${i}`, bandwidth: '800 Mbps' })),
    processServers: Array.from({ length: uplinkCount }, (_, i) => ({
      name: `ps-${i}`,
      uplink: `wan-${i}`,
      throughput: '1 GB/s',
      cache: '10 TB',
    })),
    vms: Array.from({ length: vmCount }, (_, i) => ({
      name: `vm-${String(i).padStart(5, '0')}`,
      processServer: `ps-${Math.floor(i / VMS_PER_UPLINK)}`,
      churn: [{ dailyProfile: { volume: `${DAILY_VOLUMES_GB[i % DAILY_VOLUMES_GB.length]} GB`, peakHour: 13, peakToMean: 2.5 } }],
    })),
    disasters: { random: 0 },
    output: { sampleInterval: 0 },
  };
  const parsed = parseScenario(raw, { source: 'bench/peerSite.ts' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** The peer's input: the same hourly rates (bytes/s, as rposim parsed them), bandwidths and VMs per uplink. */
export interface PeerWorkload {
  horizonSec: number;
  warmupSec: number;
  tagIntervalSec: number;
  processingDelaySec: number;
  rpoThresholdSec: number;
  hourlyRates: number[][];
  uplinks: { bandwidthBytesPerSec: number; vms: number[] }[];
}

export function peerWorkload(scenario: Scenario): PeerWorkload {
  const uplinkOfServer = new Map(scenario.processServers.map((ps) => [ps.name, ps.uplink]));
  const { policy } = scenario;
  if (policy.kind !== 'asr') throw new Error(`the peer models ASR classic's tags, not ${policy.kind}`);
  return {
    horizonSec: scenario.horizonSec,
    warmupSec: scenario.warmupSec,
    tagIntervalSec: policy.crashConsistentIntervalSec,
    processingDelaySec: scenario.cloud.processingDelaySec,
    rpoThresholdSec: policy.rpoThresholdSec,
    hourlyRates: scenario.vms.map((vm) => {
      const [churn] = vm.churn;
      if (vm.churn.length !== 1 || churn?.kind !== 'dailyProfile') throw new Error(`${vm.name}: the peer models one daily profile`);
      return churn.hourlyRatesBytesPerSec;
    }),
    uplinks: scenario.uplinks.map((uplink) => ({
      bandwidthBytesPerSec: uplink.bandwidthBytesPerSec,
      vms: scenario.vms.flatMap((vm, i) => (uplinkOfServer.get(vm.processServer) === uplink.name ? [i] : [])),
    })),
  };
}
