import { inputJsonSchema } from '../scenario/toJsonSchema.js';
import { specSchema } from './spec.js';

/** JSON Schema of the sweep file, generated from its zod schema (docs/sweeps.md). */
export function sweepJsonSchema(): Record<string, unknown> {
  return {
    ...inputJsonSchema(specSchema),
    title: 'rposim sweep',
    description: 'A base scenario varied along axes, each point replicated over seeds (docs/sweeps.md).',
  };
}
