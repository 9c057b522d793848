import type { Environment } from '../../engine/environment.js';
import type { RandomStream } from '../../engine/random.js';
import { cyclePlanSummaries, cycleVmSummaries, type CommitFacts } from '../../metrics/cycleSummary.js';
import type { CycleResult, FailoverRecord } from '../../metrics/types.js';
import type { CycleSpec, Scenario } from '../../scenario/types.js';
import { drawDowntime } from '../downtimeDraws.js';
import { evaluateFailover } from '../failover.js';
import { groupPointsAt } from '../groupPoints.js';
import { PRIORITY } from '../priorities.js';
import type { Site } from '../site.js';
import { cyclePhases } from './cyclePhases.js';

/**
 * The cycle's planned failover to Azure: evaluated like a disaster (without detection) on the site's state at
 * that instant; then forward replication stops for good, and commit keeps only the chosen point. The later
 * phases of the cycle are computed from these failovers by cyclePhases.
 */
export class PlannedFailover {
  private readonly failovers = new Map<string, FailoverRecord>();
  private readonly facts = new Map<string, CommitFacts & { createdAtFailover: number }>();

  constructor(
    env: Environment,
    private readonly site: Site,
    private readonly scenario: Scenario,
    private readonly cycle: CycleSpec,
    private readonly stream: (label: string) => RandomStream,
  ) {
    env.scheduleAt(cycle.failoverAtSec, () => this.failOver(cycle.failoverAtSec), PRIORITY.stateChange);
  }

  result(): CycleResult {
    const { scenario, cycle } = this;
    const phases = cyclePhases(scenario, cycle, this.failovers, this.stream);
    const finalFacts = new Map(
      [...this.facts].map(([name, f]) => [
        name,
        {
          recoveryPointsAfterCommit: f.recoveryPointsAfterCommit,
          recoveryPointsCreatedAfterFailover: this.site.vmByName.get(name)!.stream.points.created - f.createdAtFailover,
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

  private failOver(now: number): void {
    const { site, scenario, cycle } = this;
    const planned = { ...scenario, failover: { ...scenario.failover, shutdownBeforeFailover: cycle.shutdownFirst } };
    site.observeAll(now);
    const groupPoints = groupPointsAt(scenario.replicationGroups, site.vmByName, now);
    for (const vm of site.vms) {
      const draws = drawDowntime(planned.failover, vm.spec, 0, this.stream(`cycle/failover/${vm.spec.name}`));
      const syncRate = vm.domain.finalSyncRateFor(vm.stream);
      const record = evaluateFailover(vm, now, cycle.choice, draws, planned, syncRate, groupPoints.get(vm.spec.name) ?? null);
      this.failovers.set(vm.spec.name, record);
      const { stream } = vm;
      const workload = stream.workloadWrittenAt(now);
      vm.domain.stopStream(stream);
      const committed = cycle.outcome === 'commit' && record.recoveryPointTimeSec !== null;
      if (committed) {
        const kind = record.recoveryPointKind === 'app-consistent' ? 'app-consistent' : 'crash-consistent';
        stream.points.keepOnly({ sourceTimeSec: record.recoveryPointTimeSec!, workloadBytes: workload - record.dataLossBytes!, kind }, now);
      }
      this.facts.set(vm.spec.name, {
        recoveryPointsAfterCommit: committed ? stream.points.retainedCount(now) : null,
        recoveryPointsCreatedAfterFailover: 0,
        createdAtFailover: stream.points.created,
      });
    }
  }
}
