import type { FailoverChoice } from '../scenario/types.js';
import { sampleStats } from './sampleStats.js';
import type { ChoiceSummary, FailoverRecord } from './types.js';

/** Distribution of data loss and downtime of one choice over the disasters (records of one VM). */
export function choiceSummary(choice: FailoverChoice, records: readonly FailoverRecord[]): ChoiceSummary {
  const mine = records.filter((record) => record.choice === choice);
  const available = mine.filter((record) => record.recoveryPointTimeSec !== null);
  return {
    choice,
    available: available.length,
    unavailable: mine.length - available.length,
    dataLossSec: sampleStats(available.map((record) => record.dataLossSec!)),
    dataLossBytes: sampleStats(available.map((record) => record.dataLossBytes!)),
    downtimeSec: sampleStats(available.map((record) => record.downtimeSec!)),
  };
}
