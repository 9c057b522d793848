import { choiceLabel } from '../metrics/choiceLabel.js';
import type { FailoverRecord } from '../metrics/types.js';
import { bytesCell, type CsvTable, csvText, secondsCell } from './csvCells.js';

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

/** failovers.csv: one row per disaster × VM × choice (clean: per dwell time, `clean@3d`), in the result's order; empty cells where there was no point. */
export const failoversTable: CsvTable<FailoverRecord> = {
  columns: FAILOVER_COLUMNS,
  row: (r) => [
    r.vm,
    choiceLabel(r.choice, r.dwellSec),
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
  ],
};

export const failoversCsv = (records: readonly FailoverRecord[]): string => csvText(failoversTable, records);
