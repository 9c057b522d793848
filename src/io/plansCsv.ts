import type { PlanRecord } from '../metrics/types.js';
import { bytesCell, type CsvTable, csvText, secondsCell } from './csvCells.js';

export const PLAN_COLUMNS = ['plan', 'disaster_time_s', 'downtime_s', 'data_loss_s', 'data_loss_bytes', 'detection_s', 'critical_path', 'note'] as const;

/**
 * plans.csv: one row per disaster × recovery plan: downtime, data loss (the largest of the plan's VMs in seconds,
 * the sum of their bytes); empty when a VM of the plan had no point (the note says which and why).
 */
export const plansTable: CsvTable<PlanRecord> = {
  columns: PLAN_COLUMNS,
  row: (r) => [
    r.plan, secondsCell(r.disasterTimeSec), secondsCell(r.downtimeSec), secondsCell(r.dataLossSec), bytesCell(r.dataLossBytes),
    secondsCell(r.detectionSec), r.criticalPath, r.note,
  ],
};

export const plansCsv = (records: readonly PlanRecord[]): string => csvText(plansTable, records);
