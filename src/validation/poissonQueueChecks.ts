import { eachFailover } from '../metrics/failoverTable.js';
import type { Distribution } from '../scenario/types.js';
import { compare, type CheckResult } from './checkResult.js';
import { queueScenario } from './queueScenario.js';
import { replicate, totalUnuploadedByTime } from './replicate.js';

/**
 * An M/G/1 queue in the simulator: Poisson write bursts (rate λ, sizes S) into an uplink of capacity c.
 * Two simulated quantities are compared with the waiting time W_q of the formulas:
 *  - the backlog Q(t) (unuploaded bytes) sampled every second: Q/c is the virtual waiting time, whose
 *    time-stationary law equals the waiting time of an arriving burst by PASTA;
 *  - the replication lag at random disasters (data loss in seconds of "latest"): lag(t) > x ⇔ Q(t−x) > c·x,
 *    so the lag has the same law at a random time.
 * Little's law E[Q] = c·E[lag] pairs the two within each replication.
 */
export interface PoissonQueueCase {
  group: string;
  arrivalsPerSec: number;
  sizeBytes: Distribution;
  capacityBytesPerSec: number;
  /** P(W_q > t) and the mean of W_q, as the closed form gives them. */
  waitTail: (tSec: number) => number;
  meanWaitSec: number;
  tailPointsSec: number[];
  /** The formula text for the tail and for the mean. */
  tailFormula: string;
  meanFormula: string;
}

export const POISSON_RUN = { replications: 10, horizonSec: 80_000, warmupSec: 1_000, disasters: 5_000, seed: 11 };
/** Crash-consistent tag interval δ: the RPO is then the lag within δ. */
const TAG_SEC = 0.2;

export function poissonQueueChecks(c: PoissonQueueCase, run = POISSON_RUN): CheckResult[] {
  const rpoLevel = c.tailPointsSec[1] ?? 1;
  const scenario = queueScenario({
    capacityBytesPerSec: c.capacityBytesPerSec,
    churnPerVm: [[{ kind: 'poissonBursts', meanIntervalSec: 1 / c.arrivalsPerSec, sizeBytes: c.sizeBytes }]],
    horizonSec: run.horizonSec,
    warmupSec: run.warmupSec,
    tagIntervalSec: TAG_SEC,
    rpoThresholdSec: rpoLevel + TAG_SEC / 2,
    sampleIntervalSec: 1,
    randomDisasters: run.disasters,
  });
  const capacity = c.capacityBytesPerSec;
  const estimates = replicate(scenario, run.seed, run.replications, (result) => {
    const waits = totalUnuploadedByTime(result).map((q) => q / capacity);
    const lags = Array.from(eachFailover(result.failovers), (record) => record.dataLossSec!);
    const measured: Record<string, number> = {
      meanWait: mean(waits),
      meanLag: mean(lags),
      little: mean(waits) - mean(lags),
      rpoExceed: 1 - result.vms[0]!.rpo.fractionWithinThreshold!,
      rpoMean: result.vms[0]!.rpo.mean! - TAG_SEC / 2,
    };
    for (const t of c.tailPointsSec) {
      measured[`waitTail${t}`] = fractionAbove(waits, t);
      measured[`lagTail${t}`] = fractionAbove(lags, t);
    }
    return measured;
  });
  const checks: CheckResult[] = [];
  for (const t of c.tailPointsSec) {
    checks.push(compare(c.group, `P(Q/c > ${t} s) = ${c.tailFormula}`, estimates[`waitTail${t}`]!, c.waitTail(t)));
    checks.push(compare(c.group, `P(lag > ${t} s) at random disasters = ${c.tailFormula}`, estimates[`lagTail${t}`]!, c.waitTail(t)));
  }
  checks.push(compare(c.group, `E[Q]/c = ${c.meanFormula}`, estimates.meanWait!, c.meanWaitSec));
  checks.push(compare(c.group, `E[lag] at random disasters = ${c.meanFormula}`, estimates.meanLag!, c.meanWaitSec));
  checks.push(compare(c.group, "Little's law: E[Q]/c − E[lag] = 0", estimates.little!, 0));
  // The RPO with tags every δ is lag + e, e in [0, δ): centred by δ/2, it is off by at most δ/2 in level,
  // which moves a tail probability by at most density × δ/2 (density from the closed form, numerically).
  checks.push(compare(c.group, `mean RPO − δ/2 with tags every δ = ${TAG_SEC} s = ${c.meanFormula}`, estimates.rpoMean!, c.meanWaitSec, TAG_SEC / 2));
  if (c.tailPointsSec.length > 1) {
    const h = 1e-3;
    const density = (c.waitTail(rpoLevel - h) - c.waitTail(rpoLevel + h)) / (2 * h);
    checks.push(
      compare(c.group, `fraction of time RPO > ${rpoLevel} s + δ/2 = ${c.tailFormula}`, estimates.rpoExceed!, c.waitTail(rpoLevel), (density * TAG_SEC) / 2),
    );
  }
  return checks;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function fractionAbove(values: readonly number[], level: number): number {
  let count = 0;
  for (const v of values) if (v > level) count++;
  return count / values.length;
}
