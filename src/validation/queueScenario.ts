import type { ChurnComponent, FailoverChoice, Scenario, VmSpec } from '../scenario/types.js';

/**
 * A scenario that is a plain queue: the VMs' churn feeds one uplink of capacity c, and nothing else limits
 * or delays it (process server, per-VM cap and cloud apply rate 100× the uplink, no outages). With a
 * tiny crash-consistent interval δ and no processing delay, the RPO is the replication lag within δ
 * (lag ≤ RPO < lag + δ): the newest usable point is the newest tag already uploaded.
 */
export interface QueueScenarioOptions {
  capacityBytesPerSec: number;
  /** One churn list per VM; all VMs share the uplink. */
  churnPerVm: ChurnComponent[][];
  horizonSec: number;
  warmupSec: number;
  tagIntervalSec: number;
  processingDelaySec?: number;
  rpoThresholdSec?: number;
  sampleIntervalSec?: number;
  randomDisasters?: number;
  choices?: FailoverChoice[];
}

/**
 * Stand-in for "unlimited" stage rates: 100× the uplink, so the process server empties a burst 100× faster than
 * the uplink drains it and never holds the upload back. Not larger: process-server throughputs 10^4× the uplink
 * once made the fluid model take ever smaller steps (a livelock, since fixed; see test/model/extremeRates.test.ts).
 */
const HEADROOM = 100;

export function queueScenario(options: QueueScenarioOptions): Scenario {
  const vms = options.churnPerVm.map((churn, i): VmSpec => ({
    name: `vm${i + 1}`,
    processServer: 'ps',
    machineKind: 'windows',
    dhcp: true,
    bootDrivers: true,
    disks: 1,
    usedDiskBytes: 0,
    maxReplicationBytesPerSec: HEADROOM * options.capacityBytesPerSec,
    applyRateBytesPerSec: HEADROOM * options.capacityBytesPerSec,
    snapshots: false,
    masterTarget: null,
    churn,
  }));
  const noOutages = { windows: [], random: null };
  const zero = { kind: 'fixed', value: 0 } as const;
  return {
    name: 'validation',
    description: 'queue built by src/validation',
    horizonSec: options.horizonSec,
    warmupSec: options.warmupSec,
    seed: 1,
    policy: {
      kind: 'asr',
      crashConsistentIntervalSec: options.tagIntervalSec,
      appConsistentIntervalSec: 0,
      retentionSec: 0,
      rpoThresholdSec: options.rpoThresholdSec ?? 900,
    },
    cloud: { processingDelaySec: options.processingDelaySec ?? 0 },
    uplinks: [{ name: 'wan', bandwidthBytesPerSec: options.capacityBytesPerSec, outages: noOutages }],
    processServers: [
      {
        name: 'ps',
        uplink: 'wan',
        throughputBytesPerSec: HEADROOM * options.capacityBytesPerSec,
        cacheBytes: 1e18,
        compressionRatio: 1,
        throttleFreeFraction: 0.2,
        resumeFreeFraction: 0.3,
        cacheWarningFreeFraction: 0.3,
        cacheCriticalFreeFraction: 0.25,
        pendingUploadWarningSec: 1800,
        pendingUploadCriticalSec: 2700,
        initialReplicationDisks: 3,
        outages: noOutages,
      },
    ],
    vms,
    disasters: { timesSec: [], randomCount: options.randomDisasters ?? 0 },
    failover: {
      choices: options.choices ?? ['latest'],
      customPointAgeSec: 0,
      shutdownBeforeFailover: false,
      shutdownFailureProbability: 0,
      shutdownSec: zero,
      detectionSec: zero,
      jobSec: zero,
      extraProcessingSec: zero,
      bootSec: zero,
    },
    output: { sampleIntervalSec: options.sampleIntervalSec ?? 0 },
    replicationGroups: [],
    recoveryPlans: [],
    masterTargets: [],
    cycle: null,
  };
}
