// Zod building blocks for scenario fields. Every error message is the "expected …" phrase a user reads,
// so each builder states what a valid value looks like (unit, range, example).
import * as z from 'zod';
import { fieldFormats, type UnitKind } from './fieldFormats.js';
import type { Distribution } from './types.js';
import { parseDuration, parseFraction, parseRate, parseSize, type UnitResult } from './units.js';

/** A range check and its wording, e.g. { test: v => v > 0, text: '> 0' }. */
export interface Bound {
  test: (value: number) => boolean;
  text: string;
}
export const positive: Bound = { test: (v) => v > 0, text: '> 0' };
export const nonNegative: Bound = { test: (v) => v >= 0, text: '>= 0' };
export const between = (min: number, max: number, text: string): Bound => ({
  test: (v) => v >= min && v <= max,
  text,
});

function unitField(
  parse: (input: unknown) => UnitResult,
  noun: string,
  bound: Bound,
  example: string,
  kind: UnitKind,
) {
  const field = z.unknown().transform((input, ctx) => {
    const result = parse(input);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.expected, input });
      return z.NEVER;
    }
    if (!Number.isFinite(result.value) || !bound.test(result.value)) {
      ctx.addIssue({ code: 'custom', message: `${noun} ${bound.text}, like ${example}`, input });
      return z.NEVER;
    }
    return result.value;
  });
  return field.register(fieldFormats, { kind, text: `${noun} ${bound.text}` });
}

export const durationField = (bound: Bound = nonNegative) => unitField(parseDuration, 'a duration', bound, '"15m"', 'duration');
export const sizeField = (bound: Bound = nonNegative) => unitField(parseSize, 'a size', bound, '"600 GB"', 'size');
export const rateField = (bound: Bound = positive) => unitField(parseRate, 'a data rate', bound, '"20 MB/s"', 'rate');
export const fractionField = () =>
  unitField(parseFraction, 'a fraction', between(0, 1, 'from 0 to 1'), '"20%" or 0.2', 'fraction');

/** A plain number (no unit) such as a ratio or a count. */
export function numberField(bound: Bound, options: { integer?: boolean } = {}) {
  const noun = options.integer ? 'an integer' : 'a number';
  const field = z.unknown().transform((input, ctx) => {
    const ok =
      typeof input === 'number' &&
      Number.isFinite(input) &&
      (!options.integer || Number.isInteger(input)) &&
      bound.test(input);
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `${noun} ${bound.text}`, input });
      return z.NEVER;
    }
    return input;
  });
  return field.register(fieldFormats, { kind: 'number', integer: options.integer ?? false, text: `${noun} ${bound.text}` });
}

export const nameField = () => z.string({ error: 'a name (text)' }).trim().min(1, 'a non-empty name');
export const booleanField = () => z.boolean({ error: 'true or false' });
export const enumField = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `one of ${values.join(', ')}` });
export const listOf = <T extends z.ZodType>(item: T, noun: string) => z.array(item, { error: `a list of ${noun}` });

/** A strict mapping: an unknown key is a typo, reported with the keys that are allowed. */
export function mapping<S extends z.ZodRawShape>(shape: S) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `one of the keys ${keys}` : `a mapping with the keys ${keys}`,
  });
}

/** A mapping with exactly one of its (optional) keys set, like a churn component or a distribution. */
export function oneOf<S extends z.ZodRawShape>(shape: S, noun: string) {
  const keys = Object.keys(shape);
  return mapping(shape).superRefine((value, ctx) => {
    const present = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `${noun} with exactly one of the keys ${keys.join(', ')}` });
    }
  });
}

/**
 * A random quantity in the unit of `value`: a plain value (fixed) or { fixed | uniform | exponential | normal |
 * lognormal }. Plain values are wrapped as { fixed } first; issue paths that end inside the wrapper are cut
 * back to the field by parseScenario (the raw input has no "fixed" key there).
 */
export function distributionField(value: () => z.ZodType<number>) {
  const meanSd = () => mapping({ mean: value(), sd: value() });
  const shape = {
    fixed: value().optional(),
    uniform: z.tuple([value(), value()], { error: 'a pair [min, max]' }).optional(),
    exponential: value().optional(),
    normal: meanSd().optional(),
    lognormal: meanSd().optional(),
  };
  const field = z.preprocess(
    (input) => (typeof input === 'string' || typeof input === 'number' ? { fixed: input } : input),
    oneOf(shape, 'a value or a distribution').transform((d, ctx): Distribution => {
      if (d.fixed !== undefined) return { kind: 'fixed', value: d.fixed };
      if (d.uniform !== undefined) {
        const [min, max] = d.uniform;
        if (min > max) ctx.addIssue({ code: 'custom', message: 'a range [min, max] with min <= max', path: ['uniform'] });
        return { kind: 'uniform', min, max };
      }
      if (d.exponential !== undefined) return { kind: 'exponential', mean: d.exponential };
      if (d.normal !== undefined) return { kind: 'normal', ...d.normal };
      return { kind: 'lognormal', ...d.lognormal! };
    }),
  );
  return field.register(fieldFormats, { kind: 'distribution' });
}
