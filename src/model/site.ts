import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import type { ProcessServerSpec, Scenario, VmSpec } from '../scenario/types.js';
import { HourlyTick } from './churn/hourlyTick.js';
import { startChurn } from './churn/startChurn.js';
import { Workload } from './churn/workload.js';
import { LevelClock } from './fluid/levelClock.js';
import { Stream, type StreamSettings } from './fluid/stream.js';
import { groupOverheadFraction } from './groupPoints.js';
import { scheduleOutages } from './outages.js';
import { DeltaSyncSource } from './deltaSync.js';
import { pointPolicy } from './policies/index.js';
import type { PointPolicy } from './policies/pointPolicy.js';
import { ProcessServer } from './processServer.js';
import { ReplicationDomain, type StreamPath } from './replicationDomain.js';

/** A protected VM: its workload, and the stream that replicates it to Azure through its process server. */
export interface ReplicatedVm {
  readonly spec: VmSpec;
  /** Position in the scenario's VM list. */
  readonly index: number;
  readonly workload: Workload;
  readonly stream: Stream;
  readonly server: ProcessServer;
  readonly domain: ReplicationDomain;
  /** The product's rules for the stream's points. */
  readonly policy: PointPolicy;
}

/**
 * The replicated site of a scenario, wired onto an environment: every VM's workload and forward stream, its
 * process server and the uplink domain they share, with churn and outages scheduled until the horizon.
 */
export class Site {
  readonly vms: ReplicatedVm[] = [];
  readonly vmByName: ReadonlyMap<string, ReplicatedVm>;
  readonly servers: ProcessServer[];
  readonly domains: ReplicationDomain[];

  constructor(env: Environment, scenario: Scenario, stream: (label: string) => RandomStream, measureLag = false) {
    const { horizonSec, warmupSec } = scenario;
    const policy = pointPolicy(scenario.policy);
    const settings: StreamSettings = {
      processingDelaySec: scenario.cloud.processingDelaySec,
      policy,
      warmupSec,
      rpoAlertAfterSec: scenario.alerts.rpoAlertAfterSec,
      // A product whose RPO is the replication lag (AWS DRS) measures it whether or not the caller asked.
      measureLag: measureLag || policy.rpoIsReplicationLag,
    };
    this.servers = scenario.processServers.map(
      (spec) => new ProcessServer(withGroupOverhead(spec, scenario), warmupSec, scenario.alerts.processServerAlertAfterSec),
    );
    const byVm = new Array<ReplicatedVm>(scenario.vms.length);
    this.domains = scenario.uplinks.map((uplink) => {
      const servers = this.servers.filter((server) => server.spec.uplink === uplink.name);
      const clock = new LevelClock();
      const paths: StreamPath[] = [];
      const members: { spec: VmSpec; index: number; stream: Stream; server: ProcessServer }[] = [];
      for (const server of servers) {
        scenario.vms.forEach((spec, index) => {
          if (spec.processServer !== server.spec.name) return;
          const vmStream = new Stream(paths.length, settings, clock);
          server.addStream(vmStream, spec.disks, spec.usedDiskBytes);
          paths.push({ stream: vmStream, server, maxReplicationBytesPerSec: spec.maxReplicationBytesPerSec, applyRateBytesPerSec: spec.applyRateBytesPerSec });
          members.push({ spec, index, stream: vmStream, server });
        });
        server.seal(clock);
      }
      const domain = new ReplicationDomain(env, uplink, servers, paths, clock);
      for (const member of members) {
        // A product that copies snapshots takes the workload's writes at each sync, not as they happen.
        const workload = new Workload(member.spec.churn.length, policy.deltaSync === null ? member.stream : null);
        if (policy.deltaSync !== null) new DeltaSyncSource(env, domain, member.stream, workload, policy.deltaSync, horizonSec);
        byVm[member.index] = { ...member, workload, domain, policy };
      }
      return domain;
    });
    this.vms = byVm;
    this.vmByName = new Map(this.vms.map((vm) => [vm.spec.name, vm]));

    const hourly = new HourlyTick(env, horizonSec);
    for (const vm of this.vms) {
      const { domain, stream: vmStream, workload } = vm;
      // The stream is anchored before its workload changes it, and shared again after.
      const changed = (target: Stream | null): void => {
        if (target === null) return;
        domain.markDirty(target);
        domain.requestRecompute();
      };
      vm.spec.churn.forEach((component, k) => {
        const sink = {
          setRate: (bytesPerSec: number) => {
            domain.anchor(vmStream);
            changed(workload.setComponentRate(env.now, k, bytesPerSec));
          },
          burst: (bytes: number) => {
            domain.anchor(vmStream);
            changed(workload.burst(env.now, bytes));
          },
        };
        startChurn(env, component, sink, stream(`churn/${vm.spec.name}/${k}`), horizonSec, hourly);
      });
    }
    for (const domain of this.domains) {
      const { outages, name } = domain.spec;
      scheduleOutages(env, outages, domain.availability, stream(`outage/uplink/${name}`), horizonSec, domain.linkChanged);
      for (const server of domain.servers) {
        const label = `outage/ps/${server.spec.name}`;
        scheduleOutages(env, server.spec.outages, server.availability, stream(label), horizonSec, () => domain.serverChanged(server));
      }
      domain.requestRecompute();
    }
  }

  /** Settles every VM's tags and points up to nowSec: what an observer sees (changes nothing). */
  observeAll(nowSec: number): void {
    for (const vm of this.vms) vm.stream.observe(nowSec);
  }

  /**
   * Re-anchors the streams that follow a virtual clock, so that clocks keep only a few hours of history. A
   * change of state (it moves anchors), so it runs before any observer of the instant.
   */
  reanchorLinked(): void {
    for (const domain of this.domains) domain.reanchorLinked();
  }

  /** Frees what no question at or after nowSec needs (pruned points, old breakpoints); changes no result. */
  compact(nowSec: number): void {
    for (const vm of this.vms) vm.stream.compact(nowSec);
    for (const domain of this.domains) domain.trimClock(nowSec);
  }

  /** Closes the books at the horizon. */
  finish(horizonSec: number): void {
    for (const vm of this.vms) vm.stream.observe(horizonSec);
    for (const domain of this.domains) {
      domain.finish(horizonSec);
      domain.availability.finish(horizonSec);
    }
    for (const server of this.servers) server.availability.finish(horizonSec);
  }
}

/** A process server serving a member of a replication group loses the group's CPU overhead from its throughput. */
function withGroupOverhead(spec: ProcessServerSpec, scenario: Scenario): ProcessServerSpec {
  const served = scenario.vms.filter((vm) => vm.processServer === spec.name).map((vm) => vm.name);
  const overhead = groupOverheadFraction(scenario.replicationGroups, served);
  return overhead === 0 ? spec : { ...spec, throughputBytesPerSec: spec.throughputBytesPerSec * (1 - overhead) };
}
