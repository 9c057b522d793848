// Staggering: instance i of a VM entry with `count` and `stagger` has its time-based churn shifted later by
// i × stagger, so that five nightly ETLs written as one entry do not all start at 01:00.
import type { ChurnComponent } from './types.js';

const DAY_SEC = 86_400;
const HOUR_SEC = 3600;

const positiveModulo = (value: number, period: number): number => ((value % period) + period) % period;

const HOUR_STARTS_SEC = Array.from({ length: 24 }, (_, h) => h * HOUR_SEC);

/**
 * A trace's rates, computed once however many staggered instances replay it: the arrays of churn components are
 * read-only and shared (expandVms), so a month-long trace on thousands of VMs is held once.
 */
const traceRates = new WeakMap<number[], number[]>();
function ratesOf(startsSec: number[], bytes: number[], periodSec: number): number[] {
  let rates = traceRates.get(bytes);
  if (rates === undefined) {
    rates = bytes.map((b, i) => b / ((startsSec[i + 1] ?? periodSec) - startsSec[i]!));
    traceRates.set(bytes, rates);
  }
  return rates;
}

/**
 * The component shifted later by shiftSec. Daily profiles and looped traces become step profiles with that
 * offset (the same rates, the same mean); windows move; constant and random components are returned as they
 * are (random ones already draw from a stream of their own per VM). A trace that does not loop cannot be
 * shifted within this model: crossChecks rejects stagger on such a VM, so meeting one here is a bug.
 */
export function shiftChurn(component: ChurnComponent, shiftSec: number): ChurnComponent {
  switch (component.kind) {
    case 'constant':
    case 'onOff':
    case 'poissonBursts':
      return component;
    case 'dailyProfile': {
      const offsetSec = positiveModulo(shiftSec, DAY_SEC);
      if (offsetSec === 0) return component;
      const rates = component.hourlyRatesBytesPerSec;
      return { kind: 'periodicSteps', periodSec: DAY_SEC, offsetSec, stepStartsSec: HOUR_STARTS_SEC, ratesBytesPerSec: rates };
    }
    case 'trace': {
      if (!component.loop) throw new Error(`cannot shift the trace ${component.source}: it does not loop`);
      const { startsSec, bytes } = component;
      const n = startsSec.length;
      const periodSec = startsSec[n - 1]! + (startsSec[n - 1]! - startsSec[n - 2]!);
      const offsetSec = positiveModulo(shiftSec, periodSec);
      if (offsetSec === 0) return component;
      return { kind: 'periodicSteps', periodSec, offsetSec, stepStartsSec: startsSec, ratesBytesPerSec: ratesOf(startsSec, bytes, periodSec) };
    }
    case 'periodicSteps':
      return { ...component, offsetSec: positiveModulo(component.offsetSec + shiftSec, component.periodSec) };
  }
}
