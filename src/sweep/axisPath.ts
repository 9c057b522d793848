// Axis paths address one field of a raw (YAML-shaped) scenario: `policy.appConsistentInterval`,
// `uplinks[0].bandwidth`, `vms[name=db].churn[0].constant`. Name selectors keep sweeps valid when the
// base scenario's lists are reordered, which index selectors would silently break.

export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'match'; key: string; value: string };

/** Parses a path; returns a message (not a throw) so the spec validator can report it like any other issue. */
export function parseAxisPath(path: string): PathSegment[] | string {
  const segments: PathSegment[] = [];
  const pattern = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\[([A-Za-z_][\w-]*)=([^\]]+)\]/y;
  let at = 0;
  while (at < path.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(path);
    const startsWithDot = path[at] === '.';
    if (!m || (at === 0 && startsWithDot) || (at > 0 && m[1] !== undefined && !startsWithDot)) {
      return `a path such as "policy.retention", "uplinks[0].bandwidth" or "vms[name=db].churn[0].constant" (stuck at character ${at + 1})`;
    }
    if (m[1] !== undefined) segments.push({ kind: 'key', key: m[1] });
    else if (m[2] !== undefined) segments.push({ kind: 'index', index: Number(m[2]) });
    else segments.push({ kind: 'match', key: m[3]!, value: m[4]!.trim() });
    at = pattern.lastIndex;
  }
  if (segments.length === 0 || segments[0]!.kind !== 'key') return 'a path that starts with a field name';
  return segments;
}

function describe(segment: PathSegment): string {
  if (segment.kind === 'key') return `field "${segment.key}"`;
  if (segment.kind === 'index') return `item [${segment.index}]`;
  return `an item with ${segment.key} = "${segment.value}"`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sets the value at path inside target (mutated). A field the base leaves out is created, and so are the
 * mappings on the way to it (`policy.retention` without `policy:` gives `policy: { retention }`, the rest
 * defaults); list items must exist, since a sweep cannot make up a VM. Returns null on success or a message
 * saying what is missing.
 */
export function setAtPath(target: unknown, path: PathSegment[], value: unknown): string | null {
  let node: unknown = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (segment.kind === 'key') {
      if (!isRecord(node)) return `${describe(segment)} needs an object, found ${kindOf(node)}`;
      // What every object inherits (__proto__, constructor, toString) is no scenario field.
      if (!Object.hasOwn(node, segment.key) && segment.key in node) return `${describe(segment)} is not a scenario field`;
      if (last) {
        node[segment.key] = value;
        return null;
      }
      if (node[segment.key] === undefined) {
        if (path[i + 1]!.kind !== 'key') return `the base scenario has no ${describe(segment)} here`;
        node[segment.key] = {};
      }
      node = node[segment.key];
      continue;
    }
    if (!Array.isArray(node)) return `${describe(segment)} needs a list, found ${kindOf(node)}`;
    const index =
      segment.kind === 'index'
        ? segment.index
        : node.findIndex((item) => isRecord(item) && String(item[segment.key]) === segment.value);
    if (index < 0 || index >= node.length) return `the base scenario's list has no ${describe(segment)}`;
    if (last) {
      node[index] = value;
      return null;
    }
    node = node[index];
  }
  return null;
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  return Array.isArray(v) ? 'a list' : typeof v;
}
