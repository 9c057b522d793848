// Outages of a link or a process server: fixed windows plus random failures.
import { durationField, listOf, mapping, nonNegative, positive } from './fields.js';
import type { OutageSpec } from './types.js';

export const outagesSchema = mapping({
  windows: listOf(
    mapping({ start: durationField(nonNegative), duration: durationField(positive) }).transform((w) => ({
      startSec: w.start,
      durationSec: w.duration,
    })),
    'outage windows { start, duration }',
  ).default([]),
  random: mapping({ mtbf: durationField(positive), mttr: durationField(positive) })
    .transform((r) => ({ mtbfSec: r.mtbf, mttrSec: r.mttr }))
    .optional(),
})
  .transform((o): OutageSpec => ({ windows: o.windows, random: o.random ?? null }))
  .default({ windows: [], random: null });

