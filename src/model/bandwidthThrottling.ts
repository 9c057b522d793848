import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import { type BandwidthThrottlingSpec, type ChurnComponent, WEEKDAYS } from '../scenario/types.js';
import type { HourlyTick } from './churn/hourlyTick.js';
import { startChurn } from './churn/startChurn.js';
import type { ProcessServer } from './processServer.js';
import type { ReplicationDomain } from './replicationDomain.js';

const DAY_SEC = 86_400;
const WEEK_SEC = 7 * DAY_SEC;

/**
 * ASR's bandwidth throttling as a weekly step profile of the upload cap: the work-hours cap from the start to the
 * end of work hours on each work day, the non-work-hours cap at every other time. Simulated day 0 is a Monday.
 */
export function throttlingSteps(spec: BandwidthThrottlingSpec): ChurnComponent {
  const working = (t: number): boolean => {
    const day = WEEKDAYS[Math.floor(t / DAY_SEC)]!;
    const timeOfDay = t - Math.floor(t / DAY_SEC) * DAY_SEC;
    return spec.workDays.includes(day) && timeOfDay >= spec.startWorkHourSec && timeOfDay < spec.endWorkHourSec;
  };
  const capAt = (t: number): number => (working(t) ? spec.workHourBandwidthBytesPerSec : spec.nonWorkHourBandwidthBytesPerSec);
  const boundaries = new Set([0]);
  for (const day of spec.workDays) {
    const dayStart = WEEKDAYS.indexOf(day) * DAY_SEC;
    boundaries.add(dayStart + spec.startWorkHourSec);
    if (dayStart + spec.endWorkHourSec < WEEK_SEC) boundaries.add(dayStart + spec.endWorkHourSec);
  }
  const stepStartsSec: number[] = [];
  const ratesBytesPerSec: number[] = [];
  for (const t of [...boundaries].sort((a, b) => a - b)) {
    const cap = capAt(t);
    if (ratesBytesPerSec.at(-1) === cap) continue;
    stepStartsSec.push(t);
    ratesBytesPerSec.push(cap);
  }
  return { kind: 'periodicSteps', periodSec: WEEK_SEC, offsetSec: 0, stepStartsSec, ratesBytesPerSec };
}

/** Caps a process server's upload on its throttling schedule until the horizon (nothing without one). */
export function startBandwidthThrottling(
  env: Environment,
  domain: ReplicationDomain,
  server: ProcessServer,
  rng: RandomStream,
  horizonSec: number,
  hourly: HourlyTick,
): void {
  const spec = server.spec.bandwidthThrottling;
  if (spec === undefined) return;
  const sink = { setRate: (cap: number) => domain.setUploadCap(server, cap), burst: () => {} };
  startChurn(env, throttlingSteps(spec), sink, rng, horizonSec, hourly);
}
