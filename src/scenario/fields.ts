// Zod building blocks for scenario fields. Every error message is the "expected …" phrase a user reads,
// so each builder states what a valid value looks like (unit, range, example).
import * as z from 'zod';
import { fieldFormats } from './fieldFormats.js';
import { QUANTITY_LIMITS } from './limits.js';
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

/** Examples offered in messages, in order of preference; a field shows only those it accepts. */
const EXAMPLES = {
  duration: ['15m', '1h', '30s', '24h', '4h', '7d', '5m', '0'],
  size: ['600 GB', '512 MiB', '4 KiB', '2 TB', '0'],
  rate: ['20 MB/s', '100 Mbps', '2 TB/day', '1 Gbps'],
} as const;

type Unit = keyof typeof EXAMPLES;
const PARSERS: Record<Unit, (input: unknown) => UnitResult> = { duration: parseDuration, size: parseSize, rate: parseRate };
const NOUNS: Record<Unit, string> = { duration: 'a duration', size: 'a size', rate: 'a data rate' };

/** A value within the field's bound and the sanity limit. */
function accepts(unit: Unit, bound: Bound, value: number): boolean {
  return Number.isFinite(value) && value <= QUANTITY_LIMITS[unit].max && bound.test(value);
}

/** The examples the field itself accepts (two at most): a message never suggests a rejected value. */
function examplesFor(unit: Unit, bound: Bound, candidates: readonly string[]): string[] {
  const valid = candidates.filter((text) => {
    const parsed = PARSERS[unit](text);
    return parsed.ok && accepts(unit, bound, parsed.value);
  });
  return valid.slice(0, 2);
}

function unitField(unit: Unit, bound: Bound, candidates: readonly string[] = EXAMPLES[unit]) {
  const valid = examplesFor(unit, bound, candidates);
  const examples = valid.length === 0 ? '' : `, like ${valid.map((v) => JSON.stringify(v)).join(' or ')}`;
  const limit = QUANTITY_LIMITS[unit];
  const field = z.unknown().transform((input, ctx) => {
    const result = PARSERS[unit](input);
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, input });
      return z.NEVER;
    };
    if (!result.ok) return fail(`${NOUNS[unit]} ${bound.text} with a unit${examples}${result.hint ? ` (${result.hint})` : ''}`);
    if (!bound.test(result.value)) return fail(`${NOUNS[unit]} ${bound.text}${examples}`);
    if (!accepts(unit, bound, result.value)) return fail(`${NOUNS[unit]} ${bound.text} and at most ${limit.text}${examples}`);
    return result.value;
  });
  return field.register(fieldFormats, { kind: unit, text: `${NOUNS[unit]} ${bound.text}`, examples: valid });
}

export const durationField = (bound: Bound = nonNegative, examples?: readonly string[]) => unitField('duration', bound, examples);
export const sizeField = (bound: Bound = nonNegative, examples?: readonly string[]) => unitField('size', bound, examples);
export const rateField = (bound: Bound = positive) => unitField('rate', bound);
export const fractionField = () =>
  z
    .unknown()
    .transform((input, ctx) => {
      const result = parseFraction(input);
      if (!result.ok || !(result.value >= 0 && result.value <= 1)) {
        ctx.addIssue({ code: 'custom', message: result.ok ? 'a fraction from 0 to 1, like "20%" or 0.2' : result.expected, input });
        return z.NEVER;
      }
      return result.value;
    })
    .register(fieldFormats, { kind: 'fraction', text: 'a fraction from 0 to 1' });

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

// Names end up in terminal tables, CSV cells and folder names: one line of printable text.
export const nameField = () =>
  z
    .string({ error: 'a name (text)' })
    .trim()
    .min(1, 'a non-empty name')
    .regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'a name without line breaks, tabs or other control characters');
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
      if (!(d.lognormal!.mean > 0)) {
        ctx.addIssue({ code: 'custom', message: 'a mean > 0 (a lognormal distribution has no zero mean; write 0 for a fixed 0)', path: ['lognormal', 'mean'] });
      }
      return { kind: 'lognormal', ...d.lognormal! };
    }),
  );
  return field.register(fieldFormats, { kind: 'distribution' });
}
