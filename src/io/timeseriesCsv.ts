import type { TimeseriesSample } from '../metrics/types.js';
import { bytesCell, type CsvTable, csvText, secondsCell } from './csvCells.js';

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
export const timeseriesTable: CsvTable<TimeseriesSample> = {
  columns: TIMESERIES_COLUMNS,
  row: (s) => [
    secondsCell(s.timeSec),
    s.vm,
    secondsCell(s.rpoSec),
    bytesCell(s.sourceBacklogBytes),
    bytesCell(s.psCacheBytes),
    bytesCell(s.unuploadedBytes),
    bytesCell(s.unprocessedBytes),
  ],
};

export const timeseriesCsv = (samples: readonly TimeseriesSample[]): string => csvText(timeseriesTable, samples);
