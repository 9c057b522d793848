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

/** The products whose recovery-point rules rposim models (README: "Recovery-point policies"). */
export const POLICY_KINDS = ['asr', 'asr-modernized', 'periodic', 'aws-drs', 'zerto', 'veeam-cdp', 'vsphere-replication', 'veeam-replication'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

interface PolicyCommon {
  /** RPO alert threshold: raises alerts only, never changes replication. */
  rpoThresholdSec: number;
}

/**
 * ASR, classic (configuration server) or modernized (replication appliance): same point rules. `periodic` is
 * ASR's rules with any intervals: for what-if studies and the analytical checks, not a product.
 */
export interface AsrPolicySpec extends PolicyCommon {
  kind: 'asr' | 'asr-modernized' | 'periodic';
  /** Crash-consistent tag interval (ASR: fixed 5 min; periodic: any, at least 0.1 s). */
  crashConsistentIntervalSec: number;
  /** App-consistent interval; 0 = off. ASR allows 1–12 h. */
  appConsistentIntervalSec: number;
  /** Retention window (pruning grid); 0 = keep the latest point only. */
  retentionSec: number;
}

/** AWS Elastic Disaster Recovery: continuous, with point-in-time snapshots 10 min / 1 h, hourly / 24 h, daily / N days. */
export interface AwsDrsPolicySpec extends PolicyCommon {
  kind: 'aws-drs';
  /** How long daily snapshots are kept (1–365 days). */
  dailyRetentionSec: number;
}

/** Zerto: a journal of every write with a checkpoint every 5 s, history bounded in time and by a size limit. */
export interface ZertoPolicySpec extends PolicyCommon {
  kind: 'zerto';
  checkpointIntervalSec: number;
  /** Journal history (1 h – 30 days). */
  journalHistorySec: number;
  /** Journal hard limit in bytes (≥ 8 GB); null = none. When full, the oldest checkpoints go and history shrinks. */
  journalLimitBytes: number | null;
  /** Tagged app-consistent checkpoints every so often; 0 = none. */
  appConsistentIntervalSec: number;
}

/** Veeam CDP: short-term points every RPO kept for hours, long-term points every N hours kept D days. */
export interface VeeamCdpPolicySpec extends PolicyCommon {
  kind: 'veeam-cdp';
  /** The RPO: one short-term restore point every this often (default 15 s). */
  rpoSec: number;
  shortTermRetentionSec: number;
  /** Long-term restore points every this often; 0 = none. */
  longTermIntervalSec: number;
  longTermRetentionSec: number;
  longTermKind: 'crash-consistent' | 'app-consistent';
}

/** vSphere Replication: periodic delta syncs scheduled against the RPO; N point-in-time instances a day for D days. */
export interface VsphereReplicationPolicySpec extends PolicyCommon {
  kind: 'vsphere-replication';
  rpoSec: number;
  /** Guest quiescing: app-consistent instances, and an RPO of at least 15 min. */
  quiescing: boolean;
  /** Point-in-time instances kept: N per day for D days (N × D ≤ 24); 0 = the latest only. */
  instancesPerDay: number;
  instanceDays: number;
  /** Unique fraction of the bytes written between syncs that a sync sends (overwrites coalesce). */
  uniqueFraction: number;
}

/** Veeam snapshot replication: a job every interval; restore points kept up to a count. */
export interface VeeamReplicationPolicySpec extends PolicyCommon {
  kind: 'veeam-replication';
  intervalSec: number;
  /** Restore points kept (1–28). */
  restorePoints: number;
  uniqueFraction: number;
  /** Application-aware processing: app-consistent restore points. */
  applicationAware: boolean;
}

/** Recovery-point policy. kind names the product whose point creation and pruning rules apply. */
export type RecoveryPointPolicy =
  | AsrPolicySpec
  | AwsDrsPolicySpec
  | ZertoPolicySpec
  | VeeamCdpPolicySpec
  | VsphereReplicationPolicySpec
  | VeeamReplicationPolicySpec;

export interface CloudSpec {
  /** Time from upload to applied data (docs: about 5 minutes from upload to recovery point). */
  processingDelaySec: number;
}

export interface UplinkSpec {
  name: string;
  bandwidthBytesPerSec: number;
  outages: OutageSpec;
  /** Other traffic on the link; absent = none (replication has the whole bandwidth). */
  background?: BackgroundTraffic;
}

/**
 * Traffic on an uplink that is not replication. `priority`: a rate profile (churn components, in wire bytes per
 * second) served first, replication getting what is left of the bandwidth; `share`: a fixed fraction of the
 * bandwidth reserved for it by QoS, replication getting the rest whatever the other traffic does.
 */
export type BackgroundTraffic =
  | { kind: 'priority'; rate: ChurnComponent[] }
  | { kind: 'share'; shareFraction: number };

/** The days of the week; simulated day 0 is a Monday (README: time zone and week). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * ASR's bandwidth throttling of a process server (the Recovery Services agent's Throttling tab, or
 * Set-OBMachineSetting): a cap on its upload during work hours on work days, another outside them. Hours are the
 * process server's local time, which is the scenario's clock.
 */
export interface BandwidthThrottlingSpec {
  workDays: Weekday[];
  /** Work hours start and end, as times of day (start < end: work hours do not cross midnight). */
  startWorkHourSec: number;
  endWorkHourSec: number;
  /** Upload caps in wire bytes per second (after compression), like the link's bandwidth. */
  workHourBandwidthBytesPerSec: number;
  nonWorkHourBandwidthBytesPerSec: number;
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
  /** ASR's bandwidth throttling schedule; absent = no cap but the link. */
  bandwidthThrottling?: BandwidthThrottlingSpec;
}

export type MachineKind = 'windows' | 'linux' | 'physical';

export interface VmSpec {
  name: string;
  processServer: string;
  machineKind: MachineKind;
  dhcp: boolean;
  /** Boot drivers storvsc, vmbus, storflt, intelide, atapi present. */
  bootDrivers: boolean;
  /** Disks of the VM: initial-replication slots (the length of diskList when it is given). */
  disks: number;
  /**
   * The VM's disks, when the scenario describes them; absent = only their count is known. With disks, the VM's
   * churn, used disk and apply rate are derived from them (expandVms.ts, diskDerived.ts).
   */
  diskList?: DiskSpec[];
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
  /** Provisioned size of all the VM's disks: what its replica occupies at the target (costs only). Absent: the listed disks' sizes, else usedDiskBytes. */
  diskSizeBytes?: number;
}

/** Azure target disk types whose per-disk churn limits ASR publishes (diskTargets.ts). */
export const DISK_TARGETS = ['standard-hdd', 'standard-ssd', 'premium-p10', 'premium-p15', 'premium-p20', 'premium-p30', 'premium-p40', 'premium-p50'] as const;
export type DiskTarget = (typeof DISK_TARGETS)[number];

/** One disk of a VM. The first disk of a VM's list is its OS disk. */
export interface DiskSpec {
  name: string;
  sizeBytes: number;
  /** Used blocks copied by initial replication. */
  usedBytes: number;
  target: DiskTarget;
  /** Average write I/O size: ASR's churn limits depend on it. */
  ioSizeBytes: number;
  /** Rate at which Azure applies this disk's data (default: the target's churn limit at the I/O size). */
  applyRateBytesPerSec: number;
  /** This disk's part of the VM's writes (from its own churn's mean when it has one). */
  churnShareFraction: number;
  /** The disk's own churn components (part of the VM's churn), or null: the VM's churn × churnShareFraction. */
  churn: ChurnComponent[] | null;
}

export const FAILOVER_CHOICES = [
  'latest',
  'latest-processed',
  'latest-app-consistent',
  'latest-multi-vm-processed',
  'latest-multi-vm-app-consistent',
  'custom',
  'clean',
] as const;
export type FailoverChoice = (typeof FAILOVER_CHOICES)[number];

/**
 * The choices a product's recovery-point policy answers for. `clean` is not one: it reaches back to a retained
 * point like `custom`, with the corruption's dwell time as the age (disasters.dwell).
 */
export type ProductChoice = Exclude<FailoverChoice, 'clean'>;
export const PRODUCT_CHOICES = FAILOVER_CHOICES.filter((c) => c !== 'clean') as unknown as readonly [ProductChoice, ...ProductChoice[]];

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
  /** Boot time of machines of a kind, where it differs from bootSec (AWS DRS: Windows about 20 min, Linux 5). */
  bootSecByMachineKind: Partial<Record<MachineKind, Distribution>>;
}

export interface DisasterSpec {
  timesSec: number[];
  /** Disasters at uniformly random times in [warmup, horizon). */
  randomCount: number;
  /**
   * Ransomware or corruption dwell times: a corruption found at the disaster began this long before it, and the
   * `clean` choice recovers the newest point from before it still retained. Absent: none (no `clean` choice).
   */
  dwellSec?: number[];
}

export interface OutputSpec {
  /** Interval of timeseries.csv samples; 0 = no timeseries. */
  sampleIntervalSec: number;
}

/** When alerts are raised: once their condition has held this long (a shorter run raises nothing). */
export interface AlertSpec {
  /** Process-server cache and pending-upload alerts (ASR: 15 minutes). */
  processServerAlertAfterSec: number;
  /** RPO (and replication-lag) alerts against the policy's threshold. */
  rpoAlertAfterSec: number;
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
  alerts: AlertSpec;
  replicationGroups: ReplicationGroupSpec[];
  recoveryPlans: RecoveryPlanSpec[];
  masterTargets: MasterTargetSpec[];
  /** One failover–failback cycle; null = none. */
  cycle: CycleSpec | null;
  /** Unit prices for `rposim compare`'s cost figures; absent: every price 0. */
  costs?: CostSpec;
}

/**
 * Currency-neutral unit prices (Keeton et al.: outlay + expected penalties). Every price is the user's
 * assumption and 0 unless set: rposim claims no list price. GB = 10^9 bytes.
 */
export interface CostSpec {
  /** Per protected VM per month (licence, protection fee). */
  perProtectedInstanceMonth: number;
  /** Per GB-month of replica disks (diskSize) and retained recovery points (their mean storage). */
  perStorageGBMonth: number;
  /** Per GB sent over the uplinks (after compression). */
  perLinkGB: number;
  /** Per uplink per month. */
  perLinkMonth: number;
  /** Per VM-hour of compute at the target after a failover. */
  perFailoverComputeHour: number;
  /** How long each failed-over VM runs at the target before failback (prices failover compute). */
  computeTimePerFailoverSec: number;
  /** Penalty per hour of downtime, per VM or per recovery plan (penaltyPer). */
  perDowntimeHour: number;
  /** Penalty per hour of data lost (disaster − recovery point), per VM or per recovery plan. */
  perDataLossHour: number;
  /** Penalty per GB of data lost (written after the recovery point). */
  perDataLossGB: number;
  /** vm: penalties per VM; plan: per recovery plan (its downtime and largest loss, its VMs' bytes). */
  penaltyPer: 'vm' | 'plan';
  /** The failover choice the VM penalties assume; null: the scenario's first choice. Plans use their own. */
  penaltyChoice: ProductChoice | null;
  /** Expected disasters per year (the penalties' rate). */
  disastersPerYear: number;
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
  choice: ProductChoice;
  groups: PlanGroupSpec[];
}

/** An on-premises master target server that receives failback replication (classic architecture). */
export interface MasterTargetSpec {
  name: string;
  /** Disks it can serve (ASR: at most 60). */
  maxDisks: number;
  /** Moved by Storage vMotion: failback through it no longer works. */
  storageVMotion: boolean;
  /** Rate at which it applies failback data for all its VMs together (assumption). */
  throughputBytesPerSec: number;
}

export type FailbackLinkKind = 'vpn' | 'expressroute';

export interface ReprotectToOnPremisesSpec {
  /** Delay from commit to the start of reprotection. */
  afterSec: number;
  link: { kind: FailbackLinkKind; bandwidthBytesPerSec: number; outages: OutageSpec };
  /** Classic: where the failback process server runs; a site-to-site VPN needs one in Azure. Modernized: null (none). */
  processServer: 'azure' | 'on-premises' | null;
  /** Classic, process server in Azure: its throughput and cache. */
  azureProcessServer: { throughputBytesPerSec: number; cacheBytes: number };
  /** Classic: master target of VMs that do not name their own. */
  masterTarget: string;
  /** Modernized: the on-premises replication appliance that receives failback data. */
  appliance: { throughputBytesPerSec: number; maxDisks: number };
  /** original: only the blocks that differ; alternate: a full copy of the used disk. */
  location: 'original' | 'alternate';
  /** Unique fraction of the bytes to resync that a differential resync sends (blocks changed twice go once). */
  uniqueFraction: number;
  /** Fixed cost per VM before its copy starts: job setup, master target attach, disk comparison (assumption). */
  fixedSec: Distribution;
}

export interface CycleSpec {
  /** classic: configuration server, process servers and master targets; modernized: replication appliance. */
  architecture: 'classic' | 'modernized';
  /** Planned failover to Azure at this simulated time; forward replication stops there. */
  failoverAtSec: number;
  choice: ProductChoice;
  shutdownFirst: boolean;
  /** 'commit' after commitAfterSec, or 'cancel' in progress (replication stays stopped). */
  outcome: 'commit' | 'cancel';
  commitAfterSec: number;
  reprotect: ReprotectToOnPremisesSpec | null;
  /** Failover back to on-premises at this time (later if a VM has no failback recovery point yet by then). */
  failbackAtSec: number | null;
  failbackChoice: 'latest' | 'latest-processed' | 'latest-app-consistent';
  /** Delay from failback replication to a usable point on-premises (assumption: like Azure's 5 min). */
  failbackProcessingDelaySec: number;
  /** Reprotection of the on-premises VMs to Azure, after the failback commit. */
  reprotectOnPremises: { afterSec: number; fixedSec: Distribution } | null;
}
