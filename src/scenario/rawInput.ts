// Reading raw (unvalidated) input for the cross-field checks: a list that may be missing, a field that may be bad.
import type * as z from 'zod';
import { valueAt } from './issues.js';

export function list(raw: unknown, key: string): unknown[] {
  const value = valueAt(raw, [key]);
  return Array.isArray(value) ? value : [];
}

/** The field parsed by its own schema, or undefined when it is bad (the schema reports that). */
export function attempt<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
