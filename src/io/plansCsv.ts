import type { PlanRecord } from '../metrics/types.js';
import { type CsvTable, csvText, secondsCell } from './csvCells.js';

export const PLAN_COLUMNS = ['plan', 'disaster_time_s', 'downtime_s', 'detection_s', 'critical_path', 'note'] as const;

/** plans.csv: one row per disaster × recovery plan; empty downtime when a VM of the plan had no point. */
export const plansTable: CsvTable<PlanRecord> = {
  columns: PLAN_COLUMNS,
  row: (r) => [r.plan, secondsCell(r.disasterTimeSec), secondsCell(r.downtimeSec), secondsCell(r.detectionSec), r.criticalPath, r.note],
};

export const plansCsv = (records: readonly PlanRecord[]): string => csvText(plansTable, records);
