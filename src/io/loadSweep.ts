// Reads a sweep file, its base scenario (kept raw: every variant is validated by parseScenario) and the
// trace files its runs refer to (read once, shared by every run).
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { TraceTable } from '../scenario/churnSchema.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import { prepareSweep, variantRaw, type SweepInput } from '../sweep/executeRun.js';
import { specAsWritten } from '../sweep/manifest.js';
import { checkPathsInBase, parseSweepSpec, type SweepSpec } from '../sweep/spec.js';
import { notASweepSpec } from './fileKind.js';
import { InputFileError } from './readLines.js';
import { readTraces, traceRequests, type TraceRequests } from './readTraces.js';
import { readYamlFile } from './readYamlFile.js';
import type { YamlText } from '../scenario/yamlScenario.js';

export interface LoadedSweep {
  /** The sweep file as given. */
  file: string;
  input: SweepInput;
  /** sha256 over the normalised spec, the base scenario and trace contents. */
  specHash: string;
}

/** Line and column of a path in a sweep or compare file: the deepest node that exists (an unknown key is reported at its parent). */
export function locator({ doc, lineCounter }: Extract<YamlText, { ok: true }>) {
  return (p: readonly (string | number)[]) => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

/**
 * The traces any run of the sweep reads: the base's (with the spec's fixed settings), and those of every
 * combination of values of the axes that reach into a churn list (an axis may vary a trace's file, interval
 * or block size). Other axes cannot name a trace, so their values need not be enumerated.
 */
function sweepTraceRequests(spec: SweepSpec, baseSeed: number, baseRaw: unknown): TraceRequests {
  const layout = prepareSweep({ spec, baseSeed, baseRaw, traces: new Map() });
  const touchesChurn = spec.axes.map((axis) => axis.segments.some((s) => s.kind === 'key' && (s.key === 'churn' || s.key === 'trace')));
  const requests: TraceRequests = new Map();
  const seen = new Set<string>();
  layout.points.forEach((values, point) => {
    const key = JSON.stringify(values.filter((_, i) => touchesChurn[i]));
    if (seen.has(key)) return;
    seen.add(key);
    const variant = variantRaw(layout, point);
    if (variant.ok) traceRequests(variant.raw, requests);
  });
  return requests;
}

/** Key order fixed, so the hash depends on content only. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 over what runs depend on (`inputs`: the normalised spec, the base scenario) and the traces' contents, fed piece by piece. */
export function runsHash(inputs: unknown, traces: TraceTable): string {
  const hash = createHash('sha256').update(canonicalJson(inputs));
  for (const [key, data] of [...traces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`\n${key}\n`);
    if (typeof data === 'string') hash.update(data);
    else {
      for (const column of [data.startsSec, data.bytes]) {
        for (let i = 0; i < column.length; i += 1 << 16) hash.update(new Uint8Array(Float64Array.from(column.slice(i, i + (1 << 16))).buffer));
      }
    }
  }
  return hash.digest('hex');
}

/** The seed a raw scenario sets, or the format's default. */
export const seedOf = (raw: unknown): number => (typeof (raw as { seed?: unknown })?.seed === 'number' ? (raw as { seed: number }).seed : 1);

/** The base scenario a sweep or compare file names, as YAML; an unreadable one is an issue of that file's `base`. */
export async function readBaseScenario(
  file: string,
  base: string,
  locate: ReturnType<typeof locator>,
  kind: 'sweep' | 'compare',
): Promise<YamlText> {
  try {
    return await readYamlFile(resolve(dirname(file), base), base);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const found = `${JSON.stringify(base)} (${error.message})`;
    return { ok: false, errors: [{ source: file, path: 'base', expected: `the path of a readable scenario, relative to the ${kind} file`, found, ...locate(['base']) }] };
  }
}

/** Reads a sweep file and what it refers to; throws InputFileError when the sweep file itself cannot be read. */
export async function loadSweepFile(file: string): Promise<{ ok: true; sweep: LoadedSweep } | { ok: false; errors: ScenarioIssue[] }> {
  const sweepYaml = await readYamlFile(file);
  if (!sweepYaml.ok) return sweepYaml;
  const scenario = notASweepSpec(sweepYaml.raw, file);
  if (scenario) return { ok: false, errors: [scenario] };
  const locate = locator(sweepYaml);
  const parsed = parseSweepSpec(sweepYaml.raw, { source: file, locate });
  if (!parsed.ok) return parsed;
  const spec = parsed.spec;
  const basePath = resolve(dirname(file), spec.base);
  const base = await readBaseScenario(file, spec.base, locate, 'sweep');
  if (!base.ok) return base;
  const baseRaw = base.raw;
  const pathIssues = checkPathsInBase(spec, baseRaw, { source: file, locate });
  if (pathIssues.length > 0) return { ok: false, errors: pathIssues };
  const baseSeed = spec.seed ?? seedOf(baseRaw);
  // An unreadable trace goes in the table with its reason: parseScenario reports it for every run that uses it.
  const traces = await readTraces(sweepTraceRequests(spec, baseSeed, baseRaw), dirname(basePath));
  const specHash = runsHash({ spec: specAsWritten(spec, baseSeed), base: baseRaw }, traces);
  return { ok: true, sweep: { file, input: { spec, baseSeed, baseRaw, traces: new Map(traces) }, specHash } };
}
