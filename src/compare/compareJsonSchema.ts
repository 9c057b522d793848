import { inputJsonSchema } from '../scenario/toJsonSchema.js';
import { compareSchema } from './spec.js';

/** JSON Schema of the compare file, generated from its zod schema (docs/compare.md). */
export function compareJsonSchema(): Record<string, unknown> {
  return {
    ...inputJsonSchema(compareSchema),
    title: 'rposim compare',
    description: 'Strategies (sets of overrides of a base scenario) compared on common random numbers (docs/compare.md).',
  };
}
