import type { FailoverRecord } from '../metrics/types.js';
import { bytesCell, secondsCell } from './csvCells.js';
import { csvText } from './csvFileWriter.js';

export const FAILOVER_COLUMNS = [
  'vm',
  'choice',
  'disaster_time_s',
  'recovery_point_time_s',
  'recovery_point_kind',
  'data_loss_s',
  'data_loss_bytes',
  'downtime_s',
  'shutdown_s',
  'detection_s',
  'backlog_processing_s',
  'job_s',
  'extra_processing_s',
  'boot_s',
  'note',
] as const;

/** failovers.csv: one row per disaster × VM × choice, in the result's order; empty cells where there was no point. */
export function failoversCsv(records: readonly FailoverRecord[]): string {
  return csvText([FAILOVER_COLUMNS, ...records.map(failoverRow)]);
}

export function failoverRow(r: FailoverRecord): string[] {
  return [
    r.vm,
    r.choice,
    secondsCell(r.disasterTimeSec),
    secondsCell(r.recoveryPointTimeSec),
    r.recoveryPointKind ?? '',
    secondsCell(r.dataLossSec),
    bytesCell(r.dataLossBytes),
    secondsCell(r.downtimeSec),
    secondsCell(r.shutdownSec),
    secondsCell(r.detectionSec),
    secondsCell(r.backlogProcessingSec),
    secondsCell(r.jobSec),
    secondsCell(r.extraProcessingSec),
    secondsCell(r.bootSec),
    r.note,
  ];
}
