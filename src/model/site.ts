import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import type { ProcessServerSpec, Scenario } from '../scenario/types.js';
import { startChurn } from './churn/startChurn.js';
import { groupOverheadFraction } from './groupPoints.js';
import { scheduleOutages } from './outages.js';
import { ProcessServer } from './processServer.js';
import { ReplicationDomain } from './replicationDomain.js';
import { VmReplication } from './vmReplication.js';

/**
 * The replicated site of a scenario, wired onto an environment: every VM's stream, its process server and
 * the uplink domain they share, with churn and outages scheduled until the horizon.
 */
export class Site {
  readonly vms: VmReplication[];
  readonly vmByName: ReadonlyMap<string, VmReplication>;
  readonly servers: ProcessServer[];
  readonly domains: ReplicationDomain[];
  private readonly domainOfServer = new Map<ProcessServer, ReplicationDomain>();
  private readonly serverOfVm = new Map<VmReplication, ProcessServer>();

  constructor(env: Environment, scenario: Scenario, stream: (label: string) => RandomStream, measureLag = false) {
    const { horizonSec, warmupSec } = scenario;
    this.servers = scenario.processServers.map((spec) => new ProcessServer(withGroupOverhead(spec, scenario), warmupSec));
    const serverByName = new Map(this.servers.map((server) => [server.spec.name, server]));
    this.vms = scenario.vms.map(
      (spec, i) => new VmReplication(spec, i, scenario.cloud.processingDelaySec, scenario.policy.retentionSec, measureLag),
    );
    this.vmByName = new Map(this.vms.map((vm) => [vm.spec.name, vm]));
    for (const vm of this.vms) {
      const server = serverByName.get(vm.spec.processServer)!;
      server.addVm(vm);
      this.serverOfVm.set(vm, server);
    }
    this.domains = scenario.uplinks.map(
      (spec) => new ReplicationDomain(env, spec, this.servers.filter((server) => server.spec.uplink === spec.name)),
    );
    for (const domain of this.domains) for (const server of domain.servers) this.domainOfServer.set(server, domain);

    for (const vm of this.vms) {
      const domain = this.domainOf(vm);
      vm.spec.churn.forEach((component, k) => {
        const sink = {
          setRate: (bytesPerSec: number) => {
            vm.setChurnComponentRate(env.now, k, bytesPerSec);
            domain.requestRecompute();
          },
          burst: (bytes: number) => {
            vm.burst(env.now, bytes);
            domain.requestRecompute();
          },
        };
        startChurn(env, component, sink, stream(`churn/${vm.spec.name}/${k}`), horizonSec);
      });
    }
    for (const domain of this.domains) {
      const { outages, name } = domain.spec;
      scheduleOutages(env, outages, domain.availability, stream(`outage/uplink/${name}`), horizonSec, domain.requestRecompute);
      for (const server of domain.servers) {
        const label = `outage/ps/${server.spec.name}`;
        scheduleOutages(env, server.spec.outages, server.availability, stream(label), horizonSec, domain.requestRecompute);
      }
      domain.requestRecompute();
    }
  }

  domainOf(vm: VmReplication): ReplicationDomain {
    return this.domainOfServer.get(this.serverOfVm.get(vm)!)!;
  }

  /** The rate at which a shut-down VM's remaining data could still be uploaded (see ReplicationDomain). */
  finalSyncRateFor(vm: VmReplication): number {
    return this.domainOf(vm).finalSyncRateFor(vm, this.serverOfVm.get(vm)!);
  }

  /** Brings every VM and observer up to nowSec. */
  advanceAll(nowSec: number): void {
    for (const domain of this.domains) domain.advanceAll(nowSec);
  }

  /** Asks every domain to recompute its rates (after a change no churn or outage event announced). */
  requestRecompute(): void {
    for (const domain of this.domains) domain.requestRecompute();
  }

  /** Closes the books at the horizon. */
  finish(horizonSec: number): void {
    this.advanceAll(horizonSec);
    for (const domain of this.domains) domain.availability.finish(horizonSec);
    for (const server of this.servers) server.availability.finish(horizonSec);
  }
}

/** A process server serving a member of a replication group loses the group's CPU overhead from its throughput. */
function withGroupOverhead(spec: ProcessServerSpec, scenario: Scenario): ProcessServerSpec {
  const served = scenario.vms.filter((vm) => vm.processServer === spec.name).map((vm) => vm.name);
  const overhead = groupOverheadFraction(scenario.replicationGroups, served);
  return overhead === 0 ? spec : { ...spec, throughputBytesPerSec: spec.throughputBytesPerSec * (1 - overhead) };
}
