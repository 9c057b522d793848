// Defaults, written the way a user would write them in a scenario file. Values marked "assumption" are
// not published by ASR: they are overridable guesses, documented in the README.
import type { FailoverChoice, ProductChoice } from './types.js';

// The recovery-point policy's defaults, the processing delay and the failover job, extra processing and boot
// times are each product's: productDefaults.ts.

export const PROCESS_SERVER_DEFAULTS = {
  throughput: '100 MB/s', // assumption
  cache: '600 GB', // sizing table, middle tier
  compressionRatio: 1,
  throttleFreeFraction: '20%', // ASR
  resumeFreeFraction: '30%', // assumption
  cacheWarningFreeFraction: '30%', // ASR
  cacheCriticalFreeFraction: '25%', // ASR
  pendingUploadWarning: '30m', // ASR
  pendingUploadCritical: '45m', // ASR
  initialReplicationDisks: 3, // ASR
} as const;

/** Bandwidth throttling of a process server: the rates have no default (ASR asks for both). */
export const THROTTLING_DEFAULTS = {
  workDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], // assumption: a five-day week
  startWorkHour: '09:00', // ASR's example (Set-OBMachineSetting -StartWorkHour "9:00:00")
  endWorkHour: '18:00', // ASR's example (-EndWorkHour "18:00:00")
} as const;

export const VM_DEFAULTS = {
  machineKind: 'windows',
  dhcp: true,
  bootDrivers: true,
  disks: 1,
  usedDisk: 0,
  maxReplicationRate: '54 MB/s', // ASR: peak per VM
  applyRate: '20 MB/s', // assumption (premium P20+ per-disk limit)
  snapshots: false,
} as const;

/** A disk's defaults when a VM lists its disks. */
export const DISK_DEFAULTS = {
  used: '0 B',
  target: 'standard-hdd', // assumption: the cheapest target; set the one you deploy
  ioSize: '16 KB', // assumption: ASR's churn limits depend on it (8, 16, 32 KB rows); the Deployment Planner measures it
} as const;

export const FAILOVER_DEFAULTS = {
  choices: ['latest', 'latest-processed', 'latest-app-consistent', 'custom'] as FailoverChoice[],
  customPointAge: '1h',
  shutdownBeforeFailover: false,
  shutdownFailureProbability: 0.5, // assumption
  shutdown: { uniform: ['1m', '5m'] }, // assumption
  detection: { lognormal: { mean: '20m', sd: '10m' } }, // assumption
};

export const ALERT_DEFAULTS = {
  raiseAfter: '15m', // ASR raises a process-server alert after its condition has held for 15 minutes
  rpoRaiseAfter: '0s', // assumption: an RPO alert is raised as soon as the RPO passes the threshold
} as const;

export const SCENARIO_DEFAULTS = {
  description: '',
  horizon: '7d',
  warmup: '1d',
  seed: 1,
  disasterRandomCount: 100,
  sampleInterval: '5m',
} as const;

/** Documented per-process-server churn limit (2 TB/day), in bytes per second; above it parseScenario warns. */
export const PROCESS_SERVER_CHURN_LIMIT_BYTES_PER_SEC = 2e12 / 86_400;

export const GROUP_DEFAULTS = {
  cpuOverhead: '10%', // assumption: multi-VM consistency costs process-server CPU; ASR publishes no figure
  maxMembers: 16, // documented for Azure-to-Azure; assumption for VMware
} as const;

export const PLAN_DEFAULTS = { choice: 'latest-processed' as ProductChoice, maxParallel: 0 };

export const MASTER_TARGET_DEFAULTS = {
  maxDisks: 60, // ASR: at most 60 disks
  storageVMotion: false,
  throughput: '100 MB/s', // assumption: not published; a master target writes to its retention drive and the disks
} as const;

export const CYCLE_DEFAULTS = {
  choice: 'latest-processed' as ProductChoice,
  shutdownFirst: true,
  commitAfter: '30m', // assumption: time to check the failed-over VMs before committing
  reprotectAfter: '1h', // assumption
  processServer: 'azure' as const, // classic: a site-to-site VPN needs a process server in Azure
  location: 'original',
  reprotectFixed: { uniform: ['10m', '20m'] }, // assumption: job, master target attach, checksum comparison
  failbackChoice: 'latest' as const,
  failbackProcessingDelay: '5m', // assumption: like Azure's upload → recovery point delay
  resyncUniqueFraction: '50%', // assumption: a differential resync sends changed blocks once (same as delta syncs)
  azureProcessServerThroughput: '100 MB/s', // assumption, as for on-premises process servers
  azureProcessServerCache: '600 GB', // as for on-premises process servers
  applianceThroughput: '100 MB/s', // assumption: the modernized appliance's apply rate for failback data
  applianceMaxDisks: 60, // ASR: at most 60 disks per appliance
  reprotectOnPremisesAfter: '1h', // assumption
  reprotectOnPremisesFixed: { uniform: ['10m', '20m'] }, // assumption
};
