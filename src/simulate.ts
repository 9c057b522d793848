import { uniform } from './engine/distributions.js';
import { Environment } from './engine/environment.js';
import { createStream } from './engine/random.js';
import { choiceSummary } from './metrics/choiceSummary.js';
import { cyclePlanSummaries, cycleVmSummaries, type CommitFacts } from './metrics/cycleSummary.js';
import { planSummary } from './metrics/planSummary.js';
import { rpoSummary } from './metrics/rpoSummary.js';
import { sampleStats } from './metrics/sampleStats.js';
import type {
  CycleResult,
  FailoverRecord,
  GroupSummary,
  PlanRecord,
  ProcessServerSummary,
  SimulateOptions,
  SimulationResult,
  TimeseriesSample,
  UplinkSummary,
  VmSummary,
} from './metrics/types.js';
import { startChurn } from './model/churn/startChurn.js';
import { drawDowntime } from './model/downtimeDraws.js';
import { cyclePhases } from './model/cycle/cyclePhases.js';
import { evaluateFailover, type GroupPoints } from './model/failover.js';
import { groupOverheadFraction, groupPointsAt } from './model/groupPoints.js';
import { planAtDisaster } from './model/planAtDisaster.js';
import { drawPlanActions } from './model/planSchedule.js';
import { scheduleOutages } from './model/outages.js';
import { PRIORITY } from './model/priorities.js';
import { ProcessServer } from './model/processServer.js';
import { ReplicationDomain } from './model/replicationDomain.js';
import { sampleDistribution } from './model/sampleDistribution.js';
import { VmReplication } from './model/vmReplication.js';
import type { FailoverChoice, ProcessServerSpec, Scenario } from './scenario/types.js';
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

  const servers = new Map(
    scenario.processServers.map((spec) => [spec.name, new ProcessServer(withGroupOverhead(spec, scenario), warmupSec)]),
  );
  const vms = scenario.vms.map(
    (spec, i) => new VmReplication(spec, i, scenario.cloud.processingDelaySec, policy.retentionSec),
  );
  const vmByName = new Map(vms.map((vm) => [vm.spec.name, vm]));
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
  const planStreams = scenario.recoveryPlans.map((plan) => stream(`plan/${plan.name}/actions`));
  const failovers: FailoverRecord[] = [];
  const failoversByVm: FailoverRecord[][] = vms.map(() => []);
  const planRuns: PlanRecord[] = [];
  const groupAges = scenario.replicationGroups.map(() => ({ processed: [] as number[], app: [] as number[] }));
  for (const disasterSec of disasterTimesSec) {
    env.scheduleAt(disasterSec, () => {
      for (const domain of domains) domain.advanceAll(disasterSec);
      const detectionSec = sampleDistribution(scenario.failover.detectionSec, detectionStream);
      const groupPoints = groupPointsAt(scenario.replicationGroups, vmByName, disasterSec);
      recordGroupAges(scenario, groupPoints, disasterSec, groupAges);
      const recordsOf = new Map<string, (choice: FailoverChoice) => FailoverRecord>();
      vms.forEach((vm, i) => {
        const draws = drawDowntime(scenario.failover, vm.spec, detectionSec, downtimeStreams[i]!);
        const syncRate = domainOf(vm).finalSyncRateFor(vm);
        const evaluate = (choice: FailoverChoice) =>
          evaluateFailover(vm, disasterSec, choice, draws, scenario, syncRate, groupPoints.get(vm.spec.name) ?? null);
        recordsOf.set(vm.spec.name, evaluate);
        for (const choice of scenario.failover.choices) {
          const record = evaluate(choice);
          failovers.push(record);
          failoversByVm[i]!.push(record);
        }
      });
      scenario.recoveryPlans.forEach((plan, p) => {
        const actions = drawPlanActions(plan, planStreams[p]!);
        planRuns.push(planAtDisaster(plan, disasterSec, detectionSec, (vm) => recordsOf.get(vm)!(plan.choice), actions));
      });
    }, PRIORITY.observe);
  }

  // The cycle's planned failover: evaluated like a disaster (without detection) on the state at that instant,
  // then forward replication stops for good; commit keeps only the chosen point.
  const cycle = scenario.cycle;
  const cycleFailovers = new Map<string, FailoverRecord>();
  const commitFacts = new Map<string, CommitFacts & { createdAtFailover: number }>();
  if (cycle !== null) {
    const planned = { ...scenario, failover: { ...scenario.failover, shutdownBeforeFailover: cycle.shutdownFirst } };
    env.scheduleAt(cycle.failoverAtSec, () => {
      const now = cycle.failoverAtSec;
      for (const domain of domains) domain.advanceAll(now);
      const groupPoints = groupPointsAt(scenario.replicationGroups, vmByName, now);
      for (const vm of vms) {
        const draws = drawDowntime(planned.failover, vm.spec, 0, stream(`cycle/failover/${vm.spec.name}`));
        const syncRate = domainOf(vm).finalSyncRateFor(vm);
        const record = evaluateFailover(vm, now, cycle.choice, draws, planned, syncRate, groupPoints.get(vm.spec.name) ?? null);
        cycleFailovers.set(vm.spec.name, record);
        vm.stop(now);
        const committed = cycle.outcome === 'commit' && record.recoveryPointTimeSec !== null;
        if (committed) {
          const kind = record.recoveryPointKind === 'app-consistent' ? 'app-consistent' : 'crash-consistent';
          vm.points.keepOnly({ sourceTimeSec: record.recoveryPointTimeSec!, streamBytes: vm.written - record.dataLossBytes!, kind, usableSec: now });
        }
        commitFacts.set(vm.spec.name, {
          recoveryPointsAfterCommit: committed ? vm.points.retainedAt(now).length : null,
          recoveryPointsCreatedAfterFailover: 0,
          createdAtFailover: vm.points.created,
        });
      }
      for (const domain of domains) domain.requestRecompute();
    }, PRIORITY.stateChange);
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
    groups: scenario.replicationGroups.map((group, g): GroupSummary => ({
      name: group.name,
      vms: group.vms,
      commonPointAgeSec: sampleStats(groupAges[g]!.processed),
      commonAppConsistentPointAgeSec: sampleStats(groupAges[g]!.app),
    })),
    plans: scenario.recoveryPlans.map((plan) => planSummary(plan, planRuns)),
    planRuns,
    cycle: cycle === null ? null : cycleResult(scenario, cycleFailovers, commitFacts, vmByName, stream),
  };
}

/** A process server serving a member of a replication group loses the group's CPU overhead from its throughput. */
function withGroupOverhead(spec: ProcessServerSpec, scenario: Scenario): ProcessServerSpec {
  const served = scenario.vms.filter((vm) => vm.processServer === spec.name).map((vm) => vm.name);
  const overhead = groupOverheadFraction(scenario.replicationGroups, served);
  return overhead === 0 ? spec : { ...spec, throughputBytesPerSec: spec.throughputBytesPerSec * (1 - overhead) };
}

/** The age of each group's newest common points at a disaster (skipped when the group has none). */
function recordGroupAges(
  scenario: Scenario,
  groupPoints: ReadonlyMap<string, GroupPoints>,
  disasterSec: number,
  ages: { processed: number[]; app: number[] }[],
): void {
  scenario.replicationGroups.forEach((group, g) => {
    const first = groupPoints.get(group.vms[0]!);
    if (first?.processed) ages[g]!.processed.push(disasterSec - first.processed.sourceTimeSec);
    if (first?.appConsistent) ages[g]!.app.push(disasterSec - first.appConsistent.sourceTimeSec);
  });
}

function cycleResult(
  scenario: Scenario,
  failovers: ReadonlyMap<string, FailoverRecord>,
  facts: ReadonlyMap<string, CommitFacts & { createdAtFailover: number }>,
  vmByName: ReadonlyMap<string, VmReplication>,
  stream: (label: string) => ReturnType<typeof createStream>,
): CycleResult {
  const cycle = scenario.cycle!;
  const phases = cyclePhases(scenario, cycle, failovers, stream);
  const finalFacts = new Map(
    [...facts].map(([name, f]) => [
      name,
      {
        recoveryPointsAfterCommit: f.recoveryPointsAfterCommit,
        recoveryPointsCreatedAfterFailover: vmByName.get(name)!.points.created - f.createdAtFailover,
      },
    ]),
  );
  return {
    outcome: cycle.outcome,
    startSec: cycle.failoverAtSec,
    endSec: Math.max(...phases.map((p) => p.endSec)),
    vms: cycleVmSummaries(phases, scenario.vms.map((vm) => vm.name), finalFacts),
    plans: cyclePlanSummaries(phases, scenario.recoveryPlans),
    phases,
  };
}

/** Given disaster times plus random ones uniform in [warm-up, horizon or the cycle's failover), in time order. */
function disasterTimes(scenario: Scenario, rng: ReturnType<typeof createStream>): number[] {
  const times = [...scenario.disasters.timesSec];
  // Forward replication stops at the cycle's failover: later probes would find nothing to recover.
  const endSec = scenario.cycle?.failoverAtSec ?? scenario.horizonSec;
  for (let i = 0; i < scenario.disasters.randomCount; i++) times.push(uniform(rng, scenario.warmupSec, endSec));
  return times.sort((a, b) => a - b);
}

function vmSummary(vm: VmReplication, scenario: Scenario, mine: FailoverRecord[]): VmSummary {
  const { rpo, alerts } = rpoSummary(vm.rpoSteps, scenario.warmupSec, scenario.horizonSec, scenario.policy.rpoThresholdSec);
  return {
    name: vm.spec.name,
    processServer: vm.spec.processServer,
    initialReplicationDoneSec: vm.initialReplicationDoneSec,
    firstRecoveryPointSec: vm.firstPointSec,
    rpo,
    rpoAlerts: alerts,
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
