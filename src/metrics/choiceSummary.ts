import type { FailoverChoice } from '../scenario/types.js';
import { choiceVariants } from './choiceLabel.js';
import { sampleStats } from './sampleStats.js';
import type { ChoiceSummary, FailoverRecord } from './types.js';

/** Distribution of data loss and downtime of one choice (one dwell time for clean) over the disasters (records of one VM). */
export function choiceSummary(choice: FailoverChoice, records: readonly FailoverRecord[], dwellSec: number | null = null): ChoiceSummary {
  const mine = records.filter((record) => record.choice === choice && (record.dwellSec ?? null) === dwellSec);
  const available = mine.filter((record) => record.recoveryPointTimeSec !== null);
  return {
    choice,
    ...(dwellSec === null ? {} : { dwellSec }),
    available: available.length,
    unavailable: mine.length - available.length,
    dataLossSec: sampleStats(available.map((record) => record.dataLossSec!)),
    dataLossBytes: sampleStats(available.map((record) => record.dataLossBytes!)),
    downtimeSec: sampleStats(available.map((record) => record.downtimeSec!)),
  };
}

/** One summary per choice, in the scenario's order; clean gives one per dwell time. */
export function choiceSummaries(choices: readonly FailoverChoice[], dwellSec: readonly number[], records: readonly FailoverRecord[]): ChoiceSummary[] {
  return choiceVariants(choices, dwellSec).map((v) => choiceSummary(v.choice, records, v.dwellSec));
}
