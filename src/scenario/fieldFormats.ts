// What a scenario field holds, recorded beside its zod schema (fields.ts) so that the JSON Schema generator
// (toJsonSchema.ts) can describe inputs whose zod schema is a transform: "15m", "600 GB", "100 Mbps", "20%".
import * as z from 'zod';

export type UnitKind = 'duration' | 'size' | 'rate' | 'fraction';

/** Strings a field reads besides its unit's: the window's "01:00" start, its "day" period. */
export interface OtherStrings {
  pattern: string;
  examples: string[];
}

export type FieldFormat =
  /** examples: values the field accepts (the same as its messages offer); none = the unit's generic ones.
   *  or: strings it reads besides its unit's. */
  | { kind: UnitKind; text: string; examples?: string[]; or?: OtherStrings }
  | { kind: 'number'; integer: boolean; text: string }
  | { kind: 'distribution' };

export const fieldFormats = z.registry<FieldFormat>();
