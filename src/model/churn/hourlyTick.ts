import type { Environment } from '../../engine/environment.js';
import { PRIORITY } from '../priorities.js';

const HOUR_SEC = 3600;

/**
 * One event per hour for the whole site: every daily profile changes its rate on the hour, so one tick calls
 * them all in the order they registered (the order separate events would have run in) instead of one event
 * per VM per hour.
 */
export class HourlyTick {
  private readonly handlers: ((hour: number) => void)[] = [];
  private started = false;

  constructor(
    private readonly env: Environment,
    private readonly horizonSec: number,
  ) {}

  add(handler: (hour: number) => void): void {
    this.handlers.push(handler);
    if (this.started) return;
    this.started = true;
    this.env.every(HOUR_SEC, (hour) => {
      for (const run of this.handlers) run(hour);
    }, { startSec: 0, priority: PRIORITY.stateChange, untilSec: this.horizonSec - 1e-9 });
  }
}
