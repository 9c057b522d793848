// The highest write rate churn components reach together, for the compatibility report's peak rules.
import { distributionMean } from './meanChurn.js';
import type { ChurnComponent } from './types.js';

/** A piecewise-constant rate over [0, horizon): rate[k] from time[k] to time[k + 1] (the last to the horizon). */
interface Steps {
  time: number[];
  rate: number[];
}

/** The steps of a time-varying deterministic component over [0, horizon). */
function stepsOf(c: VaryingComponent, horizonSec: number): Steps {
  const steps: Steps = { time: [], rate: [] };
  const push = (t: number, rate: number): boolean => {
    if (t >= horizonSec) return false;
    steps.time.push(Math.max(0, t));
    steps.rate.push(rate);
    return true;
  };
  switch (c.kind) {
    case 'dailyProfile':
      for (let h = 0; push(h * 3600, c.hourlyRatesBytesPerSec[h % 24]!); h++);
      break;
    case 'trace': {
      const rates = traceRates(c);
      const period = tracePeriod(c);
      for (let base = 0; base < horizonSec; base += period) {
        c.startsSec.forEach((start, i) => push(base + start, rates[i]!));
        if (!c.loop) {
          push(base + period, 0);
          break;
        }
      }
      break;
    }
    case 'periodicSteps': {
      const { periodSec, offsetSec, stepStartsSec, ratesBytesPerSec } = c;
      // From the cycle before time 0: a step that started before 0 is in force at 0.
      for (let cycle = -1; cycle * periodSec + offsetSec < horizonSec; cycle++) {
        stepStartsSec.forEach((start, k) => push(cycle * periodSec + offsetSec + start, ratesBytesPerSec[k]!));
      }
      break;
    }
  }
  return steps;
}

type VaryingComponent = Extract<ChurnComponent, { kind: 'dailyProfile' | 'trace' | 'periodicSteps' }>;

const tracePeriod = (c: Extract<ChurnComponent, { kind: 'trace' }>): number => {
  const n = c.startsSec.length;
  return c.startsSec[n - 1]! + (c.startsSec[n - 1]! - c.startsSec[n - 2]!);
};

function traceRates(c: Extract<ChurnComponent, { kind: 'trace' }>): number[] {
  const period = tracePeriod(c);
  return c.startsSec.map((start, i) => {
    const length = (c.startsSec[i + 1] ?? period) - start;
    return length > 0 ? c.bytes[i]! / length : 0;
  });
}

/** The period after which the sum of the components repeats (whole seconds only), or Infinity. */
function commonPeriodSec(components: readonly VaryingComponent[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let period = 1;
  for (const c of components) {
    const own = c.kind === 'dailyProfile' ? 86_400 : c.kind === 'periodicSteps' ? c.periodSec : c.loop ? tracePeriod(c) : Infinity;
    if (!Number.isSafeInteger(own)) return Infinity;
    period = (period / gcd(period, own)) * own;
    if (!Number.isSafeInteger(period)) return Infinity;
  }
  return period;
}

function maxRate(c: VaryingComponent): number {
  const rates = c.kind === 'dailyProfile' ? c.hourlyRatesBytesPerSec : c.kind === 'trace' ? traceRates(c) : c.ratesBytesPerSec;
  return rates.reduce((a, b) => Math.max(a, b), 0);
}

/**
 * The highest total rate of the components over [0, horizon): exact for the deterministic ones (when several vary
 * in time, their steps are swept together); an on-off component counts at its peak (it may be ON at any instant),
 * Poisson bursts at their mean rate (the model writes a burst at one instant, so it has no peak rate: describe
 * bursts that matter with a window or a trace).
 */
export function peakChurnBytesPerSec(components: readonly ChurnComponent[], horizonSec: number): number {
  let steady = 0;
  const varying: VaryingComponent[] = [];
  for (const c of components) {
    if (c.kind === 'constant') steady += c.rateBytesPerSec;
    else if (c.kind === 'onOff') steady += c.peakBytesPerSec;
    else if (c.kind === 'poissonBursts') steady += distributionMean(c.sizeBytes) / c.meanIntervalSec;
    else varying.push(c);
  }
  if (varying.length <= 1) return steady + (varying[0] === undefined ? 0 : maxRate(varying[0]));
  // Several: sweep the changes of all of them in time order, summing the rates in force, over one common period
  // when they have one within the horizon (traces of one export, daily profiles).
  const window = Math.min(horizonSec, commonPeriodSec(varying));
  const changes: { time: number; component: number; rate: number }[] = [];
  varying.forEach((c, component) => {
    const steps = stepsOf(c, window);
    steps.time.forEach((time, k) => changes.push({ time, component, rate: steps.rate[k]! }));
  });
  changes.sort((a, b) => a.time - b.time);
  const current = new Float64Array(varying.length);
  let total = 0;
  let peak = 0;
  changes.forEach((change, i) => {
    total += change.rate - current[change.component]!;
    current[change.component] = change.rate;
    if (changes[i + 1]?.time !== change.time) peak = Math.max(peak, total);
  });
  return steady + peak;
}
