// Closed forms of queueing theory that hold for the replication backlog (domain.md §6). Times in seconds,
// sizes in whatever unit the caller uses consistently (the checks use bytes and bytes per second).

/** M/M/1 (FCFS): P(W_q > t) = ρ·e^{−(μ−λ)t}, with μ = c / E[S]. By PASTA this is also P(Q/c > t) at a random time. */
export function mm1WaitTail(arrivalsPerSec: number, meanSizeBytes: number, capacityBytesPerSec: number, tSec: number): number {
  const mu = capacityBytesPerSec / meanSizeBytes;
  const rho = arrivalsPerSec / mu;
  return rho * Math.exp(-(mu - arrivalsPerSec) * tSec);
}

/** Pollaczek–Khinchine: W_q = λ·E[S²] / (2(1−ρ)), S the service time (size / c). */
export function pkMeanWait(arrivalsPerSec: number, meanServiceSec: number, secondMomentServiceSec2: number): number {
  const rho = arrivalsPerSec * meanServiceSec;
  return (arrivalsPerSec * secondMomentServiceSec2) / (2 * (1 - rho));
}

/**
 * M/D/1 waiting-time distribution (Erlang, 1909): with service time D and ρ = λD,
 * P(W_q ≤ t) = (1−ρ) Σ_{k=0}^{⌊t/D⌋} (λ(kD − t))^k / k! · e^{−λ(kD − t)}.
 * The sum alternates and loses precision for large t/D; the checks use t ≤ 6D, where it is exact to ~1e-12.
 */
export function md1WaitCdf(arrivalsPerSec: number, serviceSec: number, tSec: number): number {
  const rho = arrivalsPerSec * serviceSec;
  let sum = 0;
  for (let k = 0; k <= Math.floor(tSec / serviceSec); k++) {
    const u = arrivalsPerSec * (k * serviceSec - tSec);
    let term = Math.exp(-u);
    for (let j = 1; j <= k; j++) term *= u / j;
    sum += term;
  }
  return (1 - rho) * sum;
}

/** One exponential on-off fluid source into a buffer drained at c: P(Q > x) = (m/c)·e^{−ηx}. */
export interface OnOffSource {
  peakBytesPerSec: number;
  meanOnSec: number;
  meanOffSec: number;
}

export function onOffMeanRate(source: OnOffSource): number {
  return (source.peakBytesPerSec * source.meanOnSec) / (source.meanOnSec + source.meanOffSec);
}

/** η = α/(p−c) − β/c with α = 1/mean ON, β = 1/mean OFF. */
export function onOffDecayRate(source: OnOffSource, capacityBytesPerSec: number): number {
  const alpha = 1 / source.meanOnSec;
  const beta = 1 / source.meanOffSec;
  return alpha / (source.peakBytesPerSec - capacityBytesPerSec) - beta / capacityBytesPerSec;
}

export function onOffBacklogTail(source: OnOffSource, capacityBytesPerSec: number, xBytes: number): number {
  return (onOffMeanRate(source) / capacityBytesPerSec) * Math.exp(-onOffDecayRate(source, capacityBytesPerSec) * xBytes);
}

/** E[Q] = (m/c) / η: the integral of the tail. */
export function onOffMeanBacklog(source: OnOffSource, capacityBytesPerSec: number): number {
  return onOffMeanRate(source) / capacityBytesPerSec / onOffDecayRate(source, capacityBytesPerSec);
}

/**
 * Periodic recovery points every T, each usable D after its time, with nothing queued: the age of the newest
 * point is uniform on [D, T+D), so P(RPO > R) = clamp((T + D − R) / T, 0, 1).
 */
export function periodicPointsExceedance(intervalSec: number, delaySec: number, thresholdSec: number): number {
  return Math.min(1, Math.max(0, (intervalSec + delaySec - thresholdSec) / intervalSec));
}
