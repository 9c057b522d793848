/** Where a churn component reports its writes: a rate that holds until changed, or an instant burst. */
export interface ChurnSink {
  setRate(bytesPerSec: number): void;
  burst(bytes: number): void;
}
