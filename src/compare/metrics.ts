// The figures a comparison reports for each strategy, one value per run (replication), read from simulate()'s
// plain result. Per-choice metrics exist once per failover choice (clean once per dwell time: clean@3d).
import { mean, quantileSorted } from 'd3-array';
import { choiceLabel } from '../metrics/choiceLabel.js';
import { costFigures, wireBytesPerSec } from '../metrics/costFigures.js';
import { eachFailover } from '../metrics/failoverTable.js';
import type { SimulationResult } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';

export interface MetricDef {
  name: string;
  unit: 's' | 'B' | 'bit/s' | 'fraction' | 'price';
  better: 'lower' | 'higher';
  /** One per failover choice (data loss, downtime, with a point). */
  perChoice: boolean;
  /** What one run's value is (docs/compare.md lists the same). */
  description: string;
}

export const METRICS: readonly MetricDef[] = [
  { name: 'rpo_mean_s', unit: 's', better: 'lower', perChoice: false, description: 'time-weighted mean RPO, mean over VMs' },
  { name: 'rpo_p95_s', unit: 's', better: 'lower', perChoice: false, description: '95th percentile of the RPO over time, mean over VMs' },
  { name: 'rpo_within_threshold', unit: 'fraction', better: 'higher', perChoice: false, description: 'fraction of time the RPO is within its threshold, mean over VMs' },
  { name: 'worst_vm_rpo_mean_s', unit: 's', better: 'lower', perChoice: false, description: 'the largest mean RPO of any VM' },
  { name: 'worst_vm_rpo_p95_s', unit: 's', better: 'lower', perChoice: false, description: 'the largest RPO p95 of any VM' },
  { name: 'worst_vm_rpo_within_threshold', unit: 'fraction', better: 'higher', perChoice: false, description: 'the lowest fraction of time within the threshold of any VM (0 for a VM without a point)' },
  { name: 'with_point', unit: 'fraction', better: 'higher', perChoice: true, description: 'failovers (disasters × VMs) at which the choice had a recovery point; for clean@d: the probability that a clean point exists' },
  { name: 'all_vms_with_point', unit: 'fraction', better: 'higher', perChoice: true, description: 'disasters at which the choice had a point for every VM' },
  { name: 'data_loss_s', unit: 's', better: 'lower', perChoice: true, description: 'data loss (disaster − recovery point), mean over failovers with a point' },
  { name: 'data_loss_bytes', unit: 'B', better: 'lower', perChoice: true, description: 'bytes written after the recovery point, mean over failovers with a point' },
  { name: 'downtime_s', unit: 's', better: 'lower', perChoice: true, description: 'downtime, mean over failovers with a point' },
  { name: 'storage_mean_bytes', unit: 'B', better: 'lower', perChoice: false, description: 'storage the retained points occupy, hourly mean, summed over VMs' },
  { name: 'storage_peak_bytes', unit: 'B', better: 'lower', perChoice: false, description: "each VM's peak storage of retained points, summed (what to provision if peaks coincide)" },
  { name: 'bandwidth_bps', unit: 'bit/s', better: 'lower', perChoice: false, description: 'bits sent over all uplinks (after compression), mean over the horizon' },
  { name: 'uplink_utilisation', unit: 'fraction', better: 'lower', perChoice: false, description: 'mean utilisation of the busiest uplink while up' },
  { name: 'outlay_per_month', unit: 'price', better: 'lower', perChoice: false, description: 'protected instances + storage + link, per month (costs:)' },
  { name: 'penalty_per_year', unit: 'price', better: 'lower', perChoice: false, description: 'disasters per year × (downtime and data-loss penalties + failover compute) (costs:)' },
  { name: 'cost_per_year', unit: 'price', better: 'lower', perChoice: false, description: '12 × outlay per month + penalty per year (costs:)' },
];

export const metricDef = (name: string): MetricDef | undefined => METRICS.find((m) => m.name === name);

/** A metric of one choice: `data_loss_s:latest`, `with_point:clean@3d`; a site-wide one: `cost_per_year`. */
export const metricKey = (metric: string, choice: string | null): string => (choice === null ? metric : `${metric}:${choice}`);

export function splitMetricKey(key: string): { metric: string; choice: string | null } {
  const at = key.indexOf(':');
  return at < 0 ? { metric: key, choice: null } : { metric: key.slice(0, at), choice: key.slice(at + 1) };
}

/**
 * One run's figure of a metric: the value whose mean and CI the comparison estimates, and for figures that are
 * means over failovers, the p95 and max over them within the run (null otherwise).
 */
export type Figure = [value: number, p95: number | null, max: number | null];

/** Every figure of one run, keyed by metric key; null where the run has none (a choice that never had a point). */
export type RunFigures = Record<string, Figure | null>;

const scalar = (value: number | null | undefined): Figure | null => (value === null || value === undefined || !Number.isFinite(value) ? null : [value, null, null]);

function distribution(values: number[]): Figure | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  return [mean(sorted)!, quantileSorted(sorted, 0.95)!, sorted[sorted.length - 1]!];
}

export function runFigures(result: SimulationResult, scenario: Scenario): RunFigures {
  const figures: RunFigures = {};
  const vms = result.vms;
  const rpoOf = (read: (vm: SimulationResult['vms'][number]) => number | null) => vms.map(read);
  const means = rpoOf((vm) => vm.rpo.mean);
  const p95s = rpoOf((vm) => vm.rpo.p95);
  const within = rpoOf((vm) => vm.rpo.fractionWithinThreshold);
  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  // A VM that never had a point has no RPO to average, and makes the worst VM's RPO unknown (its compliance 0).
  const worst = (values: (number | null)[]) => (values.includes(null) ? null : Math.max(...present(values)));
  figures['rpo_mean_s'] = scalar(mean(present(means)));
  figures['rpo_p95_s'] = scalar(mean(present(p95s)));
  figures['rpo_within_threshold'] = scalar(mean(present(within)));
  figures['worst_vm_rpo_mean_s'] = scalar(worst(means));
  figures['worst_vm_rpo_p95_s'] = scalar(worst(p95s));
  figures['worst_vm_rpo_within_threshold'] = scalar(Math.min(...within.map((w) => w ?? 0)));

  // Per choice, only the numbers the figures need: a large run's failovers are never all records at once.
  const byChoice = new Map<string, { count: number; disasters: Map<number, boolean>; lossSec: number[]; lossBytes: number[]; downtimeSec: number[] }>();
  for (const f of eachFailover(result.failovers)) {
    const label = choiceLabel(f.choice, f.dwellSec);
    let values = byChoice.get(label);
    if (values === undefined) {
      values = { count: 0, disasters: new Map(), lossSec: [], lossBytes: [], downtimeSec: [] };
      byChoice.set(label, values);
    }
    const withPoint = f.recoveryPointTimeSec !== null;
    values.count++;
    values.disasters.set(f.disasterTimeSec, (values.disasters.get(f.disasterTimeSec) ?? true) && withPoint);
    if (!withPoint) continue;
    values.lossSec.push(f.dataLossSec!);
    values.lossBytes.push(f.dataLossBytes!);
    values.downtimeSec.push(f.downtimeSec!);
  }
  for (const [label, { count, disasters, lossSec, lossBytes, downtimeSec }] of byChoice) {
    figures[metricKey('with_point', label)] = scalar(lossSec.length / count);
    figures[metricKey('all_vms_with_point', label)] = scalar([...disasters.values()].filter(Boolean).length / disasters.size);
    figures[metricKey('data_loss_s', label)] = distribution(lossSec);
    figures[metricKey('data_loss_bytes', label)] = distribution(lossBytes);
    figures[metricKey('downtime_s', label)] = distribution(downtimeSec);
  }

  const sampled = vms.filter((vm) => vm.retention.samples > 0);
  figures['storage_mean_bytes'] = scalar(sampled.length === 0 ? null : sampled.reduce((s, vm) => s + vm.retention.storageMeanBytes!, 0));
  figures['storage_peak_bytes'] = scalar(sampled.length === 0 ? null : sampled.reduce((s, vm) => s + vm.retention.storagePeakBytes!, 0));
  figures['bandwidth_bps'] = scalar(8 * wireBytesPerSec(result, scenario));
  figures['uplink_utilisation'] = scalar(Math.max(...result.uplinks.map((u) => u.utilisation)));
  const cost = costFigures(result, scenario);
  figures['outlay_per_month'] = scalar(cost.outlayPerMonth);
  figures['penalty_per_year'] = scalar(cost.penaltyPerYear);
  figures['cost_per_year'] = scalar(cost.totalPerYear);
  return figures;
}
