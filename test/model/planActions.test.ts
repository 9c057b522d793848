// Recovery plans that differ only in their failover choice are compared on equal action durations, and a
// plan's data loss is its VMs' (the largest in seconds, the sum in bytes).
import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { expect, it } from 'vitest';
import { planActionStreams } from '../../src/model/planSchedule.js';
import type { RandomStream } from '../../src/engine/random.js';
import type { RecoveryPlanSpec } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

const random = (min: number, max: number) => ({ kind: 'uniform' as const, min, max });

function planWith(name: string, choice: RecoveryPlanSpec['choice']): RecoveryPlanSpec {
  return {
    name,
    choice,
    groups: [
      { vms: ['db'], maxParallel: 0, actionsBefore: [], actionsAfter: [{ name: 'check-db', durationSec: random(300, 1800) }] },
      { vms: ['web'], maxParallel: 0, actionsBefore: [{ name: 'wait', durationSec: random(60, 600) }], actionsAfter: [{ name: 'switch-dns', durationSec: random(60, 900) }] },
    ],
  };
}

const scenario = scenarioFixture({
  vms: [vmFixture({ name: 'db' }), vmFixture({ name: 'web' })],
  recoveryPlans: [planWith('processed', 'latest-processed'), planWith('app', 'latest-app-consistent')],
});

it('two plans that differ only in choice get the same action draws at every disaster', () => {
  const result = simulate(scenario, { seed: 3 });
  const byPlan = (name: string) => result.planRuns.filter((r) => r.plan === name);
  const processed = byPlan('processed');
  const app = byPlan('app');
  expect(processed.length).toBeGreaterThan(10);
  let compared = 0;
  processed.forEach((run, i) => {
    const other = app[i]!;
    expect(other.disasterTimeSec).toBe(run.disasterTimeSec);
    if (run.downtimeSec === null || other.downtimeSec === null) return;
    // latest-processed and latest-app-consistent take equally long per VM (no backlog processing for either):
    // with equal action draws the plans' downtimes are equal, to the bit.
    expect(other.downtimeSec).toBe(run.downtimeSec);
    expect(other.criticalPath).toBe(run.criticalPath);
    compared++;
  });
  expect(compared).toBeGreaterThan(10);
});

it("a plan's data loss is the largest of its VMs' in seconds and their sum in bytes, for the plan's choice", () => {
  const result = simulate(scenario, { seed: 3 });
  for (const run of result.planRuns.filter((r) => r.plan === 'app' && r.downtimeSec !== null)) {
    const records = failoverRecords(result.failovers).filter((f) => f.disasterTimeSec === run.disasterTimeSec && f.choice === 'latest-app-consistent');
    expect(records).toHaveLength(2);
    expect(run.dataLossSec).toBe(Math.max(...records.map((f) => f.dataLossSec!)));
    expect(run.dataLossBytes).toBe(records[0]!.dataLossBytes! + records[1]!.dataLossBytes!);
  }
  const summary = result.plans.find((p) => p.name === 'app')!;
  expect(summary.dataLossSec.count).toBe(summary.available);
});

it('planActionStreams(plan) labels streams by action name, numbering repeats within the plan', () => {
  const labels: string[] = [];
  const stream = (label: string): RandomStream => (labels.push(label), { next: () => 0.5 });
  const plan = planWith('p', 'latest');
  plan.groups[1]!.actionsAfter.push({ name: 'check-db', durationSec: random(1, 2) });
  planActionStreams(plan, stream);
  expect(labels).toEqual(['check-db', 'wait', 'switch-dns', 'check-db#2']);
});
