import type { TimeseriesSample } from '../metrics/types.js';
import { bytesCell, secondsCell } from './csvCells.js';
import { csvText } from './csvFileWriter.js';

export const TIMESERIES_COLUMNS = [
  'time_s',
  'vm',
  'rpo_s',
  'source_backlog_bytes',
  'ps_cache_bytes',
  'unuploaded_bytes',
  'unprocessed_bytes',
] as const;

/** timeseries.csv: one row per sample time × VM; rpo_s is empty before the VM's first recovery point. */
export function timeseriesCsv(samples: readonly TimeseriesSample[]): string {
  return csvText([TIMESERIES_COLUMNS, ...samples.map(timeseriesRow)]);
}

export function timeseriesRow(s: TimeseriesSample): string[] {
  return [
    secondsCell(s.timeSec),
    s.vm,
    secondsCell(s.rpoSec),
    bytesCell(s.sourceBacklogBytes),
    bytesCell(s.psCacheBytes),
    bytesCell(s.unuploadedBytes),
    bytesCell(s.unprocessedBytes),
  ];
}
