// JSON Schema of the scenario file, generated from its zod schema (schema.ts) with zod's toJSONSchema, so editors
// complete and check scenario files (`# yaml-language-server: $schema=…`). Fields whose zod schema is a transform
// (human units, plain numbers with a range, distributions) are described from the format fields.ts records
// beside them: unit strings become patterns with examples.
import * as z from 'zod';
import { fieldFormats, type FieldFormat } from './fieldFormats.js';
import { scenarioSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const NUMBER_E = String.raw`${NUMBER}(?:[eE][+-]?\d+)?`;
// A bare zero needs no unit: it is the same in every unit.
const ZERO = String.raw`[+-]?(?:0+(?:\.0*)?|\.0+)`;
const BYTE_UNIT = String.raw`(?:[kKMGTP]|[KMGTP]i)?(?:B|b|bit|bits)`;
const PER_TIME = String.raw`(?:ps|\s*\/\s*(?:s|sec|min|h|hr|hour|d|day))`;
// parseFraction rejects an infinite value: an exponent of at most two digits keeps the number finite.
const FINITE = String.raw`${NUMBER}(?:[eE][+-]?\d{1,2})?`;
// parseFraction reads a bare number only up to 1: 0, 0.x, .x or 1 (1.000), optionally times 10^-n.
const AT_MOST_ONE = String.raw`(?:0*1(?:\.0*)?|0+(?:\.\d*)?|0*\.\d+)(?:[eE](?:-\d{1,2}|\+?0{1,2}))?`;

const whole = (body: string) => String.raw`^\s*(?:${body})\s*$`;

/** Patterns of the strings units.ts reads (test/scenario/toJsonSchema.test.ts holds them to the parsers). */
export const UNIT_PATTERNS = {
  duration: whole(String.raw`(?:\s*${NUMBER}\s*[smhdw])+|${ZERO}`),
  size: whole(String.raw`${NUMBER_E}\s*${BYTE_UNIT}|${ZERO}`),
  rate: whole(String.raw`${NUMBER_E}\s*${BYTE_UNIT}${PER_TIME}|${ZERO}`),
  fraction: whole(String.raw`[+-]?${FINITE}\s*%|-${FINITE}|\+?${AT_MOST_ONE}`),
} as const;

const EXAMPLES = {
  duration: ['15m', '24h', '1h30m'],
  size: ['600 GB', '512 MiB'],
  rate: ['20 MB/s', '100 Mbps', '2 TB/day'],
  fraction: ['20%', 0.2],
} as const;

/** minimum / maximum keywords from a range's wording (fields.ts Bound texts: "> 0", ">= 1 and < 24", "from 0 to 1"). */
function rangeKeywords(text: string): JsonSchema {
  const n = (pattern: RegExp) => {
    const m = pattern.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const range = /from (-?[\d.]+) to (-?[\d.]+)/.exec(text);
  const keywords: JsonSchema = {
    minimum: range ? Number(range[1]) : n(/>= (-?[\d.]+)/),
    maximum: range ? Number(range[2]) : undefined,
    exclusiveMinimum: n(/(?:^|\s)> (-?[\d.]+)/),
    exclusiveMaximum: n(/(?:^|\s)< (-?[\d.]+)/),
  };
  return Object.fromEntries(Object.entries(keywords).filter(([, v]) => v !== undefined));
}

function formatSchema(format: Exclude<FieldFormat, { kind: 'distribution' }>): JsonSchema {
  const description = format.text;
  switch (format.kind) {
    case 'number':
      return { type: format.integer ? 'integer' : 'number', ...rangeKeywords(format.text), description };
    case 'fraction':
      return {
        anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: UNIT_PATTERNS.fraction }],
        description,
        examples: [...EXAMPLES.fraction],
      };
    default: {
      const other = format.or ? [{ type: 'string', pattern: format.or.pattern }] : [];
      return {
        anyOf: [...other, { type: 'string', pattern: UNIT_PATTERNS[format.kind] }, { const: 0 }],
        description,
        examples: [...(format.or?.examples ?? []), ...EXAMPLES[format.kind]],
      };
    }
  }
}

function replace(target: JsonSchema, source: JsonSchema): void {
  const { default: keptDefault } = target;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source, keptDefault === undefined ? {} : { default: keptDefault });
}

/** The JSON Schema (draft-07) of what a user may write for this zod schema. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const format = fieldFormats.get(zodSchema as unknown as z.ZodType);
      if (format === undefined) return;
      if (format.kind !== 'distribution') return replace(jsonSchema, formatSchema(format));
      // A distribution is a plain value (fixed) or a mapping with one of fixed, uniform, exponential, normal, lognormal.
      const { $schema: _, ...mapping } = inputJsonSchema((zodSchema as unknown as z.ZodPipe).out as unknown as z.ZodType);
      const value = (mapping['properties'] as Record<string, JsonSchema>)['fixed']!;
      replace(jsonSchema, { anyOf: [value, { ...mapping, minProperties: 1, maxProperties: 1 }], description: 'a value or a distribution' });
    },
  }) as JsonSchema;
}

/** A policy without `kind` is ASR's (policySchema.ts adds the kind before the union reads it). */
function kindOptionalForAsr(schema: JsonSchema): JsonSchema {
  const policy = (schema['properties'] as Record<string, JsonSchema>)['policy']!;
  for (const option of policy['oneOf'] as JsonSchema[]) {
    const kind = (option['properties'] as Record<string, JsonSchema>)['kind']!;
    if (kind['const'] === 'asr') option['required'] = (option['required'] as string[]).filter((key) => key !== 'kind');
  }
  return schema;
}

export function scenarioJsonSchema(): JsonSchema {
  return {
    ...kindOptionalForAsr(inputJsonSchema(scenarioSchema(new Map()))),
    title: 'rposim scenario',
    description: 'A disaster-recovery replication scenario for rposim (README.md, docs/).',
  };
}
