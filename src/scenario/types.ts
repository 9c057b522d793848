// The validated, typed scenario: every quantity in base units (bytes, seconds, bytes per second).
// Produced by parseScenario (src/scenario/parse.ts) from unknown YAML/JSON input; consumed by simulate().
// Plain JSON-serialisable data (trace contents included) so that workers and shards can receive it as is.

/** A random quantity, in the base unit of the field that holds it. */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  /** Normal, truncated at 0 when drawn (durations and sizes cannot be negative). */
  | { kind: 'normal'; mean: number; sd: number }
  /** Lognormal given by the mean and standard deviation of the variable itself (not of its log). */
  | { kind: 'lognormal'; mean: number; sd: number };

/** One additive component of a VM's write rate. A VM's churn is the sum of its components. */
export type ChurnComponent =
  | { kind: 'constant'; rateBytesPerSec: number }
  /** 24 hourly rates; hour 0 starts at simulated time 0 (midnight), and the profile repeats daily. */
  | { kind: 'dailyProfile'; hourlyRatesBytesPerSec: number[] }
  /** Exponential ON and OFF periods; writes at peak rate while ON, nothing while OFF. Starts OFF. */
  | { kind: 'onOff'; peakBytesPerSec: number; meanOnSec: number; meanOffSec: number }
  /** Bursts arriving as a Poisson process; each writes sizeBytes instantly (a jump in the written bytes). */
  | { kind: 'poissonBursts'; meanIntervalSec: number; sizeBytes: Distribution }
  /**
   * A measured trace: interval i starts at startsSec[i] (ascending, first = 0) and writes bytes[i] at an even
   * rate until the next start; the last interval is as long as the one before it. Already multiplied by the
   * scenario's scale. With loop, the trace repeats to cover the horizon; without, churn is 0 after its end.
   */
  | { kind: 'trace'; source: string; startsSec: number[]; bytes: number[]; loop: boolean }
  /**
   * A step profile repeating every periodSec, shifted later by offsetSec (0 <= offset < period): step k writes
   * at ratesBytesPerSec[k] from stepStartsSec[k] (ascending, first = 0) to the next step's start, the last one
   * to the period's end. The signal is periodic from before time 0, so a step that wraps past the period's
   * end is also in force at time 0. Written by `window` (a burst at given times: two steps) and by staggered
   * instances' daily profiles and looped traces.
   */
  | { kind: 'periodicSteps'; periodSec: number; offsetSec: number; stepStartsSec: number[]; ratesBytesPerSec: number[] };

export interface OutageWindow {
  startSec: number;
  durationSec: number;
}

/** Fixed outage windows plus optional random failures (exponential up and down times). */
export interface OutageSpec {
  windows: OutageWindow[];
  random: { mtbfSec: number; mttrSec: number } | null;
}

/**
 * Recovery-point policy. kind names the product whose point creation and pruning rules apply; `periodic` is ASR's
 * rules with crash-consistent tags at any interval (the analytical checks and what-if studies use it).
 */
export interface RecoveryPointPolicy {
  kind: 'asr' | 'periodic';
  /** Crash-consistent tag interval (ASR: fixed 5 min). */
  crashConsistentIntervalSec: number;
  /** App-consistent interval; 0 = off. ASR allows 1–12 h. */
  appConsistentIntervalSec: number;
  /** Retention window; 0 = keep the latest point only. */
  retentionSec: number;
  /** RPO alert threshold: raises alerts only, never changes replication. */
  rpoThresholdSec: number;
}

export interface CloudSpec {
  /** Time from upload to applied data (docs: about 5 minutes from upload to recovery point). */
  processingDelaySec: number;
}

export interface UplinkSpec {
  name: string;
  bandwidthBytesPerSec: number;
  outages: OutageSpec;
}

export interface ProcessServerSpec {
  name: string;
  uplink: string;
  /** Rate at which the PS can take data from its agents into its cache (receive, compress, encrypt). */
  throughputBytesPerSec: number;
  cacheBytes: number;
  /** Source bytes per byte on the wire (1 = no compression, 2 = halves the upload). */
  compressionRatio: number;
  /** Throttle replication when cache free space falls below this fraction (ASR: 0.20). */
  throttleFreeFraction: number;
  /** Throttling lifts when free space is back above this fraction (assumption: 0.30). */
  resumeFreeFraction: number;
  /** Cache-free alerts (ASR: warning < 0.30, critical < 0.25). */
  cacheWarningFreeFraction: number;
  cacheCriticalFreeFraction: number;
  /** Pending-upload alerts (ASR: warning > 30 min, critical > 45 min). */
  pendingUploadWarningSec: number;
  pendingUploadCriticalSec: number;
  /** Disks in initial replication at once (ASR: 3). */
  initialReplicationDisks: number;
  outages: OutageSpec;
}

export type MachineKind = 'windows' | 'linux' | 'physical';

export interface VmSpec {
  name: string;
  processServer: string;
  machineKind: MachineKind;
  dhcp: boolean;
  /** Boot drivers storvsc, vmbus, storflt, intelide, atapi present. */
  bootDrivers: boolean;
  disks: number;
  /** Used blocks copied by initial replication; 0 = already protected when the run starts. */
  usedDiskBytes: number;
  /** Cap on one VM's replication rate (ASR: peak 54 MB/s per VM). */
  maxReplicationBytesPerSec: number;
  /** Azure-side apply rate for this VM's data (per-disk target limits 2–20 MB/s). */
  applyRateBytesPerSec: number;
  churn: ChurnComponent[];
  /** VMware snapshots on the VM: reprotection is impossible until they are removed. */
  snapshots: boolean;
  /** Master target for failback; null = the cycle's reprotect.masterTarget. */
  masterTarget: string | null;
}

export const FAILOVER_CHOICES = [
  'latest',
  'latest-processed',
  'latest-app-consistent',
  'latest-multi-vm-processed',
  'latest-multi-vm-app-consistent',
  'custom',
] as const;
export type FailoverChoice = (typeof FAILOVER_CHOICES)[number];

export interface FailoverSpec {
  choices: FailoverChoice[];
  /** custom: the newest retained point at least this old at the disaster. */
  customPointAgeSec: number;
  shutdownBeforeFailover: boolean;
  /** Probability that the shutdown (and its final sync) fails; failover goes on regardless. */
  shutdownFailureProbability: number;
  shutdownSec: Distribution;
  detectionSec: Distribution;
  jobSec: Distribution;
  /** Extra processing for physical servers, Linux VMs, VMs without DHCP or boot drivers (docs: 8–10 min). */
  extraProcessingSec: Distribution;
  bootSec: Distribution;
}

export interface DisasterSpec {
  timesSec: number[];
  /** Disasters at uniformly random times in [warmup, horizon). */
  randomCount: number;
}

export interface OutputSpec {
  /** Interval of timeseries.csv samples; 0 = no timeseries. */
  sampleIntervalSec: number;
}

export interface Scenario {
  name: string;
  description: string;
  horizonSec: number;
  /** Statistics and random disasters start after the warm-up. */
  warmupSec: number;
  /** Default seed when none is given on the command line. */
  seed: number;
  policy: RecoveryPointPolicy;
  cloud: CloudSpec;
  uplinks: UplinkSpec[];
  processServers: ProcessServerSpec[];
  vms: VmSpec[];
  disasters: DisasterSpec;
  failover: FailoverSpec;
  output: OutputSpec;
  replicationGroups: ReplicationGroupSpec[];
  recoveryPlans: RecoveryPlanSpec[];
  masterTargets: MasterTargetSpec[];
  /** One failover–failback cycle; null = none. */
  cycle: CycleSpec | null;
}

// ── Replication groups, recovery plans and the failover–failback cycle (docs/failback.md) ──

/** VMs that get common crash- and app-consistent points (multi-VM consistency). */
export interface ReplicationGroupSpec {
  name: string;
  /** VM names (after count expansion); at most 16 (Azure-to-Azure limit, assumed for VMware). */
  vms: string[];
  /** Fraction of throughput a process server loses while it serves a member of a group (assumption: 10%). */
  cpuOverheadFraction: number;
}

/** A manual action or script between the failovers of a recovery plan. */
export interface PlanAction {
  name: string;
  durationSec: Distribution;
}

export interface PlanGroupSpec {
  vms: string[];
  /** VM failovers running at once within the group; 0 = unlimited. */
  maxParallel: number;
  actionsBefore: PlanAction[];
  actionsAfter: PlanAction[];
}

export interface RecoveryPlanSpec {
  name: string;
  /** The failover choice the plan uses at every disaster. */
  choice: FailoverChoice;
  groups: PlanGroupSpec[];
}

/** An on-premises master target server that receives failback replication. */
export interface MasterTargetSpec {
  name: string;
  /** Disks it can serve (ASR: at most 60). */
  maxDisks: number;
  /** Moved by Storage vMotion: failback through it no longer works. */
  storageVMotion: boolean;
}

export type FailbackLinkKind = 'vpn' | 'expressroute';

export interface ReprotectToOnPremisesSpec {
  /** Delay from commit to the start of reprotection. */
  afterSec: number;
  link: { kind: FailbackLinkKind; bandwidthBytesPerSec: number };
  /** Where the failback process server runs; a site-to-site VPN needs one in Azure. */
  processServer: 'azure' | 'on-premises';
  /** Master target of VMs that do not name their own. */
  masterTarget: string;
  /** original: only the data written in Azure since failover; alternate: a full copy of the used disk. */
  location: 'original' | 'alternate';
  /** Fixed cost per VM: job setup, master target attach, disk comparison (assumption). */
  fixedSec: Distribution;
}

export interface CycleSpec {
  /** Planned failover to Azure at this simulated time; forward replication stops there. */
  failoverAtSec: number;
  choice: FailoverChoice;
  shutdownFirst: boolean;
  /** 'commit' after commitAfterSec, or 'cancel' in progress (replication stays stopped). */
  outcome: 'commit' | 'cancel';
  commitAfterSec: number;
  reprotect: ReprotectToOnPremisesSpec | null;
  /** Failover back to on-premises at this time (later if reprotection has not finished by then). */
  failbackAtSec: number | null;
  failbackChoice: 'latest' | 'latest-app-consistent';
  /** Data written in Azure not yet replicated when the Azure VMs shut down (assumption). */
  failbackSyncLagSec: Distribution;
  /** Delay from failback replication to a usable point at the master target (assumption: like Azure's 5 min). */
  failbackProcessingDelaySec: number;
  /** Reprotection of the on-premises VMs to Azure, after the failback commit. */
  reprotectOnPremises: { afterSec: number; fixedSec: Distribution } | null;
}
