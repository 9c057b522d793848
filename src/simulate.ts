import { Environment } from './engine/environment.js';
import { createStream } from './engine/random.js';
import { vmChoiceSummaries } from './metrics/choiceSummary.js';
import { mergePartitions } from './metrics/mergePartitions.js';
import type { SimulateOptions, SimulationResult } from './metrics/types.js';
import { FailbackCycle } from './model/cycle/failbackCycle.js';
import { DisasterProbes } from './model/disasterProbes.js';
import { PRIORITY } from './model/priorities.js';
import { Site } from './model/site.js';
import { PARTITION_VMS, sitePartitions } from './model/sitePartitions.js';
import { RetentionProbe } from './model/retentionProbe.js';
import { processServerSummary, uplinkSummary, vmSummary } from './model/siteSummaries.js';
import { sampleTimeseries } from './model/timeseriesProbe.js';
import type { Scenario } from './scenario/types.js';
import { assertValidScenario } from './scenario/validateScenario.js';
import { VERSION } from './version.js';

// Compaction (pruning, forgetting old write-curve breakpoints) changes no result, whenever it runs: it only
// bounds memory.
const COMPACT_INTERVAL_SEC = 4 * 3600;

// An instant runs a few events per VM at most (the hourly tick, a disaster and compaction are one event for all
// VMs). Far more means time stands still: each such bug so far was a rounding loop (test/model/extremeRates.test.ts),
// which must end with an error, not run for ever.
const STALL_EVENTS = 1_000_000;
const STALL_EVENTS_PER_VM = 1_000;

/**
 * Simulates one scenario with one seed: the library's front door. Pure and deterministic: the same scenario
 * and seed give the same result. Every random input draws from its own stream derived from (seed, label), so
 * adding an input does not shift the others, and runs with the same seed share their random numbers.
 * A site whose uplinks share nothing is simulated a part at a time (sitePartitions), with the same result.
 * Throws a ScenarioError (the CLI's list of issues) for an invalid scenario.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  assertValidScenario(scenario);
  return simulateInParts(scenario, options, PARTITION_VMS);
}

/** simulate() with parts of about `partVms` VMs (a valid scenario); the same result for any size. */
export function simulateInParts(scenario: Scenario, options: SimulateOptions, partVms: number): SimulationResult {
  const partitions = sitePartitions(scenario, partVms);
  if (partitions === null) return simulateWhole(scenario, options);
  const { onProgress } = options;
  const vmCount = scenario.vms.length;
  let vmsDone = 0;
  const results = partitions.map((partition) => {
    const share = partition.vms.length / vmCount;
    const before = vmsDone / vmCount;
    const result = simulateWhole(partition.scenario, {
      ...options,
      ...(onProgress === undefined ? {} : { onProgress: (fraction: number) => onProgress(before + share * fraction) }),
    });
    vmsDone += partition.vms.length;
    return result;
  });
  return mergePartitions(scenario, partitions, results);
}

/** The whole site on one event loop (a valid scenario). */
export function simulateWhole(scenario: Scenario, options: SimulateOptions): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const { horizonSec, warmupSec } = scenario;
  const env = new Environment();
  const stream = (label: string) => createStream(seed, label);
  const site = new Site(env, scenario, stream, options);

  // Tags need no events: each stream places its own as it is next looked at (see Stream).
  env.every(COMPACT_INTERVAL_SEC, () => site.reanchorLinked(), { priority: PRIORITY.stateChange, untilSec: horizonSec });
  env.every(options.compactIntervalSec ?? COMPACT_INTERVAL_SEC, () => {
    site.compact(env.now);
    options.onProgress?.(env.now / horizonSec);
  }, { priority: PRIORITY.observe, untilSec: horizonSec });

  const disasters = new DisasterProbes(env, site, scenario, stream);
  const cycle = scenario.cycle === null ? null : new FailbackCycle(env, site, scenario, scenario.cycle, stream);
  const timeseries = sampleTimeseries(env, site, scenario.output.sampleIntervalSec, horizonSec, options.onSample);
  const retention = new RetentionProbe(env, site, warmupSec, horizonSec);

  env.run({ until: horizonSec, maxEventsPerInstant: STALL_EVENTS + STALL_EVENTS_PER_VM * scenario.vms.length });
  site.finish(horizonSec);

  return {
    scenario: scenario.name,
    seed,
    version: VERSION,
    horizonSec,
    warmupSec,
    disasterTimesSec: disasters.timesSec,
    vms: site.vms.map((vm) => vmSummary(vm, scenario, vmChoiceSummaries(disasters.failovers.table, vm.index), retention.summary(vm.index))),
    processServers: site.servers.map(processServerSummary),
    uplinks: site.domains.map((domain) => uplinkSummary(domain, horizonSec)),
    failovers: disasters.failovers.table,
    timeseries,
    eventCount: env.processedEvents,
    groups: disasters.groupSummaries(),
    plans: disasters.planSummaries(),
    planRuns: disasters.planRuns,
    cycle: cycle === null ? null : cycle.result(),
  };
}
