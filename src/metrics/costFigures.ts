// What a design costs, in the manner of Keeton et al. (FAST 2004, DSN 2004): its outlays plus the expected
// penalties of disasters. Prices are the scenario's `costs:` (currency-neutral, every one 0 unless set); the
// quantities come from one run's result, so replications give the figures a confidence interval.
import { costsSchema } from '../scenario/costsSchema.js';
import type { CostSpec, FailoverChoice, Scenario, VmSpec } from '../scenario/types.js';
import { failoversOfChoice } from './failoverTable.js';
import type { SimulationResult } from './types.js';

/** A billing month: 730 hours, a twelfth of a 365-day year (as cloud price lists count). */
export const MONTH_SEC = (365 * 86_400) / 12;
const HOUR_SEC = 3600;
const GB = 1e9;

export interface CostFigures {
  /** Protected instances + storage + link, per month. */
  outlayPerMonth: number;
  instancesPerMonth: number;
  storagePerMonth: number;
  linkPerMonth: number;
  /** The expected cost of one disaster: downtime and data-loss penalties plus failover compute. null: not priceable. */
  perDisaster: number | null;
  /** disastersPerYear × perDisaster. */
  penaltyPerYear: number | null;
  /** 12 × outlay + penalty. */
  totalPerYear: number | null;
}

/** The prices of a scenario: its `costs:`, or every one 0. */
export function costSpecOf(scenario: Scenario): CostSpec {
  return scenario.costs ?? costsSchema.parse({});
}

/** Whether any price is set: costs can then rank strategies. */
export function hasPrices(costs: CostSpec): boolean {
  const { computeTimePerFailoverSec: _time, penaltyPer: _per, penaltyChoice: _choice, disastersPerYear, ...prices } = costs;
  return Object.values(prices).some((price) => price > 0);
}

/** The choice whose failovers the VM penalties price: costs.penaltyChoice, or the scenario's first. */
export function penaltyChoiceOf(scenario: Scenario): FailoverChoice {
  return costSpecOf(scenario).penaltyChoice ?? scenario.failover.choices.find((c) => c !== 'clean') ?? scenario.failover.choices[0]!;
}

/** Bytes sent over all uplinks (after compression) per second, averaged over the whole horizon. */
export function wireBytesPerSec(result: SimulationResult, scenario: Scenario): number {
  return result.uplinks.reduce((sum, uplink) => {
    const spec = scenario.uplinks.find((u) => u.name === uplink.name)!;
    return sum + (uplink.utilisation * spec.bandwidthBytesPerSec * (result.horizonSec - uplink.downSec)) / result.horizonSec;
  }, 0);
}

/** What a VM's replica occupies at the target: diskSize, else its listed disks' sizes, else its used disk. */
const replicaDiskBytes = (vm: VmSpec): number =>
  vm.diskSizeBytes ?? vm.diskList?.reduce((sum, d) => sum + d.sizeBytes, 0) ?? vm.usedDiskBytes;

export function costFigures(result: SimulationResult, scenario: Scenario): CostFigures {
  const costs = costSpecOf(scenario);
  const instancesPerMonth = scenario.vms.length * costs.perProtectedInstanceMonth;
  // Replica disks, plus what the retained points hold on average (an upper bound for snapshot products: README).
  const replicaBytes = scenario.vms.reduce((sum, vm) => sum + replicaDiskBytes(vm), 0);
  const pointBytes = result.vms.reduce((sum, vm) => sum + (vm.retention.storageMeanBytes ?? 0), 0);
  const storagePerMonth = ((replicaBytes + pointBytes) / GB) * costs.perStorageGBMonth;
  const linkPerMonth = ((wireBytesPerSec(result, scenario) * MONTH_SEC) / GB) * costs.perLinkGB + scenario.uplinks.length * costs.perLinkMonth;
  const outlayPerMonth = instancesPerMonth + storagePerMonth + linkPerMonth;

  const choice = penaltyChoiceOf(scenario);
  // Per plan: its downtime, its largest VM loss and its VMs' bytes (PlanRecord); per VM: the VM's own.
  const penalty =
    costs.penaltyPer === 'plan'
      ? summedMeanPenalty(result.planRuns, (r) => r.plan, costs)
      : summedMeanPenalty(failoversOfChoice(result.failovers, choice), (r) => r.vm, costs);
  const compute = scenario.vms.length * (costs.computeTimePerFailoverSec / HOUR_SEC) * costs.perFailoverComputeHour;
  const perDisaster = penalty === null ? null : penalty + compute;
  const penaltyPerYear = perDisaster === null ? null : costs.disastersPerYear * perDisaster;
  return {
    outlayPerMonth,
    instancesPerMonth,
    storagePerMonth,
    linkPerMonth,
    perDisaster,
    penaltyPerYear,
    totalPerYear: penaltyPerYear === null ? null : 12 * outlayPerMonth + penaltyPerYear,
  };
}

/** The penalty of one failover (of a VM or of a plan): its downtime, and its data loss in time and in bytes. */
function penaltyOf(downtimeSec: number, dataLossSec: number, dataLossBytes: number, costs: CostSpec): number {
  return (downtimeSec / HOUR_SEC) * costs.perDowntimeHour + (dataLossSec / HOUR_SEC) * costs.perDataLossHour + (dataLossBytes / GB) * costs.perDataLossGB;
}

interface Failover {
  downtimeSec: number | null;
  dataLossSec: number | null;
  dataLossBytes: number | null;
}

/**
 * The mean penalty of each VM (or plan) over the disasters at which it had a recovery point, summed. One that
 * never had a point cannot be priced (its loss is the whole VM): null.
 */
function summedMeanPenalty<F extends Failover>(failovers: Iterable<F>, owner: (f: F) => string, costs: CostSpec): number | null {
  const byOwner = new Map<string, { sum: number; count: number }>();
  for (const f of failovers) {
    const entry = byOwner.get(owner(f)) ?? { sum: 0, count: 0 };
    byOwner.set(owner(f), entry);
    if (f.downtimeSec === null) continue;
    entry.sum += penaltyOf(f.downtimeSec, f.dataLossSec!, f.dataLossBytes!, costs);
    entry.count++;
  }
  let total = 0;
  for (const { sum, count } of byOwner.values()) {
    if (count === 0) return null;
    total += sum / count;
  }
  return total;
}
