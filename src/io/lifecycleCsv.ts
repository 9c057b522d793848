import type { LifecyclePhase } from '../metrics/types.js';
import { bytesCell, type CsvTable, csvText, secondsCell } from './csvCells.js';

export const LIFECYCLE_COLUMNS = [
  'vm',
  'phase',
  'start_s',
  'end_s',
  'duration_s',
  'bytes_transferred',
  'data_loss_s',
  'data_loss_bytes',
  'protected',
  'down',
  'rpo_mean_s',
  'rpo_p95_s',
  'rpo_max_s',
  'rpo_within_threshold',
  'note',
] as const;

/**
 * lifecycle.csv: one row per VM × phase of the failover–failback cycle, VM by VM, phases in time order; the RPO
 * columns describe, for a protected phase, the leg replicating the VM then.
 */
export const lifecycleTable: CsvTable<LifecyclePhase> = {
  columns: LIFECYCLE_COLUMNS,
  row: (p) => [
    p.vm,
    p.phase,
    secondsCell(p.startSec),
    secondsCell(p.endSec),
    secondsCell(p.durationSec),
    bytesCell(p.bytesTransferred),
    secondsCell(p.dataLossSec),
    bytesCell(p.dataLossBytes),
    String(p.protected),
    String(p.down),
    secondsCell(p.rpo?.mean ?? null),
    secondsCell(p.rpo?.p95 ?? null),
    secondsCell(p.rpo?.max ?? null),
    p.rpo?.fractionWithinThreshold === null || p.rpo === null ? '' : p.rpo.fractionWithinThreshold.toFixed(6),
    p.note,
  ],
};

export const lifecycleCsv = (phases: readonly LifecyclePhase[]): string => csvText(lifecycleTable, phases);
