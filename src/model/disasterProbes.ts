import { uniform } from '../engine/distributions.js';
import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import { choiceVariants } from '../metrics/choiceLabel.js';
import { planSummary } from '../metrics/planSummary.js';
import { sampleStats } from '../metrics/sampleStats.js';
import { FailoverTableBuilder } from '../metrics/failoverTable.js';
import type { FailoverRecord, GroupSummary, PlanRecord, PlanSummary } from '../metrics/types.js';
import type { FailoverChoice, Scenario } from '../scenario/types.js';
import { drawDowntime } from './downtimeDraws.js';
import { evaluateFailover, type GroupPoints } from './failover.js';
import { groupPointsAt } from './groupPoints.js';
import { planAtDisaster } from './planAtDisaster.js';
import { drawPlanActions, planActionStreams, type PlanActionStreams } from './planSchedule.js';
import { PRIORITY } from './priorities.js';
import { sampleDistribution } from './sampleDistribution.js';
import type { Site } from './site.js';

/**
 * Disasters are probes: at each disaster time the site's state is read, and for every VM and failover choice
 * (and every recovery plan) what a failover at that instant would recover and cost is recorded; the run then
 * carries on as if nothing had happened, so one run samples many disasters.
 */
export class DisasterProbes {
  readonly timesSec: number[];
  /** Every failover evaluated, disaster by disaster, VM by VM, choice by choice. */
  readonly failovers: FailoverTableBuilder;
  readonly planRuns: PlanRecord[] = [];
  private readonly groupAges: { processed: number[]; app: number[] }[];

  constructor(
    env: Environment,
    private readonly site: Site,
    private readonly scenario: Scenario,
    stream: (label: string) => RandomStream,
  ) {
    this.timesSec = disasterTimes(scenario, stream('disasters/times'));
    const variants = choiceVariants(scenario.failover.choices, scenario.disasters.dwellSec);
    this.failovers = new FailoverTableBuilder(this.timesSec, site.vms.map((vm) => vm.spec.name), variants);
    this.groupAges = scenario.replicationGroups.map(() => ({ processed: [], app: [] }));
    const detectionStream = stream('disasters/detection');
    const downtimeStreams = site.vms.map((vm) => stream(`downtime/${vm.spec.name}`));
    const planStreams = scenario.recoveryPlans.map((plan) => planActionStreams(plan, (action) => stream(`plan-action/${action}`)));
    for (const disasterSec of this.timesSec) {
      env.scheduleAt(disasterSec, () => {
        const detectionSec = sampleDistribution(scenario.failover.detectionSec, detectionStream);
        this.probe(disasterSec, detectionSec, downtimeStreams, planStreams);
      }, PRIORITY.observe);
    }
  }

  groupSummaries(): GroupSummary[] {
    return this.scenario.replicationGroups.map((group, g) => ({
      name: group.name,
      vms: group.vms,
      commonPointAgeSec: sampleStats(this.groupAges[g]!.processed),
      commonAppConsistentPointAgeSec: sampleStats(this.groupAges[g]!.app),
    }));
  }

  planSummaries(): PlanSummary[] {
    return this.scenario.recoveryPlans.map((plan) => planSummary(plan, this.planRuns));
  }

  private probe(disasterSec: number, detectionSec: number, downtimeStreams: RandomStream[], planStreams: PlanActionStreams[]): void {
    const { site, scenario } = this;
    site.observeAll(disasterSec);
    const groupPoints = groupPointsAt(scenario.replicationGroups, site.vmByName, disasterSec);
    this.recordGroupAges(groupPoints, disasterSec);
    const { variants } = this.failovers.table;
    // A recovery plan fails its VMs over with its own choice, with the same draws: kept per VM only when there are plans.
    const recordsOf = new Map<string, (choice: FailoverChoice) => FailoverRecord>();
    const plans = scenario.recoveryPlans.length > 0;
    for (let i = 0; i < site.vms.length; i++) {
      const vm = site.vms[i]!;
      const draws = drawDowntime(scenario.failover, vm.spec, detectionSec, downtimeStreams[i]!);
      const syncRate = vm.domain.finalSyncRateFor(vm.stream);
      const group = groupPoints.get(vm.spec.name) ?? null;
      // Clean is evaluated once per dwell time: a corruption that began that long before the disaster.
      for (let v = 0; v < variants.length; v++) {
        const { choice, dwellSec } = variants[v]!;
        this.failovers.add(evaluateFailover(vm, disasterSec, choice, draws, scenario, syncRate, group, dwellSec));
      }
      if (plans) recordsOf.set(vm.spec.name, (choice) => evaluateFailover(vm, disasterSec, choice, draws, scenario, syncRate, group));
    }
    scenario.recoveryPlans.forEach((plan, p) => {
      const actions = drawPlanActions(plan, planStreams[p]!);
      this.planRuns.push(planAtDisaster(plan, disasterSec, detectionSec, (vm) => recordsOf.get(vm)!(plan.choice), actions));
    });
  }

  /** The age of each group's newest common points at a disaster (skipped when the group has none). */
  private recordGroupAges(groupPoints: ReadonlyMap<string, GroupPoints>, disasterSec: number): void {
    this.scenario.replicationGroups.forEach((group, g) => {
      const first = groupPoints.get(group.vms[0]!);
      if (first?.processed) this.groupAges[g]!.processed.push(disasterSec - first.processed.sourceTimeSec);
      if (first?.appConsistent) this.groupAges[g]!.app.push(disasterSec - first.appConsistent.sourceTimeSec);
    });
  }
}

/** Given disaster times plus random ones uniform in [warm-up, horizon or the cycle's failover), in time order. */
function disasterTimes(scenario: Scenario, rng: RandomStream): number[] {
  const times = [...scenario.disasters.timesSec];
  // Forward replication stops at the cycle's failover: later probes would find nothing to recover.
  const endSec = scenario.cycle?.failoverAtSec ?? scenario.horizonSec;
  for (let i = 0; i < scenario.disasters.randomCount; i++) times.push(uniform(rng, scenario.warmupSec, endSec));
  return times.sort((a, b) => a - b);
}
