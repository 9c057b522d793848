// ASR's bandwidth throttling of a process server, in the terms of the Recovery Services agent's Throttling tab and
// of Set-OBMachineSetting (-WorkDay, -StartWorkHour, -EndWorkHour, -WorkHourBandwidth, -NonWorkHourBandwidth).
import { THROTTLING_DEFAULTS } from './defaults.js';
import { enumField, listOf, mapping, positive, rateField } from './fields.js';
import { timeOfDayField } from './churnSchema.js';
import { type BandwidthThrottlingSpec, WEEKDAYS } from './types.js';

export const bandwidthThrottlingSchema = mapping({
  workDays: listOf(enumField(WEEKDAYS), 'days of the week').prefault(() => [...THROTTLING_DEFAULTS.workDays]),
  startWorkHour: timeOfDayField().prefault(THROTTLING_DEFAULTS.startWorkHour),
  endWorkHour: timeOfDayField().prefault(THROTTLING_DEFAULTS.endWorkHour),
  workHourBandwidth: rateField(positive),
  nonWorkHourBandwidth: rateField(positive),
}).transform((t, ctx): BandwidthThrottlingSpec => {
  if (t.endWorkHour <= t.startWorkHour) {
    ctx.addIssue({ code: 'custom', message: `a time of day after startWorkHour (work hours do not cross midnight)`, path: ['endWorkHour'] });
  }
  if (new Set(t.workDays).size !== t.workDays.length) ctx.addIssue({ code: 'custom', message: 'days of the week, each once', path: ['workDays'] });
  return {
    workDays: WEEKDAYS.filter((day) => t.workDays.includes(day)),
    startWorkHourSec: t.startWorkHour,
    endWorkHourSec: t.endWorkHour,
    workHourBandwidthBytesPerSec: t.workHourBandwidth,
    nonWorkHourBandwidthBytesPerSec: t.nonWorkHourBandwidth,
  };
});
