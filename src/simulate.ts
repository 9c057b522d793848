import { Environment } from './engine/environment.js';
import { createStream } from './engine/random.js';
import type { SimulateOptions, SimulationResult } from './metrics/types.js';
import { PlannedFailover } from './model/cycle/plannedFailover.js';
import { DisasterProbes } from './model/disasterProbes.js';
import { PRIORITY } from './model/priorities.js';
import { Site } from './model/site.js';
import { processServerSummary, uplinkSummary, vmSummary } from './model/siteSummaries.js';
import { sampleTimeseries } from './model/timeseriesProbe.js';
import type { Scenario } from './scenario/types.js';
import { assertValidScenario } from './scenario/validateScenario.js';
import { VERSION } from './version.js';

// Pruning gives the same points whenever it runs (see retentionGrid.ts); it only bounds memory.
const PRUNE_INTERVAL_SEC = 4 * 3600;

/**
 * Simulates one scenario with one seed: the library's front door. Pure and deterministic: the same scenario
 * and seed give the same result. Every random input draws from its own stream derived from (seed, label), so
 * adding an input does not shift the others, and runs with the same seed share their random numbers.
 * Throws a ScenarioError (the CLI's list of issues) for an invalid scenario.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  assertValidScenario(scenario);
  const seed = options.seed ?? scenario.seed;
  const { horizonSec, warmupSec, policy } = scenario;
  const env = new Environment();
  const stream = (label: string) => createStream(seed, label);
  const site = new Site(env, scenario, stream, options.measureLag ?? false);

  env.every(policy.crashConsistentIntervalSec, () => {
    for (const vm of site.vms) vm.tag(env.now, 'crash-consistent');
  }, { priority: PRIORITY.crashTag, untilSec: horizonSec });
  if (policy.appConsistentIntervalSec > 0) {
    env.every(policy.appConsistentIntervalSec, () => {
      for (const vm of site.vms) vm.tag(env.now, 'app-consistent');
    }, { priority: PRIORITY.appTag, untilSec: horizonSec });
  }
  env.every(PRUNE_INTERVAL_SEC, () => {
    for (const vm of site.vms) {
      vm.advance(env.now);
      vm.points.prune(env.now);
      vm.forgetHistoryBefore();
    }
    options.onProgress?.(env.now / horizonSec);
  }, { priority: PRIORITY.observe, untilSec: horizonSec });

  const disasters = new DisasterProbes(env, site, scenario, stream);
  const plannedFailover = scenario.cycle === null ? null : new PlannedFailover(env, site, scenario, scenario.cycle, stream);
  const timeseries = sampleTimeseries(env, site, scenario.output.sampleIntervalSec, horizonSec);

  env.run({ until: horizonSec });
  site.finish(horizonSec);

  return {
    scenario: scenario.name,
    seed,
    version: VERSION,
    horizonSec,
    warmupSec,
    disasterTimesSec: disasters.timesSec,
    vms: site.vms.map((vm, i) => vmSummary(vm, scenario, disasters.failoversByVm[i]!)),
    processServers: site.servers.map(processServerSummary),
    uplinks: site.domains.map((domain) => uplinkSummary(domain, horizonSec)),
    failovers: disasters.failovers,
    timeseries,
    eventCount: env.processedEvents,
    groups: disasters.groupSummaries(),
    plans: disasters.planSummaries(),
    planRuns: disasters.planRuns,
    cycle: plannedFailover === null ? null : plannedFailover.result(),
  };
}
