import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import type { SimulateOptions } from '../metrics/types.js';
import type { ProcessServerSpec, Scenario, VmSpec } from '../scenario/types.js';
import { startBackgroundTraffic } from './backgroundTraffic.js';
import { startBandwidthThrottling } from './bandwidthThrottling.js';
import { HourlyTick } from './churn/hourlyTick.js';
import { startChurn } from './churn/startChurn.js';
import { Workload } from './churn/workload.js';
import { reverseLeg, type ReverseLeg } from './cycle/reverseLeg.js';
import { DeltaSyncSource } from './deltaSync.js';
import { LevelClock } from './fluid/levelClock.js';
import { Stream, type StreamSettings } from './fluid/stream.js';
import { groupOverheadFraction } from './groupPoints.js';
import { scheduleOutages } from './outages.js';
import { pointPolicy } from './policies/index.js';
import type { PointPolicy } from './policies/pointPolicy.js';
import { ProcessServer } from './processServer.js';
import { ReplicationDomain, type StreamPath } from './replicationDomain.js';

/** A protected VM: its workload, and the streams that replicate it through its process server. */
export interface ReplicatedVm {
  readonly spec: VmSpec;
  /** Position in the scenario's VM list. */
  readonly index: number;
  readonly workload: Workload;
  /** The forward stream to the target (the first protection). */
  readonly stream: Stream;
  readonly server: ProcessServer;
  readonly domain: ReplicationDomain;
  /** The product's rules for the forward stream's points. */
  readonly policy: PointPolicy;
  /** The cycle's second forward stream (reprotect after failback), started by the cycle; null without one. */
  readonly againStream: Stream | null;
}

/**
 * The replicated site of a scenario, wired onto an environment: every VM's workload and streams, its process
 * server and the uplink domain they share, with churn and outages scheduled until the horizon. A cycle's legs
 * are built here too, on the same clock: the reverse leg over the failback link (ReverseLeg), and a second
 * forward stream per VM in the same domains; their streams wait until the cycle starts them.
 */
export class Site {
  readonly vms: ReplicatedVm[] = [];
  readonly vmByName: ReadonlyMap<string, ReplicatedVm>;
  readonly servers: ProcessServer[];
  readonly domains: ReplicationDomain[];
  readonly reverse: ReverseLeg | null;

  constructor(env: Environment, scenario: Scenario, stream: (label: string) => RandomStream, { measureLag = false, dailyPeaks = false }: Pick<SimulateOptions, 'measureLag' | 'dailyPeaks'> = {}) {
    const { horizonSec, warmupSec, cycle } = scenario;
    const policy = pointPolicy(scenario.policy);
    const settings: StreamSettings = {
      processingDelaySec: scenario.cloud.processingDelaySec,
      policy,
      warmupSec,
      rpoAlertAfterSec: scenario.alerts.rpoAlertAfterSec,
      // A product whose RPO is the replication lag (AWS DRS) measures it whether or not the caller asked.
      measureLag: measureLag || policy.rpoIsReplicationLag,
      dailyPeaks,
    };
    const protectsAgain = cycle !== null && cycle.reprotectOnPremises !== null;
    this.servers = scenario.processServers.map(
      (spec) => new ProcessServer(withGroupOverhead(spec, scenario), warmupSec, scenario.alerts.processServerAlertAfterSec),
    );
    const byVm = new Array<ReplicatedVm>(scenario.vms.length);
    this.domains = scenario.uplinks.map((uplink) => {
      const servers = this.servers.filter((server) => server.spec.uplink === uplink.name);
      const clock = new LevelClock();
      const paths: StreamPath[] = [];
      const members: { spec: VmSpec; index: number; stream: Stream; againStream: Stream | null; server: ProcessServer }[] = [];
      const add = (spec: VmSpec, server: ProcessServer, deferred: boolean): Stream => {
        const vmStream = new Stream(paths.length, settings, clock);
        server.addStream(vmStream, spec.disks, spec.usedDiskBytes, deferred);
        paths.push({ stream: vmStream, server, maxReplicationBytesPerSec: spec.maxReplicationBytesPerSec, applyRateBytesPerSec: spec.applyRateBytesPerSec, receiver: -1 });
        return vmStream;
      };
      for (const server of servers) {
        scenario.vms.forEach((spec, index) => {
          if (spec.processServer !== server.spec.name) return;
          members.push({ spec, index, stream: add(spec, server, false), againStream: null, server });
        });
        // The second protection's streams come after every first one: the first ones keep their indices.
        if (protectsAgain) for (const member of members) if (member.server === server) member.againStream = add(member.spec, server, true);
        server.seal(clock);
      }
      const domain = new ReplicationDomain(env, uplink, servers, paths, clock);
      for (const member of members) {
        // A product that copies snapshots takes the workload's writes at each sync, not as they happen.
        const fed = policy.deltaSync === null ? { stream: member.stream, domain } : null;
        const workload = new Workload(member.spec.churn.length, fed);
        if (policy.deltaSync !== null) new DeltaSyncSource(env, domain, member.stream, workload, policy.deltaSync, horizonSec);
        byVm[member.index] = { ...member, workload, domain, policy };
      }
      return domain;
    });
    this.vms = byVm;
    this.vmByName = new Map(this.vms.map((vm) => [vm.spec.name, vm]));
    this.reverse = cycle !== null && cycle.reprotect !== null && cycle.outcome === 'commit' ? reverseLeg(env, scenario, cycle, this.servers, measureLag) : null;

    const hourly = new HourlyTick(env, horizonSec);
    for (const vm of this.vms) {
      const { workload } = vm;
      vm.spec.churn.forEach((component, k) => {
        const sink = {
          setRate: (bytesPerSec: number) => workload.setComponentRate(env.now, k, bytesPerSec),
          burst: (bytes: number) => workload.burst(env.now, bytes),
        };
        startChurn(env, component, sink, stream(`churn/${vm.spec.name}/${k}`), horizonSec, hourly);
      });
    }
    for (const domain of this.allDomains) {
      const { outages, name } = domain.spec;
      scheduleOutages(env, outages, domain.availability, stream(`outage/uplink/${name}`), horizonSec, domain.linkChanged);
      for (const server of domain.servers) {
        const label = `outage/ps/${server.spec.name}`;
        scheduleOutages(env, server.spec.outages, server.availability, stream(label), horizonSec, () => domain.serverChanged(server));
      }
      domain.requestRecompute();
    }
    // The forward uplinks' other traffic and the process servers' throttling schedules (not the failback leg's).
    for (const domain of this.domains) {
      startBackgroundTraffic(env, domain, stream, horizonSec, hourly);
      for (const server of domain.servers) startBandwidthThrottling(env, domain, server, stream(`throttling/${server.spec.name}`), horizonSec, hourly);
    }
  }

  /** Every domain: the forward ones, then the reverse leg's. */
  get allDomains(): ReplicationDomain[] {
    return this.reverse === null ? this.domains : [...this.domains, this.reverse.domain];
  }

  /** Settles every stream's tags and points up to nowSec: what an observer sees (changes nothing). */
  observeAll(nowSec: number): void {
    for (const domain of this.allDomains) for (const stream of domain.streams) stream.observe(nowSec);
  }

  /**
   * Re-anchors the streams that follow a virtual clock, so that clocks keep only a few hours of history. A
   * change of state (it moves anchors), so it runs before any observer of the instant.
   */
  reanchorLinked(): void {
    for (const domain of this.allDomains) domain.reanchorLinked();
  }

  /** Frees what no question at or after nowSec needs (pruned points, old breakpoints); changes no result. */
  compact(nowSec: number): void {
    for (const domain of this.allDomains) {
      for (const stream of domain.streams) stream.compact(nowSec);
      domain.trimClock(nowSec);
    }
  }

  /** Closes the books at the horizon. */
  finish(horizonSec: number): void {
    this.observeAll(horizonSec);
    for (const domain of this.allDomains) {
      domain.finish(horizonSec);
      domain.availability.finish(horizonSec);
      for (const server of domain.servers) server.availability.finish(horizonSec);
    }
  }
}

/** A process server serving a member of a replication group loses the group's CPU overhead from its throughput. */
function withGroupOverhead(spec: ProcessServerSpec, scenario: Scenario): ProcessServerSpec {
  const served = scenario.vms.filter((vm) => vm.processServer === spec.name).map((vm) => vm.name);
  const overhead = groupOverheadFraction(scenario.replicationGroups, served);
  return overhead === 0 ? spec : { ...spec, throughputBytesPerSec: spec.throughputBytesPerSec * (1 - overhead) };
}
