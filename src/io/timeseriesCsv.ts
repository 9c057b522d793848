import { stringify } from 'csv-stringify/sync';
import type { TimeseriesSample } from '../metrics/types.js';
import { bytesCell, secondsCell } from './csvCells.js';

export const TIMESERIES_COLUMNS = [
  'time_s',
  'vm',
  'rpo_s',
  'oldest_point_age_s',
  'source_backlog_bytes',
  'ps_cache_bytes',
  'unuploaded_bytes',
  'unprocessed_bytes',
] as const;

/**
 * timeseries.csv: one row per sample time × VM; rpo_s and oldest_point_age_s (how far back the retained points
 * reach) are empty before the VM's first recovery point.
 */
export function timeseriesCsv(samples: readonly TimeseriesSample[]): string {
  // A failover–failback cycle adds the direction of the leg each row describes.
  const withDirection = samples.some((s) => s.direction !== undefined);
  const rows = samples.map((s) => [
    secondsCell(s.timeSec),
    s.vm,
    ...(withDirection ? [s.direction ?? ''] : []),
    secondsCell(s.rpoSec),
    secondsCell(s.oldestPointAgeSec),
    bytesCell(s.sourceBacklogBytes),
    bytesCell(s.psCacheBytes),
    bytesCell(s.unuploadedBytes),
    bytesCell(s.unprocessedBytes),
  ]);
  const columns: string[] = [...TIMESERIES_COLUMNS];
  if (withDirection) columns.splice(2, 0, 'direction');
  return stringify(rows, { header: true, columns });
}
