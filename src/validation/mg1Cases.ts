import { md1WaitCdf, mm1WaitTail, pkMeanWait } from './queueFormulas.js';
import type { PoissonQueueCase } from './poissonQueueChecks.js';

// One burst per second on average into 1 MB/s: sizes of mean 0.7 MB give ρ = 0.7 in every case.
const MB = 1e6;
const LAMBDA = 1;
const C = 1 * MB;

/** M/M/1: exponential sizes. P(W_q > t) = ρ e^{−(μ−λ)t}, W_q = ρ / (μ − λ). */
export function mm1Case(): PoissonQueueCase {
  const meanSize = 0.7 * MB;
  const mu = C / meanSize;
  const rho = LAMBDA / mu;
  return {
    group: 'M/M/1',
    arrivalsPerSec: LAMBDA,
    sizeBytes: { kind: 'exponential', mean: meanSize },
    capacityBytesPerSec: C,
    waitTail: (t) => mm1WaitTail(LAMBDA, meanSize, C, t),
    meanWaitSec: rho / (mu - LAMBDA),
    tailPointsSec: [1, 3, 6],
    tailFormula: 'ρ·e^(−(μ−λ)t)',
    meanFormula: 'ρ/(μ−λ)',
  };
}

/** M/D/1: fixed sizes (service D = 0.7 s). Erlang's distribution; mean ρD / (2(1−ρ)). */
export function md1Case(): PoissonQueueCase {
  const service = 0.7;
  const rho = LAMBDA * service;
  return {
    group: 'M/D/1',
    arrivalsPerSec: LAMBDA,
    sizeBytes: { kind: 'fixed', value: service * C },
    capacityBytesPerSec: C,
    waitTail: (t) => 1 - md1WaitCdf(LAMBDA, service, t),
    meanWaitSec: (rho * service) / (2 * (1 - rho)),
    tailPointsSec: [0.5, 1.5, 3],
    tailFormula: "1 − Erlang's M/D/1 CDF",
    meanFormula: 'ρD/(2(1−ρ))',
  };
}

/** M/G/1 with uniform sizes on [0.2, 1.2] MB: Pollaczek–Khinchine W_q = λE[S²] / (2(1−ρ)); tail not closed-form. */
export function uniformPkCase(): PoissonQueueCase {
  const a = 0.2;
  const b = 1.2; // service seconds at 1 MB/s
  const wait = pkMeanWait(LAMBDA, (a + b) / 2, (a * a + a * b + b * b) / 3);
  return {
    group: 'M/G/1 (uniform)',
    arrivalsPerSec: LAMBDA,
    sizeBytes: { kind: 'uniform', min: a * C, max: b * C },
    capacityBytesPerSec: C,
    waitTail: () => NaN,
    meanWaitSec: wait,
    tailPointsSec: [],
    tailFormula: '',
    meanFormula: 'λE[S²]/(2(1−ρ))',
  };
}
