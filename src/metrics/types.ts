// What simulate() returns: plain data (the failovers in typed arrays, so that a worker can post them).
// Formatting to files and the terminal is io/'s job.
import type { FailoverChoice } from '../scenario/types.js';
import type { FailoverTable } from './failoverTable.js';

/** Summary statistics of a sample (or of a time-weighted signal). null fields when there is no data. */
export interface Stats {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /**
   * 95% confidence interval of the mean, for Monte-Carlo estimates (values from random disasters): batch means
   * over 10 consecutive batches in disaster-time order, because disasters in one run are correlated (they
   * see the same backlog history). null with fewer than 20 values, or for exact time-weighted statistics.
   */
  ci95: [number, number] | null;
}

export interface RpoSummary extends Stats {
  /** Time-weighted over [max(warm-up, first point), horizon); count = number of recovery points in it. */
  fractionWithinThreshold: number | null;
  /** Seconds observed (the denominator of the time weighting). */
  observedSec: number;
  /** With SimulateOptions.dailyPeaks: the largest value in each day after the warm-up, exact (DailyPeaks). */
  peakPerDaySec?: number[];
}

export interface AlertSummary {
  /** Episodes (upward crossings) and total seconds in the alert state. */
  episodes: number;
  seconds: number;
}

export type RecoveryPointKind = 'crash-consistent' | 'app-consistent' | 'latest-uploaded';

export interface FailoverRecord {
  disasterTimeSec: number;
  vm: string;
  choice: FailoverChoice;
  /** null: this choice had no recovery point at that time (see note). */
  recoveryPointTimeSec: number | null;
  recoveryPointKind: RecoveryPointKind | null;
  dataLossSec: number | null;
  dataLossBytes: number | null;
  downtimeSec: number | null;
  shutdownSec: number;
  detectionSec: number;
  backlogProcessingSec: number;
  jobSec: number;
  extraProcessingSec: number;
  bootSec: number;
  /** Empty, or why there is no point ("no app-consistent point: app-consistent off"). */
  note: string;
  /** The clean choice: the corruption's dwell time (null, or absent, for the other choices). */
  dwellSec?: number | null;
}

export interface ChoiceSummary {
  choice: FailoverChoice;
  /** The clean choice: one summary per dwell time (absent for the other choices). */
  dwellSec?: number;
  /** Disasters at which this choice had a recovery point. */
  available: number;
  unavailable: number;
  dataLossSec: Stats;
  dataLossBytes: Stats;
  downtimeSec: Stats;
}

export interface VmSummary {
  name: string;
  processServer: string;
  /** When initial replication finished and the first recovery point became usable (null: never). */
  initialReplicationDoneSec: number | null;
  firstRecoveryPointSec: number | null;
  rpo: RpoSummary;
  rpoAlerts: AlertSummary;
  /**
   * With SimulateOptions.measureLag: the replication lag (age of the oldest byte not yet in Azure), exact and
   * time-weighted like rpo, against the same threshold; count = linear pieces observed.
   */
  lag?: RpoSummary;
  lagAlerts?: AlertSummary;
  recoveryPointsCreated: number;
  recoveryPointsRetainedAtEnd: number;
  /** What the retained points reach back to and what holding them takes, sampled hourly (README: Outputs). */
  retention: RetentionSummary;
  peakCacheBytes: number;
  peakSourceBacklogBytes: number;
  peakUnuploadedBytes: number;
  /** Seconds spent throttled (bitmap mode at the source). */
  throttledSec: number;
  bytesWritten: number;
  bytesUploaded: number;
  bytesProcessed: number;
  failover: ChoiceSummary[];
}

/**
 * The history a VM's retained recovery points give, sampled every `intervalSec` (on multiples of it) from the
 * warm-up to the horizon, or until replication stopped; only instants at which the VM had a point count.
 */
export interface RetentionSummary {
  intervalSec: number;
  samples: number;
  /**
   * Bytes the workload wrote between the oldest retained point's source time and the sample: what a journal or
   * undo log must hold to reach back to that point (overwrites not coalesced, so an upper bound for snapshots).
   */
  storageMeanBytes: number | null;
  storagePeakBytes: number | null;
  /** Age of the oldest retained point: how far back a recovery can go (for Zerto, the history actually available). */
  oldestPointAgeMeanSec: number | null;
  oldestPointAgeMinSec: number | null;
}

export interface ProcessServerSummary {
  name: string;
  peakCacheBytes: number;
  peakCacheFraction: number;
  throttle: AlertSummary;
  cacheWarning: AlertSummary;
  cacheCritical: AlertSummary;
  pendingUploadWarning: AlertSummary;
  pendingUploadCritical: AlertSummary;
  downSec: number;
}

export interface UplinkSummary {
  name: string;
  downSec: number;
  outages: number;
  /** Mean utilisation by replication while up, 0–1 of the bandwidth. */
  utilisation: number;
  /**
   * With background traffic: the wire bytes of the link it took while the link was up (strict priority: its
   * traffic, up to the bandwidth; a QoS share: the bandwidth reserved for it).
   */
  backgroundBytes?: number;
}

export interface TimeseriesSample {
  timeSec: number;
  vm: string;
  /** With a failover–failback cycle: the leg replicating the VM ('' while none does). */
  direction?: 'to-azure' | 'to-on-premises' | '';
  rpoSec: number | null;
  /** Age of the oldest retained recovery point (null before the first point). */
  oldestPointAgeSec: number | null;
  /** With SimulateOptions.measureLag: the replication lag (null before initial replication ends). */
  lagSec?: number | null;
  sourceBacklogBytes: number;
  psCacheBytes: number;
  unuploadedBytes: number;
  unprocessedBytes: number;
}

/** A figure of the failover records whose mean `rposim run --precision` can drive to a target. */
export type PrecisionMetric = 'data-loss-sec' | 'data-loss-bytes' | 'downtime-sec';

/** With `rposim run --precision`: the replications run and the estimate they give (summary.json). */
export interface PrecisionSummary {
  /** The figure driven to the target: this metric's mean for this choice over disasters × VMs. */
  metric: PrecisionMetric;
  choice: FailoverChoice;
  /** The seed given; replication i runs with replicationSeed(seed, i) (firstReplicationSeed for the files). */
  seed: number;
  firstReplicationSeed: number;
  replications: number;
  maxReplications: number;
  /** The mean over replications of each replication's mean, and its 95% CI (Student t over replications). */
  mean: number;
  ci95: [number, number];
  relativeHalfWidth: number;
  target: number;
  /** false: the cap was reached before the CI was as tight as the target. */
  met: boolean;
}

export interface SimulationResult {
  /** Present with --precision: the files otherwise describe the first replication (seed: the one given). */
  precision?: PrecisionSummary;
  scenario: string;
  seed: number;
  version: string;
  horizonSec: number;
  warmupSec: number;
  disasterTimesSec: number[];
  vms: VmSummary[];
  processServers: ProcessServerSummary[];
  uplinks: UplinkSummary[];
  /** One failover per disaster × VM × choice, by disaster time, then VM order, then choice order (failoverTable.ts reads them as records). */
  failovers: FailoverTable;
  /** Empty when output.sampleIntervalSec is 0. */
  timeseries: TimeseriesSample[];
  /** Events the engine processed (for benchmarks). */
  eventCount: number;
  groups: GroupSummary[];
  plans: PlanSummary[];
  /** One record per disaster × recovery plan (plans.csv). */
  planRuns: PlanRecord[];
  /** null when the scenario has no cycle. */
  cycle: CycleResult | null;
}

export interface SimulateOptions {
  seed?: number;
  /** Also measure the replication lag exactly (VmSummary.lag, TimeseriesSample.lagSec). Default false. */
  measureLag?: boolean;
  /** Also give each VM's largest RPO (and lag) in each day after the warm-up (RpoSummary.peakPerDaySec). */
  dailyPeaks?: boolean;
  /**
   * Simulated seconds between compactions of memory (default 4 h). Compaction changes no result, only memory
   * and eventCount: this is for the tests that check so.
   */
  compactIntervalSec?: number;
  /**
   * Called with the simulated fraction done (0–1), at every compaction (4 simulated hours): for a progress
   * display. It rides on an event the run has anyway, so passing it changes nothing in the results.
   */
  onProgress?: (fractionDone: number) => void;
  /**
   * Receives each timeseries sample as it is taken, instead of the result holding them all
   * (SimulationResult.timeseries is then empty): a long run's timeseries goes to disk as it is made, and memory
   * stays flat in the horizon. The samples, and their order, are the same either way.
   */
  onSample?: (sample: TimeseriesSample) => void;
}

// ── Replication groups, recovery plans and the failover–failback cycle (docs/failback.md) ──

export interface GroupSummary {
  name: string;
  vms: string[];
  /** Age of the group's newest common point at each disaster: the group's RPO (the slowest member sets it). */
  commonPointAgeSec: Stats;
  commonAppConsistentPointAgeSec: Stats;
}

/** One recovery plan run at one disaster. */
export interface PlanRecord {
  plan: string;
  disasterTimeSec: number;
  /** Detection + the plan's makespan; null when a VM of the plan had no recovery point. */
  downtimeSec: number | null;
  /** The application's data loss: the largest of its VMs' (seconds) and their sum (bytes); null like downtimeSec. */
  dataLossSec: number | null;
  dataLossBytes: number | null;
  detectionSec: number;
  /** What finished each group last, group by group ("vm db > action switch-dns > vm web-1"). */
  criticalPath: string;
  note: string;
}

export interface PlanSummary {
  name: string;
  choice: FailoverChoice;
  available: number;
  unavailable: number;
  downtimeSec: Stats;
  /** Over the same disasters: the largest data loss of the plan's VMs, and the bytes lost by all of them. */
  dataLossSec: Stats;
  dataLossBytes: Stats;
  /** The critical path seen most often over the disasters (ties: the first seen). */
  commonestCriticalPath: string;
}

export type CyclePhaseName =
  | 'failover-to-azure'
  | 'failover-cancelled'
  | 'azure-unprotected'
  | 'reprotect-to-on-premises'
  | 'protected-in-azure'
  | 'failover-to-on-premises'
  | 'on-premises-unprotected'
  | 'reprotect-to-azure'
  | 'protected-on-premises';

/** One VM in one phase of the cycle: phases of a VM follow each other without gap or overlap. */
export interface LifecyclePhase {
  vm: string;
  phase: CyclePhaseName;
  startSec: number;
  endSec: number;
  durationSec: number;
  bytesTransferred: number;
  dataLossSec: number;
  dataLossBytes: number;
  /** Whether a recovery point could be taken for the VM during the phase. */
  protected: boolean;
  /** Whether the application on this VM is down (not running anywhere) during the phase. */
  down: boolean;
  /** For a protected phase: the RPO of the leg replicating the VM then, over the phase (null otherwise). */
  rpo: RpoSummary | null;
  note: string;
}

export interface LongestPhase {
  phase: CyclePhaseName;
  durationSec: number;
}

/** What the whole cycle cost one VM or one application. */
export interface CycleTotals {
  name: string;
  downtimeSec: number;
  /** For a plan: the largest loss of any of its VMs. */
  dataLossSec: number;
  /** For a plan: the sum over its VMs. */
  dataLossBytes: number;
  unprotectedSec: number;
  /** For a plan: the phase whose span over its VMs (first start to last end) is longest. */
  longestPhase: LongestPhase;
}

/** One replication leg of the cycle, over its own active time. */
export interface LegSummary {
  direction: 'to-on-premises' | 'to-azure';
  /** When its resync started and when its first recovery point became usable (null: not by the horizon). */
  startSec: number | null;
  firstRecoveryPointSec: number | null;
  /** When a point was first usable within the RPO threshold: the RPO back under it (null: not by the horizon). */
  rpoWithinThresholdSec: number | null;
  /** Bytes the resync copied. */
  resyncBytes: number;
  rpo: RpoSummary;
  rpoAlerts: AlertSummary;
}

export interface CycleVmSummary extends CycleTotals {
  /** Points left after the commit (1: the failover's point), null when not committed. */
  recoveryPointsAfterCommit: number | null;
  /** Points created by forward replication after the cycle's failover (0: replication stopped there). */
  recoveryPointsCreatedAfterFailover: number;
  /** From the failover to Azure until the VM is protected in Azure (its first failback point); null: never. */
  failoverToProtectedInAzureSec: number | null;
  /** The failback replication leg (Azure → on-premises), then the second protection (on-premises → Azure). */
  legs: LegSummary[];
}

/** Per recovery plan: its VMs seen as one application (down while any of its VMs is down). */
export type CyclePlanSummary = CycleTotals;

export interface CycleResult {
  outcome: 'commit' | 'cancel';
  startSec: number;
  endSec: number;
  vms: CycleVmSummary[];
  plans: CyclePlanSummary[];
  /** One row per VM × phase (lifecycle.csv). */
  phases: LifecyclePhase[];
}
