import { eachFailover } from '../metrics/failoverTable.js';
import { compare, type CheckResult } from './checkResult.js';
import { solveHomogeneousOnOff } from './fluidSpectral.js';
import { fractionAbove, mean } from './poissonQueueChecks.js';
import { onOffBacklogTail, onOffMeanBacklog } from './queueFormulas.js';
import { queueScenario } from './queueScenario.js';
import { replicate, totalUnuploadedByTime } from './replicate.js';

const MB = 1e6;
/** domain.md §6's example: p = 10 MB/s, mean ON 2 s, mean OFF 6 s (m = 2.5 MB/s). */
const SOURCE = { peakBytesPerSec: 10 * MB, meanOnSec: 2, meanOffSec: 6 };

export const ON_OFF_RUN = { replications: 10, horizonSec: 150_000, warmupSec: 1_000, disasters: 3_000, seed: 12 };

/**
 * One on-off fluid source into c = 4 MB/s: P(Q > x) = (m/c)e^{−ηx} (0.4120 at 10 MB), E[Q] = 15 MB, and
 * P(lag > 5 s) = P(Q > 5c) = 0.2716 (a fluid drained FIFO at c: lag(t) > R ⇔ Q(t−R) > cR).
 */
export function onOffChecks(run = ON_OFF_RUN): CheckResult[] {
  const c = 4 * MB;
  const scenario = queueScenario({
    capacityBytesPerSec: c,
    churnPerVm: [[{ kind: 'onOff', ...SOURCE }]],
    horizonSec: run.horizonSec,
    warmupSec: run.warmupSec,
    tagIntervalSec: 3600,
    sampleIntervalSec: 1,
    randomDisasters: run.disasters,
  });
  const e = replicate(scenario, run.seed, run.replications, (result) => {
    const backlog = totalUnuploadedByTime(result);
    const lags = Array.from(eachFailover(result.failovers), (record) => record.dataLossSec!);
    return {
      tail10: fractionAbove(backlog, 10 * MB),
      tail30: fractionAbove(backlog, 30 * MB),
      meanMB: mean(backlog) / MB,
      lag5: fractionAbove(lags, 5),
      little: mean(backlog) / c - mean(lags),
    };
  });
  const group = 'on-off fluid';
  return [
    compare(group, 'P(Q > 10 MB) = (m/c)·e^(−η·10 MB)', e.tail10, onOffBacklogTail(SOURCE, c, 10 * MB)),
    compare(group, 'P(Q > 30 MB) = (m/c)·e^(−η·30 MB)', e.tail30, onOffBacklogTail(SOURCE, c, 30 * MB)),
    compare(group, 'E[Q] in MB = (m/c)/η', e.meanMB, onOffMeanBacklog(SOURCE, c) / MB),
    compare(group, 'P(lag > 5 s) at random disasters = P(Q > 5c)', e.lag5, onOffBacklogTail(SOURCE, c, 5 * c)),
    compare(group, "Little's law: E[Q]/c − E[lag] = 0", e.little, 0),
  ];
}

export const SHARED_RUN = { replications: 10, horizonSec: 100_000, warmupSec: 1_000, seed: 13 };

/**
 * Four such sources, one per VM, sharing one 13 MB/s uplink (ρ = 0.77): the total backlog of a work-conserving
 * uplink does not depend on how it is shared, so its law is the Anick–Mitra–Sondhi solution for 4 sources.
 */
export function sharedUplinkChecks(run = SHARED_RUN): CheckResult[] {
  const sources = 4;
  const c = 13 * MB;
  const solution = solveHomogeneousOnOff({ sources, ...SOURCE, capacityBytesPerSec: c });
  const scenario = queueScenario({
    capacityBytesPerSec: c,
    churnPerVm: Array.from({ length: sources }, () => [{ kind: 'onOff' as const, ...SOURCE }]),
    horizonSec: run.horizonSec,
    warmupSec: run.warmupSec,
    tagIntervalSec: 3600,
    sampleIntervalSec: 1,
  });
  const levels = [5, 20, 60];
  const e = replicate(scenario, run.seed, run.replications, (result) => {
    const backlog = totalUnuploadedByTime(result);
    const measured: Record<string, number> = { meanMB: mean(backlog) / MB };
    for (const x of levels) measured[`tail${x}`] = fractionAbove(backlog, x * MB);
    return measured;
  });
  const group = `${sources} on-off sources, one uplink`;
  return [
    ...levels.map((x) => compare(group, `P(Q > ${x} MB) = AMS spectral solution`, e[`tail${x}`]!, solution.tail(x * MB))),
    compare(group, 'E[Q] in MB = AMS spectral solution', e.meanMB!, solution.meanBacklogBytes / MB),
  ];
}
