import type { Environment } from '../engine/environment.js';
import { exponential } from '../engine/distributions.js';
import type { RandomStream } from '../engine/random.js';
import type { OutageSpec } from '../scenario/types.js';
import type { Availability } from './availability.js';
import { PRIORITY } from './priorities.js';

/**
 * Schedules fixed outage windows and random failures (exponential time to failure and to repair) on a
 * component; `changed` is called after every transition so that rates can be recomputed.
 */
export function scheduleOutages(
  env: Environment,
  spec: OutageSpec,
  availability: Availability,
  rng: RandomStream,
  horizonSec: number,
  changed: () => void,
): void {
  const begin = () => (availability.begin(env.now), changed());
  const end = () => (availability.end(env.now), changed());
  for (const window of spec.windows) {
    if (window.startSec >= horizonSec || window.durationSec <= 0) continue;
    env.scheduleAt(window.startSec, begin, PRIORITY.stateChange);
    const endSec = window.startSec + window.durationSec;
    if (endSec < horizonSec) env.scheduleAt(endSec, end, PRIORITY.stateChange);
  }
  const random = spec.random;
  if (!random) return;
  const fail = (): void => {
    begin();
    const repairSec = env.now + exponential(rng, random.mttrSec);
    if (repairSec < horizonSec) {
      env.scheduleAt(repairSec, () => {
        end();
        scheduleFailure();
      }, PRIORITY.stateChange);
    }
  };
  const scheduleFailure = (): void => {
    const failSec = env.now + exponential(rng, random.mtbfSec);
    if (failSec < horizonSec) env.scheduleAt(failSec, fail, PRIORITY.stateChange);
  };
  scheduleFailure();
}
