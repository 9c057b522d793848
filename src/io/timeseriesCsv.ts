import type { TimeseriesSample } from '../metrics/types.js';
import { bytesCell, type CsvTable, csvText, secondsCell } from './csvCells.js';
import { CsvFileWriter } from './csvFileWriter.js';

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
 * reach) are empty before the VM's first recovery point. A failover–failback cycle adds the direction of the leg
 * each row describes.
 */
export function timeseriesTable(withDirection: boolean): CsvTable<TimeseriesSample> {
  const columns: string[] = [...TIMESERIES_COLUMNS];
  if (withDirection) columns.splice(2, 0, 'direction');
  return {
    columns,
    row: (s) => [
      secondsCell(s.timeSec),
      s.vm,
      ...(withDirection ? [s.direction ?? ''] : []),
      secondsCell(s.rpoSec),
      secondsCell(s.oldestPointAgeSec),
      bytesCell(s.sourceBacklogBytes),
      bytesCell(s.psCacheBytes),
      bytesCell(s.unuploadedBytes),
      bytesCell(s.unprocessedBytes),
    ],
  };
}

export const hasDirection = (samples: readonly TimeseriesSample[]): boolean => samples.some((s) => s.direction !== undefined);

export const timeseriesCsv = (samples: readonly TimeseriesSample[]): string => csvText(timeseriesTable(hasDirection(samples)), samples);

/**
 * timeseries.csv written sample by sample while a run makes them (SimulateOptions.onSample), so that a long
 * run's timeseries is never held whole. The first sample says whether the run has directions, so the header
 * waits for it; a run without samples leaves no file.
 */
export class TimeseriesCsvFile {
  private writer: CsvFileWriter | null = null;
  private table: CsvTable<TimeseriesSample> | null = null;

  constructor(readonly path: string) {}

  readonly write = (sample: TimeseriesSample): void => {
    if (this.writer === null) {
      this.table = timeseriesTable(sample.direction !== undefined);
      this.writer = CsvFileWriter.open(this.path, this.table.columns);
    }
    this.writer.writeRow(this.table!.row(sample));
  };

  /** Writes what is pending and closes the file. */
  close(): void {
    this.writer?.close();
  }
}
