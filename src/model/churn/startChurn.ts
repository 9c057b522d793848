import type { Environment } from '../../engine/environment.js';
import { exponential } from '../../engine/distributions.js';
import type { RandomStream } from '../../engine/random.js';
import type { ChurnComponent } from '../../scenario/types.js';
import { PRIORITY } from '../priorities.js';
import { sampleDistribution } from '../sampleDistribution.js';
import type { ChurnSink } from './churnSink.js';

const HOUR_SEC = 3600;

/**
 * Drives one churn component over [0, horizon): schedules the instants at which its rate changes (or a burst
 * happens) and reports them to the sink. Churn is a rate over time, not an event per I/O, so a month of a
 * thousand VMs stays cheap: a daily profile costs 24 events a day, a trace one per interval.
 */
export function startChurn(
  env: Environment,
  component: ChurnComponent,
  sink: ChurnSink,
  rng: RandomStream,
  horizonSec: number,
): void {
  const at = (timeSec: number, handler: () => void): void => {
    if (timeSec < horizonSec) env.scheduleAt(timeSec, handler, PRIORITY.stateChange);
  };
  switch (component.kind) {
    case 'constant':
      sink.setRate(component.rateBytesPerSec);
      return;
    case 'dailyProfile': {
      const rates = component.hourlyRatesBytesPerSec;
      env.every(HOUR_SEC, (hour) => sink.setRate(rates[hour % 24]!), {
        startSec: 0,
        priority: PRIORITY.stateChange,
        untilSec: horizonSec - 1e-9,
      });
      return;
    }
    case 'onOff': {
      // Starts OFF; ON and OFF periods alternate with exponential lengths.
      const turnOn = (): void => {
        sink.setRate(component.peakBytesPerSec);
        at(env.now + exponential(rng, component.meanOnSec), turnOff);
      };
      const turnOff = (): void => {
        sink.setRate(0);
        at(env.now + exponential(rng, component.meanOffSec), turnOn);
      };
      at(exponential(rng, component.meanOffSec), turnOn);
      return;
    }
    case 'poissonBursts': {
      const next = (): void => {
        sink.burst(sampleDistribution(component.sizeBytes, rng));
        at(env.now + exponential(rng, component.meanIntervalSec), next);
      };
      at(exponential(rng, component.meanIntervalSec), next);
      return;
    }
    case 'trace': {
      const { startsSec, bytes, loop } = component;
      const n = startsSec.length;
      const lengthOf = (i: number): number =>
        i + 1 < n ? startsSec[i + 1]! - startsSec[i]! : n > 1 ? startsSec[n - 1]! - startsSec[n - 2]! : 1;
      const periodSec = startsSec[n - 1]! + lengthOf(n - 1);
      // One event at a time, chained: a month-long per-minute trace never sits in the queue whole.
      const play = (cycle: number, i: number): void => {
        const length = lengthOf(i);
        sink.setRate(length > 0 ? bytes[i]! / length : 0);
        const nextIndex = i + 1 < n ? i + 1 : 0;
        const nextCycle = i + 1 < n ? cycle : cycle + 1;
        if (nextCycle > cycle && !loop) {
          at(cycle * periodSec + periodSec, () => sink.setRate(0));
          return;
        }
        at(nextCycle * periodSec + startsSec[nextIndex]!, () => play(nextCycle, nextIndex));
      };
      at(startsSec[0]!, () => play(0, 0));
      return;
    }
    case 'periodicSteps': {
      const { periodSec, offsetSec, stepStartsSec: starts, ratesBytesPerSec: rates } = component;
      const n = starts.length;
      // Step k of cycle c starts at c·period + offset + starts[k]; one event at a time, chained.
      const play = (cycle: number, k: number): void => {
        sink.setRate(rates[k]!);
        const [nextCycle, nextStep] = k + 1 < n ? [cycle, k + 1] : [cycle + 1, 0];
        at(nextCycle * periodSec + offsetSec + starts[nextStep]!, () => play(nextCycle, nextStep));
      };
      // At time 0 the step in force belongs to cycle −1 when the profile is shifted (offset > 0): its last step
      // that started at or before 0.
      let step = n - 1;
      if (offsetSec === 0) step = 0;
      else while (step > 0 && offsetSec - periodSec + starts[step]! > 0) step--;
      at(0, () => play(offsetSec === 0 ? 0 : -1, step));
      return;
    }
  }
}
