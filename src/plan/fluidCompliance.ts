import { pointPolicy } from '../model/policies/index.js';
import { TagClock } from '../model/points/tagClock.js';
import type { OutageSpec, Scenario } from '../scenario/types.js';
import { type CumulativeCurve, CurveReader, drainAt, drainBuffer } from './fluidQueue.js';

/** The fraction of the observed time the RPO is within the threshold, with each measure (0 when never observed). */
export interface Compliance {
  lag: number;
  recoveryPoint: number;
}

/**
 * Why a scenario's compliance cannot be computed without simulating it (fluidCompliance), or null when it can:
 * one VM on one uplink, nothing random or scheduled but the churn (a trace), a continuous stream. Then its data
 * path is three FIFO fluid queues in series with constant rates — intake at min(max replication rate, process
 * server throughput), upload at bandwidth × compression, processing at the apply rate — and its RPO follows from
 * the write curve alone. Checked per bandwidth as well: the process server's cache must stay below its throttle
 * level (throttling would hold data at the source), which fluidCompliance checks itself.
 */
export function fluidObstacle(scenario: Scenario): string | null {
  const hasOutages = (o: OutageSpec) => o.windows.length > 0 || o.random !== null;
  const [vm] = scenario.vms;
  const server = scenario.processServers.find((ps) => ps.name === vm?.processServer);
  if (scenario.vms.length !== 1 || vm === undefined || server === undefined) return 'not one VM';
  if (scenario.uplinks.length !== 1) return 'not one uplink';
  if (vm.churn.some((c) => c.kind !== 'trace')) return 'churn not made only of traces';
  if (vm.usedDiskBytes > 0) return 'initial replication';
  if (pointPolicy(scenario.policy).deltaSync !== null) return 'snapshot (delta sync) replication';
  if (hasOutages(scenario.uplinks[0]!.outages) || hasOutages(server.outages)) return 'outages';
  if (scenario.uplinks[0]!.background !== undefined) return 'background traffic';
  if (server.bandwidthThrottling !== undefined) return 'bandwidth throttling';
  if (scenario.replicationGroups.length > 0) return 'replication groups';
  if (scenario.cycle !== null) return 'a failover–failback cycle';
  if (scenario.disasters.timesSec.length > 0 || scenario.disasters.randomCount > 0) return 'disasters';
  return null;
}

/**
 * The compliance of a scenario's only VM with both measures, computed exactly from its write curve W (see
 * fluidObstacle for when this applies), in O(breakpoints + tags) per scenario; null when its process server's
 * cache would come within 0.1% of its throttle level (then only a simulation says what happens). Agrees with
 * simulate(scenario, { measureLag: true }) up to the simulation's rounding (test/plan/fluidCompliance.test.ts).
 *
 * Ingested S = W drained at the intake (min(max replication rate, process-server throughput)), uploaded U = S
 * drained at bandwidth × compression (the cache is what waits between them), processed P = U drained at the
 * apply rate.
 * - lag: lag(t) > R ⇔ W(t − R) > U(t) (everything written by t − R is uploaded by t, within the stream's
 *   rounding tolerance), observed from the warm-up to the horizon.
 * - recovery point: a tag at each instant of the policy's series, at position W(τ), is usable D after P reaches
 *   it (not before τ + D); between two usable instants the RPO is the age of the newer point, observed from the
 *   first usable point (or the warm-up) to the horizon.
 */
export class FluidCompliance {
  private readonly ingestedBuffer = drainBuffer();
  private readonly uploadedBuffer = drainBuffer();
  private readonly processedBuffer = drainBuffer();

  constructor(private readonly written: CumulativeCurve) {}

  of(scenario: Scenario): Compliance | null {
    const { written } = this;
    const vm = scenario.vms[0]!;
    const server = scenario.processServers.find((ps) => ps.name === vm.processServer)!;
    const intake = Math.min(vm.maxReplicationBytesPerSec, server.throughputBytesPerSec);
    const ingested = drainAt(written, intake, this.ingestedBuffer).output;
    const upload = scenario.uplinks[0]!.bandwidthBytesPerSec * server.compressionRatio;
    const { output: uploaded, peakBytes: peakCache } = drainAt(ingested, upload, this.uploadedBuffer);
    const throttleLevel = (1 - server.throttleFreeFraction) * server.cacheBytes;
    if (server.cacheBytes > 0 && peakCache >= 0.999 * throttleLevel) return null;
    const { horizonSec, warmupSec, policy } = scenario;
    const lag = 1 - lagAboveSec(written, uploaded, policy.rpoThresholdSec, warmupSec, horizonSec) / (horizonSec - warmupSec);
    if (pointPolicy(policy).rpoIsReplicationLag) return { lag, recoveryPoint: lag };
    const processed = drainAt(uploaded, vm.applyRateBytesPerSec, this.processedBuffer).output;
    return { lag, recoveryPoint: recoveryPointCompliance(scenario, written, processed) };
  }
}

/** The stream's rounding tolerance at `written` bytes (Stream.tolerance): within it a position counts as reached. */
const tolerance = (written: number): number => 1e-3 + written * 1e-12;

/**
 * Seconds in [fromSec, toSec] where W(t − R) − U(t) exceeds the tolerance: the lag is above R. On each piece of
 * U (whose breakpoints include W's) the queue W − U is linear, so a piece empty at both ends is empty throughout
 * and its lag is 0; a busy piece is split at W's breakpoints shifted by R, between which the difference is linear.
 */
function lagAboveSec(written: CumulativeCurve, uploaded: CumulativeCurve, rpoSec: number, fromSec: number, toSec: number): number {
  const { timesSec: ut, bytes: ub } = uploaded;
  const wt = written.timesSec;
  const now = new CurveReader(written);
  const before = new CurveReader(written);
  let above = 0;
  let j = 0; // the next breakpoint of W(t − R)
  let t0 = ut[0]!;
  let queued0 = now.at(t0) - ub[0]!;
  for (let i = 1; i < ut.length; i++) {
    const t1 = ut[i]!;
    const queued1 = now.at(t1) - ub[i]!;
    const a = Math.max(t0, fromSec);
    const b = Math.min(t1, toSec);
    if (b > a && (queued0 > tolerance(ub[i - 1]!) || queued1 > tolerance(ub[i]!))) {
      const slope = (ub[i]! - ub[i - 1]!) / (t1 - t0);
      while (j < wt.length && wt[j]! + rpoSec <= a) j++;
      let s0 = a;
      let u = ub[i - 1]! + slope * (a - t0);
      let e0 = before.at(a - rpoSec) - u - tolerance(u);
      while (s0 < b) {
        const s1 = j < wt.length ? Math.min(b, wt[j]! + rpoSec) : b;
        u = ub[i - 1]! + slope * (s1 - t0);
        const e1 = before.at(s1 - rpoSec) - u - tolerance(u);
        if (e0 > 0 && e1 > 0) above += s1 - s0;
        else if (e0 > 0) above += ((s1 - s0) * e0) / (e0 - e1);
        else if (e1 > 0) above += ((s1 - s0) * e1) / (e1 - e0);
        if (s1 < b) j++;
        s0 = s1;
        e0 = e1;
      }
    }
    t0 = t1;
    queued0 = queued1;
  }
  return above;
}

/** The recovery-point sawtooth's fraction of time within R (0 when no point is usable in time to be observed). */
function recoveryPointCompliance(scenario: Scenario, written: CumulativeCurve, processed: CumulativeCurve): number {
  const { horizonSec, warmupSec } = scenario;
  const delaySec = scenario.cloud.processingDelaySec;
  const rpoSec = scenario.policy.rpoThresholdSec;
  const tags = new TagClock(pointPolicy(scenario.policy).tagSeries);
  tags.start(0);
  const position = new CurveReader(written);
  const processing = new CurveReader(processed);
  let fromSec = Number.NaN;
  let lastUsableSec = Number.NaN;
  let lastSourceSec = Number.NaN;
  let above = 0;
  // The tooth of the point tagged at sourceSec, newest from t0 to t1: above R after sourceSec + R.
  const tooth = (t0: number, t1: number, sourceSec: number): number => Math.max(0, t1 - Math.max(fromSec, t0, sourceSec + rpoSec));
  while (tags.peekSec <= horizonSec) {
    const tagSec = tags.peekSec;
    tags.take();
    const bytes = position.at(tagSec);
    const usableSec = Math.max(processing.timeReaching(bytes - tolerance(bytes)), tagSec) + delaySec;
    if (!(usableSec <= horizonSec)) break; // usable instants never decrease
    if (Number.isNaN(fromSec)) fromSec = Math.max(warmupSec, usableSec);
    else above += tooth(lastUsableSec, usableSec, lastSourceSec);
    lastUsableSec = usableSec;
    lastSourceSec = tagSec;
  }
  if (Number.isNaN(fromSec) || fromSec >= horizonSec) return 0;
  above += tooth(lastUsableSec, horizonSec, lastSourceSec);
  return 1 - above / (horizonSec - fromSec);
}
