import type { ChurnComponent, ProcessServerSpec, Scenario, VmSpec } from '../../src/scenario/types.js';

const MB = 1e6;

/** A typed scenario with the seed policy's defaults: one uplink, one process server, one VM. Override freely. */
export function scenarioFixture(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'fixture',
    description: '',
    horizonSec: 2 * 86_400,
    warmupSec: 3600,
    seed: 1,
    policy: { kind: 'asr', crashConsistentIntervalSec: 300, appConsistentIntervalSec: 3600, retentionSec: 86_400, rpoThresholdSec: 900 },
    cloud: { processingDelaySec: 300 },
    uplinks: [{ name: 'wan', bandwidthBytesPerSec: 100e6 / 8, outages: { windows: [], random: null } }],
    processServers: [processServerFixture()],
    vms: [vmFixture()],
    disasters: { timesSec: [], randomCount: 20 },
    failover: {
      choices: ['latest', 'latest-processed', 'latest-app-consistent', 'custom'],
      customPointAgeSec: 3600,
      shutdownBeforeFailover: false,
      shutdownFailureProbability: 0.5,
      shutdownSec: { kind: 'uniform', min: 60, max: 300 },
      detectionSec: { kind: 'lognormal', mean: 1200, sd: 600 },
      jobSec: { kind: 'uniform', min: 300, max: 900 },
      extraProcessingSec: { kind: 'uniform', min: 480, max: 600 },
      bootSec: { kind: 'uniform', min: 120, max: 300 },
    },
    output: { sampleIntervalSec: 0 },
    replicationGroups: [],
    recoveryPlans: [],
    masterTargets: [],
    cycle: null,
    ...overrides,
  };
}

export function processServerFixture(overrides: Partial<ProcessServerSpec> = {}): ProcessServerSpec {
  return {
    name: 'ps1',
    uplink: 'wan',
    throughputBytesPerSec: 100 * MB,
    cacheBytes: 600e9,
    compressionRatio: 1,
    throttleFreeFraction: 0.2,
    resumeFreeFraction: 0.3,
    cacheWarningFreeFraction: 0.3,
    cacheCriticalFreeFraction: 0.25,
    pendingUploadWarningSec: 1800,
    pendingUploadCriticalSec: 2700,
    initialReplicationDisks: 3,
    outages: { windows: [], random: null },
    ...overrides,
  };
}

export function vmFixture(overrides: Partial<VmSpec> = {}, churn: ChurnComponent[] = [{ kind: 'constant', rateBytesPerSec: 1 * MB }]): VmSpec {
  return {
    name: 'vm1',
    processServer: 'ps1',
    machineKind: 'windows',
    dhcp: true,
    bootDrivers: true,
    disks: 1,
    usedDiskBytes: 0,
    maxReplicationBytesPerSec: 54 * MB,
    applyRateBytesPerSec: 20 * MB,
    churn,
    snapshots: false,
    masterTarget: null,
    ...overrides,
  };
}
