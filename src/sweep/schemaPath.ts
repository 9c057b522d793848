// Whether an axis path names a field of the scenario format, read from the scenario schema itself: a typo
// ("policy.retension") is a mistake in the sweep file, reported at once, not a failed run at every point; and
// a path through an object's own machinery ("policy.__proto__.x") never reaches setAtPath.
import type * as z from 'zod';
import { scenarioSchema } from '../scenario/schema.js';
import type { PathSegment } from './axisPath.js';

/** The parts of a zod schema's definition this walk reads. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** The schema under defaults, optionals and transforms: an object, a list, a tuple or a leaf. */
function unwrap(schema: z.ZodType): Def {
  let def = defOf(schema);
  for (;;) {
    // .transform(f) is a pipe from the schema into f; z.preprocess(f, s) is a pipe from f into s.
    if (def.type === 'pipe') def = defOf(defOf(def.in!).type === 'transform' ? def.out! : def.in!);
    else if (def.innerType !== undefined) def = defOf(def.innerType);
    // A union (the policy, by kind) has the fields of every option: a sweep may set any product's.
    else if (def.type === 'union' && def.options !== undefined) return { type: 'object', shape: Object.assign({}, ...def.options.map((o) => unwrap(o).shape)) };
    else return def;
  }
}

let root: z.ZodType | undefined;

/** null when `segments` names a field (or a list item) of the scenario format, else what is wrong. */
export function schemaPathProblem(segments: readonly PathSegment[]): string | null {
  root ??= scenarioSchema(new Map());
  let def = unwrap(root);
  let where = 'the scenario';
  for (const segment of segments) {
    if (segment.kind === 'key') {
      const shape = def.shape;
      if (shape === undefined) return `${where} has no fields (found "${segment.key}")`;
      if (!Object.hasOwn(shape, segment.key)) return `${where} has no field "${segment.key}" (its fields: ${Object.keys(shape).join(', ')})`;
      def = unwrap(shape[segment.key]!);
      where = segment.key;
    } else {
      const item = def.element ?? (segment.kind === 'index' ? def.items?.[segment.index] : undefined);
      if (item === undefined) return def.items === undefined ? `${where} is not a list` : `${where} has items [0] to [${def.items.length - 1}]`;
      def = unwrap(item);
    }
  }
  return null;
}
