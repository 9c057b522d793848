import type { Environment } from '../engine/environment.js';
import type { RandomStream } from '../engine/random.js';
import type { HourlyTick } from './churn/hourlyTick.js';
import { startChurn } from './churn/startChurn.js';
import type { ReplicationDomain } from './replicationDomain.js';

/**
 * Drives an uplink's background traffic with strict priority: its rate profile (the sum of its components, driven
 * like churn) takes its part of the link first, and the domain gives replication the rest. A QoS share needs no
 * events: the domain reserves it from the start.
 */
export function startBackgroundTraffic(
  env: Environment,
  domain: ReplicationDomain,
  stream: (label: string) => RandomStream,
  horizonSec: number,
  hourly: HourlyTick,
): void {
  const background = domain.spec.background;
  if (background?.kind !== 'priority') return;
  const rates = new Float64Array(background.rate.length);
  background.rate.forEach((component, k) => {
    const sink = {
      setRate: (wireBytesPerSec: number) => {
        rates[k] = wireBytesPerSec;
        let sum = 0;
        for (const rate of rates) sum += rate;
        domain.setBackgroundRate(sum);
      },
      // The schema admits no bursts in a rate profile.
      burst: () => {},
    };
    startChurn(env, component, sink, stream(`background/${domain.spec.name}/${k}`), horizonSec, hourly);
  });
}
