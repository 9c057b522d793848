import { uniform } from './engine/distributions.js';
import { Environment } from './engine/environment.js';
import { createStream } from './engine/random.js';
import { choiceSummary } from './metrics/choiceSummary.js';
import { lagSummary } from './metrics/lagSummary.js';
import { rpoSummary } from './metrics/rpoSummary.js';
import type {
  FailoverRecord,
  ProcessServerSummary,
  SimulateOptions,
  SimulationResult,
  TimeseriesSample,
  UplinkSummary,
  VmSummary,
} from './metrics/types.js';
import { startChurn } from './model/churn/startChurn.js';
import { drawDowntime } from './model/downtimeDraws.js';
import { evaluateFailover } from './model/failover.js';
import { scheduleOutages } from './model/outages.js';
import { PRIORITY } from './model/priorities.js';
import { ProcessServer } from './model/processServer.js';
import { ReplicationDomain } from './model/replicationDomain.js';
import { sampleDistribution } from './model/sampleDistribution.js';
import { VmReplication } from './model/vmReplication.js';
import type { Scenario } from './scenario/types.js';
import { VERSION } from './version.js';

// Pruning gives the same points whenever it runs (see retentionGrid.ts); it only bounds memory.
const PRUNE_INTERVAL_SEC = 4 * 3600;

/**
 * Simulates one scenario with one seed: the library's front door. Pure and deterministic: the same scenario
 * and seed give the same result. Every random input draws from its own stream derived from (seed, label), so
 * adding an input does not shift the others, and runs with the same seed share their random numbers.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const { horizonSec, warmupSec, policy } = scenario;
  const env = new Environment();
  const stream = (label: string) => createStream(seed, label);

  const servers = new Map(scenario.processServers.map((spec) => [spec.name, new ProcessServer(spec, warmupSec)]));
  const vms = scenario.vms.map(
    (spec, i) => new VmReplication(spec, i, scenario.cloud.processingDelaySec, policy.retentionSec, options.measureLag ?? false),
  );
  for (const vm of vms) servers.get(vm.spec.processServer)!.addVm(vm);
  const domains = scenario.uplinks.map(
    (spec) => new ReplicationDomain(env, spec, [...servers.values()].filter((server) => server.spec.uplink === spec.name)),
  );
  const domainOfServer = new Map<ProcessServer, ReplicationDomain>();
  for (const domain of domains) for (const server of domain.servers) domainOfServer.set(server, domain);
  const domainOf = (vm: VmReplication) => domainOfServer.get(servers.get(vm.spec.processServer)!)!;

  for (const vm of vms) {
    const domain = domainOf(vm);
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
  for (const domain of domains) {
    scheduleOutages(env, domain.spec.outages, domain.availability, stream(`outage/uplink/${domain.spec.name}`), horizonSec, domain.requestRecompute);
    for (const server of domain.servers) {
      scheduleOutages(env, server.spec.outages, server.availability, stream(`outage/ps/${server.spec.name}`), horizonSec, domain.requestRecompute);
    }
    domain.requestRecompute();
  }

  env.every(policy.crashConsistentIntervalSec, () => {
    for (const vm of vms) vm.tag(env.now, 'crash-consistent');
  }, { priority: PRIORITY.crashTag, untilSec: horizonSec });
  if (policy.appConsistentIntervalSec > 0) {
    env.every(policy.appConsistentIntervalSec, () => {
      for (const vm of vms) vm.tag(env.now, 'app-consistent');
    }, { priority: PRIORITY.appTag, untilSec: horizonSec });
  }
  env.every(PRUNE_INTERVAL_SEC, () => {
    for (const vm of vms) {
      vm.advance(env.now);
      vm.points.prune(env.now);
      vm.forgetHistoryBefore();
    }
  }, { priority: PRIORITY.observe, untilSec: horizonSec });

  const disasterTimesSec = disasterTimes(scenario, stream('disasters/times'));
  const detectionStream = stream('disasters/detection');
  const downtimeStreams = vms.map((vm) => stream(`downtime/${vm.spec.name}`));
  const failovers: FailoverRecord[] = [];
  const failoversByVm: FailoverRecord[][] = vms.map(() => []);
  for (const disasterSec of disasterTimesSec) {
    env.scheduleAt(disasterSec, () => {
      for (const domain of domains) domain.advanceAll(disasterSec);
      const detectionSec = sampleDistribution(scenario.failover.detectionSec, detectionStream);
      vms.forEach((vm, i) => {
        const draws = drawDowntime(scenario.failover, vm.spec, detectionSec, downtimeStreams[i]!);
        const syncRate = domainOf(vm).finalSyncRateFor(vm);
        for (const choice of scenario.failover.choices) {
          const record = evaluateFailover(vm, disasterSec, choice, draws, scenario, syncRate);
          failovers.push(record);
          failoversByVm[i]!.push(record);
        }
      });
    }, PRIORITY.observe);
  }

  const timeseries: TimeseriesSample[] = [];
  if (scenario.output.sampleIntervalSec > 0) {
    env.every(scenario.output.sampleIntervalSec, () => {
      const now = env.now;
      for (const domain of domains) domain.advanceAll(now);
      for (const vm of vms) {
        const newest = vm.points.newest();
        timeseries.push({
          timeSec: now,
          vm: vm.spec.name,
          rpoSec: newest === null ? null : now - newest.sourceTimeSec,
          ...(vm.lagSteps === null ? {} : { lagSec: vm.initialReplicationDoneSec === null ? null : now - vm.uploadedSourceTime(now) }),
          sourceBacklogBytes: vm.sourceBacklog,
          psCacheBytes: vm.cache,
          unuploadedBytes: vm.unuploaded,
          unprocessedBytes: vm.uploaded - vm.appliedAt(now),
        });
      }
    }, { startSec: 0, priority: PRIORITY.observe, untilSec: horizonSec });
  }

  env.run({ until: horizonSec });
  for (const domain of domains) {
    domain.advanceAll(horizonSec);
    domain.availability.finish(horizonSec);
    for (const server of domain.servers) server.availability.finish(horizonSec);
  }

  return {
    scenario: scenario.name,
    seed,
    version: VERSION,
    horizonSec,
    warmupSec,
    disasterTimesSec,
    vms: vms.map((vm, i) => vmSummary(vm, scenario, failoversByVm[i]!)),
    processServers: [...servers.values()].map(processServerSummary),
    uplinks: domains.map((domain) => uplinkSummary(domain, horizonSec)),
    failovers,
    timeseries,
    eventCount: env.processedEvents,
  };
}

/** Given disaster times plus random ones uniform in [warm-up, horizon), in time order. */
function disasterTimes(scenario: Scenario, rng: ReturnType<typeof createStream>): number[] {
  const times = [...scenario.disasters.timesSec];
  for (let i = 0; i < scenario.disasters.randomCount; i++) times.push(uniform(rng, scenario.warmupSec, scenario.horizonSec));
  return times.sort((a, b) => a - b);
}

function vmSummary(vm: VmReplication, scenario: Scenario, mine: FailoverRecord[]): VmSummary {
  const { rpo, alerts } = rpoSummary(vm.rpoSteps, scenario.warmupSec, scenario.horizonSec, scenario.policy.rpoThresholdSec);
  const lag = vm.lagSteps === null ? null : lagSummary(vm.lagSteps, scenario.warmupSec, scenario.horizonSec, scenario.policy.rpoThresholdSec);
  return {
    name: vm.spec.name,
    processServer: vm.spec.processServer,
    initialReplicationDoneSec: vm.initialReplicationDoneSec,
    firstRecoveryPointSec: vm.firstPointSec,
    rpo,
    rpoAlerts: alerts,
    ...(lag === null ? {} : { lag: lag.lag, lagAlerts: lag.alerts }),
    recoveryPointsCreated: vm.points.created,
    recoveryPointsRetainedAtEnd: vm.points.retainedAt(scenario.horizonSec).length,
    peakCacheBytes: vm.peakCache,
    peakSourceBacklogBytes: vm.peakSourceBacklog,
    peakUnuploadedBytes: vm.peakUnuploaded,
    throttledSec: vm.throttledSec,
    bytesWritten: vm.written,
    bytesUploaded: vm.uploaded,
    bytesProcessed: vm.appliedAt(scenario.horizonSec),
    failover: scenario.failover.choices.map((choice) => choiceSummary(choice, mine)),
  };
}

function processServerSummary(server: ProcessServer): ProcessServerSummary {
  return {
    name: server.spec.name,
    peakCacheBytes: server.peakCacheBytes,
    peakCacheFraction: server.peakCacheBytes / server.spec.cacheBytes,
    throttle: server.throttleTracker.summary(),
    cacheWarning: server.cacheWarning.summary(),
    cacheCritical: server.cacheCritical.summary(),
    pendingUploadWarning: server.pendingWarning.summary(),
    pendingUploadCritical: server.pendingCritical.summary(),
    downSec: server.availability.downSec,
  };
}

function uplinkSummary(domain: ReplicationDomain, horizonSec: number): UplinkSummary {
  const upSec = horizonSec - domain.availability.downSec;
  return {
    name: domain.spec.name,
    downSec: domain.availability.downSec,
    outages: domain.availability.outages,
    utilisation: upSec > 0 ? domain.wireBytesSent / (domain.spec.bandwidthBytesPerSec * upSec) : 0,
  };
}
