import { failoverRecords } from '../metrics/failoverTable.js';
import { compare, type CheckResult } from './checkResult.js';
import { fractionAbove, mean } from './poissonQueueChecks.js';
import { periodicPointsExceedance } from './queueFormulas.js';
import { queueScenario } from './queueScenario.js';
import { replicate } from './replicate.js';

const MB = 1e6;
export const PERIODIC_RUN = { replications: 10, horizonSec: 86_400, warmupSec: 3_600, disasters: 500, seed: 14 };

/**
 * Recovery points every T = 300 s that become usable D = 300 s later, on a stream that never queues (1 MB/s
 * into 100 MB/s): the RPO is uniform on [D, T+D). The time-weighted RPO statistics are exact, so they are
 * compared to within rounding; the disasters sample the RPO at random times, so they carry a CI.
 */
export function periodicPointsChecks(run = PERIODIC_RUN): CheckResult[] {
  const T = 300;
  const D = 300;
  const R = 450;
  const rate = 1 * MB;
  const scenario = queueScenario({
    capacityBytesPerSec: 100 * MB,
    churnPerVm: [[{ kind: 'constant', rateBytesPerSec: rate }]],
    horizonSec: run.horizonSec,
    warmupSec: run.warmupSec,
    tagIntervalSec: T,
    processingDelaySec: D,
    rpoThresholdSec: R,
    randomDisasters: run.disasters,
    choices: ['latest-processed'],
  });
  const e = replicate(scenario, run.seed, run.replications, (result) => {
    const rpo = result.vms[0]!.rpo;
    const records = failoverRecords(result.failovers);
    const lossSec = records.map((record) => record.dataLossSec!);
    const lossBytes = records.map((record) => record.dataLossBytes!);
    return {
      mean: rpo.mean!,
      max: rpo.max!,
      exceed: 1 - rpo.fractionWithinThreshold!,
      lossSecMean: mean(lossSec),
      lossExceed: fractionAbove(lossSec, R),
      lossMB: mean(lossBytes) / MB,
    };
  });
  const group = 'periodic points';
  const rounding = 1e-6;
  return [
    compare(group, 'time-weighted mean RPO = D + T/2', e.mean, D + T / 2, rounding),
    compare(group, 'max RPO = T + D', e.max, T + D, rounding),
    compare(group, `fraction of time RPO > ${R} s = (T+D−R)/T`, e.exceed, periodicPointsExceedance(T, D, R), rounding),
    compare(group, 'mean data loss at random disasters (s) = D + T/2', e.lossSecMean, D + T / 2),
    compare(group, `P(data loss > ${R} s) at random disasters = (T+D−R)/T`, e.lossExceed, periodicPointsExceedance(T, D, R)),
    compare(group, 'mean bytes lost at random disasters (MB) = rate·(D + T/2)', e.lossMB, (rate * (D + T / 2)) / MB),
  ];
}
