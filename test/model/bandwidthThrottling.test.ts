import { describe, expect, it } from 'vitest';
import { throttlingSteps } from '../../src/model/bandwidthThrottling.js';
import type { BandwidthThrottlingSpec } from '../../src/scenario/types.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

const spec = (overrides: Partial<BandwidthThrottlingSpec>): BandwidthThrottlingSpec => ({
  workDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startWorkHourSec: 9 * HOUR,
  endWorkHourSec: 18 * HOUR,
  workHourBandwidthBytesPerSec: 1,
  nonWorkHourBandwidthBytesPerSec: 5,
  ...overrides,
});

describe('throttlingSteps(spec)', () => {
  it('is a weekly step profile starting Monday 00:00: work hours of each work day at the work cap', () => {
    const steps = throttlingSteps(spec({ workDays: ['monday', 'wednesday'] }));
    expect(steps).toEqual({
      kind: 'periodicSteps',
      periodSec: 7 * DAY,
      offsetSec: 0,
      stepStartsSec: [0, 9 * HOUR, 18 * HOUR, 2 * DAY + 9 * HOUR, 2 * DAY + 18 * HOUR],
      ratesBytesPerSec: [5, 1, 5, 1, 5],
    });
  });

  it('joins work hours that meet across midnight and a week that starts in them', () => {
    // 00:00-24:00 on Sunday and Monday: one stretch from Sunday 00:00 to Tuesday 00:00, across the week's end.
    const steps = throttlingSteps(spec({ workDays: ['monday', 'sunday'], startWorkHourSec: 0, endWorkHourSec: DAY }));
    expect(steps.kind === 'periodicSteps' && [steps.stepStartsSec, steps.ratesBytesPerSec]).toEqual([
      [0, DAY, 6 * DAY],
      [1, 5, 1],
    ]);
  });
});
