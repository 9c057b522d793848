import type { Scenario } from '../src/scenario/types.js';
import { FAILOVER_DEFAULT } from './failoverDefault.js';

const MB = 1e6;
const DAY = 86_400;

/**
 * A large site for benchmarks: `vmCount` VMs, 100 per process server, two process servers per 1 Gbps uplink,
 * each VM with a daily profile and Poisson bursts, over `days` days with 100 random disasters.
 */
export function largeSite(vmCount: number, days: number): Scenario {
  const serverCount = Math.ceil(vmCount / 100);
  const uplinkCount = Math.ceil(serverCount / 2);
  const hourly = Array.from({ length: 24 }, (_, h) => (0.2 + (h >= 8 && h < 18 ? 1.6 : 0.2)) * 0.3 * MB);
  return {
    name: `large-site-${vmCount}`,
    description: '',
    horizonSec: days * DAY,
    warmupSec: DAY,
    seed: 1,
    policy: { kind: 'asr', crashConsistentIntervalSec: 300, appConsistentIntervalSec: 3600, retentionSec: DAY, rpoThresholdSec: 900 },
    cloud: { processingDelaySec: 300 },
    uplinks: Array.from({ length: uplinkCount }, (_, i) => ({
      name: `wan-${i}`,
      bandwidthBytesPerSec: 1e9 / 8,
      outages: { windows: [], random: { mtbfSec: 10 * DAY, mttrSec: 3600 } },
    })),
    processServers: Array.from({ length: serverCount }, (_, i) => ({
      name: `ps-${i}`,
      uplink: `wan-${Math.floor(i / 2)}`,
      throughputBytesPerSec: 100 * MB,
      cacheBytes: 1e12,
      compressionRatio: 1,
      throttleFreeFraction: 0.2,
      resumeFreeFraction: 0.3,
      cacheWarningFreeFraction: 0.3,
      cacheCriticalFreeFraction: 0.25,
      pendingUploadWarningSec: 1800,
      pendingUploadCriticalSec: 2700,
      initialReplicationDisks: 3,
      outages: { windows: [], random: null },
    })),
    vms: Array.from({ length: vmCount }, (_, i) => ({
      name: `vm-${String(i).padStart(4, '0')}`,
      processServer: `ps-${Math.floor(i / 100)}`,
      machineKind: 'windows' as const,
      dhcp: true,
      bootDrivers: true,
      disks: 2,
      usedDiskBytes: 0,
      maxReplicationBytesPerSec: 54 * MB,
      applyRateBytesPerSec: 20 * MB,
      churn: [
        { kind: 'dailyProfile' as const, hourlyRatesBytesPerSec: hourly },
        { kind: 'poissonBursts' as const, meanIntervalSec: 6 * 3600, sizeBytes: { kind: 'exponential' as const, mean: 2e9 } },
      ],
    })),
    disasters: { timesSec: [], randomCount: 100 },
    failover: FAILOVER_DEFAULT,
    output: { sampleIntervalSec: 0 },
  };
}
