import type { PlanRecord } from '../metrics/types.js';
import { secondsCell } from './csvCells.js';
import { csvText } from './csvFileWriter.js';

export const PLAN_COLUMNS = ['plan', 'disaster_time_s', 'downtime_s', 'detection_s', 'critical_path', 'note'] as const;

/** plans.csv: one row per disaster × recovery plan; empty downtime when a VM of the plan had no point. */
export function plansCsv(records: readonly PlanRecord[]): string {
  return csvText([PLAN_COLUMNS, ...records.map(planRow)]);
}

export function planRow(r: PlanRecord): string[] {
  return [r.plan, secondsCell(r.disasterTimeSec), secondsCell(r.downtimeSec), secondsCell(r.detectionSec), r.criticalPath, r.note];
}
