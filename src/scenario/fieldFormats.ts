// What a scenario field holds, recorded beside its zod schema (fields.ts) so that the JSON Schema generator
// (toJsonSchema.ts) can describe inputs whose zod schema is a transform: "15m", "600 GB", "100 Mbps", "20%".
import * as z from 'zod';

export type UnitKind = 'duration' | 'size' | 'rate' | 'fraction';

export type FieldFormat =
  /** examples: values the field accepts (the same as its messages offer); none = the unit's generic ones. */
  | { kind: UnitKind; text: string; examples?: string[] }
  | { kind: 'number'; integer: boolean; text: string }
  | { kind: 'distribution' };

export const fieldFormats = z.registry<FieldFormat>();
