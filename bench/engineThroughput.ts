import { Environment } from '../src/engine/environment.js';
import { timed } from './measure.js';

/** Events per second through the event loop with about `pending` events waiting at any time. */
export async function engineThroughput(events = 2_000_000, pending = 1000): Promise<string> {
  const env = new Environment();
  let scheduled = 0;
  // Each handler schedules one successor at a pseudo-random delay (a fixed LCG: no Math.random in benchmarks either).
  let state = 12345;
  const next = (): void => {
    state = (state * 1103515245 + 12345) % 2147483648;
    if (scheduled++ < events) env.schedule((state / 2147483648) * 100, next);
  };
  for (let i = 0; i < pending; i++) next();
  const { seconds } = await timed(() => env.run());
  return `engine: ${env.processedEvents.toLocaleString('en')} events with ${pending} pending in ${seconds.toFixed(2)} s = ${(env.processedEvents / seconds / 1e6).toFixed(2)} M events/s`;
}
