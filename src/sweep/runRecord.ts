// What one run (point × replication) leaves behind: a few figures per VM × failover choice, aggregated over
// the run's disasters. Small on purpose: it is written to disk as soon as the run finishes.
import { mean, quantileSorted } from 'd3-array';
import { choiceLabel, choiceVariants } from '../metrics/choiceLabel.js';
import { vmFailovers } from '../metrics/failoverTable.js';
import type { SimulationResult } from '../metrics/types.js';
import type { FailoverChoice } from '../scenario/types.js';

export interface RunRow {
  vm: string;
  /** The failover choice; clean with its dwell time (`clean@3d`). */
  choice: string;
  dataLossSecMean: number | null;
  dataLossSecP95: number | null;
  dataLossSecMax: number | null;
  dataLossBytesMean: number | null;
  downtimeSecMean: number | null;
  downtimeSecP95: number | null;
  rpoP95Sec: number | null;
  rpoWithinThreshold: number | null;
  /** Disasters in the run, and at how many of them this choice had a recovery point for this VM. */
  disasters: number;
  withPoint: number;
  /** Why the choice had no point, when it had none at some disaster ('' otherwise): the distinct notes, commonest first. */
  noPointReason: string;
}

export interface RunRecord {
  index: number;
  point: number;
  replication: number;
  seed: number;
  status: 'ok' | 'failed';
  /** Empty when ok. */
  error: string;
  rows: RunRow[];
}

const sortedValues = (values: (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

const orNull = (v: number | undefined): number | null => (v === undefined ? null : v);

/** The distinct texts, commonest first (ties in order of appearance), joined by "; ". */
export function commonestFirst(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([text]) => text).join('; ');
}

/** One row per VM × choice (clean: per dwell time), in the result's VM order and the scenario's choice order. */
export function runRows(result: SimulationResult, choices: readonly FailoverChoice[], dwellSec: readonly number[] = []): RunRow[] {
  const table = result.failovers;
  // Where each asked-for variant sits among the run's (-1: not evaluated); the table's VMs are the result's, in order.
  const variants = choiceVariants(choices, dwellSec).map((variant) => ({
    ...variant,
    index: table.variants.findIndex((v) => v.choice === variant.choice && v.dwellSec === variant.dwellSec),
  }));
  return result.vms.flatMap((vm, vmIndex) =>
    variants.map(({ choice, dwellSec: dwell, index }): RunRow => {
      const records = index < 0 ? [] : vmFailovers(table, vmIndex, index);
      const loss = sortedValues(records.map((f) => f.dataLossSec));
      const missing = records.filter((f) => f.recoveryPointTimeSec === null);
      const downtime = sortedValues(records.map((f) => f.downtimeSec));
      return {
        vm: vm.name,
        choice: choiceLabel(choice, dwell),
        dataLossSecMean: orNull(mean(loss)),
        dataLossSecP95: orNull(quantileSorted(loss, 0.95)),
        dataLossSecMax: loss.length ? loss[loss.length - 1]! : null,
        dataLossBytesMean: orNull(mean(sortedValues(records.map((f) => f.dataLossBytes)))),
        downtimeSecMean: orNull(mean(downtime)),
        downtimeSecP95: orNull(quantileSorted(downtime, 0.95)),
        rpoP95Sec: vm.rpo.p95,
        rpoWithinThreshold: vm.rpo.fractionWithinThreshold,
        disasters: records.length,
        withPoint: records.length - missing.length,
        noPointReason: commonestFirst(missing.map((f) => f.note)),
      };
    }),
  );
}
