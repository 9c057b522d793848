/**
 * A churn trace as read from its CSV (src/io/readChurnTrace.ts): interval i starts at startsSec[i]
 * (ascending, first = 0) and writes bytes[i]. Scale is applied later, by parseScenario.
 */
export interface ChurnTraceData {
  startsSec: number[];
  bytes: number[];
}
