import type { LifecyclePhase } from '../metrics/types.js';
import { bytesCell, secondsCell } from './csvCells.js';
import { csvText } from './csvFileWriter.js';

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
  'note',
] as const;

/** lifecycle.csv: one row per VM × phase of the failover–failback cycle, VM by VM, phases in time order. */
export function lifecycleCsv(phases: readonly LifecyclePhase[]): string {
  return csvText([LIFECYCLE_COLUMNS, ...phases.map(lifecycleRow)]);
}

export function lifecycleRow(p: LifecyclePhase): string[] {
  return [
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
    p.note,
  ];
}
