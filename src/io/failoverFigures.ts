import { max, mean, quantile } from 'd3-array';
import { meanInterval } from '../metrics/sampleStats.js';
import type { FailoverRecord } from '../metrics/types.js';
import { FAILOVER_CHOICES, type FailoverChoice } from '../scenario/types.js';
import { choiceLabel } from '../metrics/choiceLabel.js';

export interface Figures {
  mean: number | null;
  p95: number | null;
  max: number | null;
  /** 95% CI of the mean by batch means over the records in disaster order; null with too few. */
  ci95: [number, number] | null;
  /** The "±" beside the mean: the interval's half-width before its low end was clipped at 0; null with ci95. */
  halfWidth: number | null;
}

export interface ChoiceFigures {
  /** The choice, or for clean its dwell time too (`clean@3d`). */
  choice: string;
  /** Failovers (disaster × VM) for which this choice had a recovery point, out of `total`. */
  available: number;
  total: number;
  dataLossSec: Figures;
  dataLossBytes: Figures;
  downtimeSec: Figures;
}

/**
 * Data loss and downtime per failover choice over all disasters and VMs. Computed from the records because
 * the result's per-VM quantiles cannot be combined into quantiles over all VMs. Choices in the canonical order,
 * clean's dwell times in ascending order.
 */
export function failoverFigures(records: Iterable<FailoverRecord>): ChoiceFigures[] {
  // Per choice, only the numbers: a large run's failovers are never all records at once.
  const byChoice = new Map<string, ChoiceValues>();
  for (const record of records) {
    const label = choiceLabel(record.choice, record.dwellSec);
    let values = byChoice.get(label);
    if (values === undefined) {
      values = { choice: record.choice, dwellSec: record.dwellSec ?? 0, available: 0, total: 0, dataLossSec: [], dataLossBytes: [], downtimeSec: [] };
      byChoice.set(label, values);
    }
    values.total++;
    if (record.recoveryPointTimeSec === null) continue;
    values.available++;
    // Only numbers: a list of doubles alone is held unboxed, 8 bytes each (figures leaves nulls out anyway).
    if (record.dataLossSec !== null) values.dataLossSec.push(record.dataLossSec);
    if (record.dataLossBytes !== null) values.dataLossBytes.push(record.dataLossBytes);
    if (record.downtimeSec !== null) values.downtimeSec.push(record.downtimeSec);
  }
  const order = (values: ChoiceValues) => [FAILOVER_CHOICES.indexOf(values.choice), values.dwellSec] as const;
  const groups = [...byChoice].sort(([, a], [, b]) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  return groups.map(([choice, values]) => ({
    choice,
    available: values.available,
    total: values.total,
    dataLossSec: figures(values.dataLossSec),
    dataLossBytes: figures(values.dataLossBytes),
    downtimeSec: figures(values.downtimeSec),
  }));
}

interface ChoiceValues {
  choice: FailoverChoice;
  dwellSec: number;
  available: number;
  total: number;
  dataLossSec: number[];
  dataLossBytes: number[];
  downtimeSec: number[];
}

/** mean, p95 and max of the non-null values; nulls (no recovery point) are not zero loss, so they are left out. */
export function figures(values: ReadonlyArray<number | null>): Figures {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const interval = meanInterval(present);
  return {
    mean: mean(present) ?? null,
    p95: quantile(present, 0.95) ?? null,
    max: max(present) ?? null,
    ...(interval ?? { ci95: null, halfWidth: null }),
  };
}
