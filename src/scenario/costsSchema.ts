// `costs:`: currency-neutral unit prices for the cost figures of `rposim compare` (docs/compare.md). Every price
// is the user's assumption and 0 unless set: rposim claims no list price.
import { durationField, enumField, mapping, nonNegative, numberField } from './fields.js';
import { PRODUCT_CHOICES, type CostSpec } from './types.js';

export const COST_DEFAULTS = {
  price: 0, // assumption: no price unless the user sets one
  computeTimePerFailover: '0s', // assumption: the user says how long failed-over VMs run at the target
  penaltyPer: 'vm',
  disastersPerYear: 0, // assumption: no penalty unless the user sets a rate
} as const;

const price = () => numberField(nonNegative).prefault(COST_DEFAULTS.price);

export const costsSchema = mapping({
  perProtectedInstanceMonth: price(),
  perStorageGBMonth: price(),
  perLinkGB: price(),
  perLinkMonth: price(),
  perFailoverComputeHour: price(),
  computeTimePerFailover: durationField(nonNegative).prefault(COST_DEFAULTS.computeTimePerFailover),
  perDowntimeHour: price(),
  perDataLossHour: price(),
  perDataLossGB: price(),
  penaltyPer: enumField(['vm', 'plan']).default(COST_DEFAULTS.penaltyPer),
  penaltyChoice: enumField(PRODUCT_CHOICES).optional(),
  disastersPerYear: numberField(nonNegative).prefault(COST_DEFAULTS.disastersPerYear),
}).transform(({ computeTimePerFailover, penaltyChoice, ...prices }): CostSpec => ({
  ...prices,
  computeTimePerFailoverSec: computeTimePerFailover,
  penaltyChoice: penaltyChoice ?? null,
}));
