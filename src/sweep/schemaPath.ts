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
  /** A union's variants (the policy: one per product). */
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
      // A union (the policy) has the fields of any of its variants.
      const shapes = (def.options?.map(unwrap) ?? [def]).flatMap((d) => (d.shape === undefined ? [] : [d.shape]));
      if (shapes.length === 0) return `${where} has no fields (found "${segment.key}")`;
      const shape = shapes.find((sh) => Object.hasOwn(sh, segment.key));
      if (shape === undefined) return `${where} has no field "${segment.key}" (its fields: ${[...new Set(shapes.flatMap(Object.keys))].join(', ')})`;
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
