/**
 * A churn trace as read from its file (src/io/readChurnTrace.ts, readMsrTrace.ts): interval i starts at
 * startsSec[i] (ascending, first = 0) and writes bytes[i]. Scale is applied later, by parseScenario.
 */
export interface ChurnTraceData {
  startsSec: number[];
  bytes: number[];
}

/** How an MSR Cambridge block trace becomes churn. */
export interface MsrTraceOptions {
  intervalSec: number;
  /** Count each written block once per interval (bitmap mode coalesces overwrites). */
  uniqueBlocks: boolean;
  blockSizeBytes: number;
  /** Keep only this host's / disk's records; null = all. */
  host: string | null;
  disk: number | null;
}

export type TraceFormat = { format: 'csv' } | ({ format: 'msr' } & MsrTraceOptions);

/** The key of a trace in the loader's table: the file alone for CSV, the file and its reading options for MSR. */
export function traceKey(file: string, format: TraceFormat): string {
  return format.format === 'csv' ? file : `${file}#${JSON.stringify(format)}`;
}
