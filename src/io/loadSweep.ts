// Reads a sweep file, its base scenario (kept raw: every variant is validated by parseScenario) and the
// trace files the base refers to (read once, shared by every run).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioIssue } from '../scenario/issues.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import { specAsWritten } from '../sweep/manifest.js';
import type { SweepInput } from '../sweep/executeRun.js';
import { checkPathsInBase, parseSweepSpec } from '../sweep/spec.js';
import { readChurnTrace } from './readChurnTrace.js';

export interface LoadedSweep {
  /** The sweep file as given. */
  file: string;
  input: SweepInput;
  /** sha256 over the normalised spec, the base scenario and trace contents. */
  specHash: string;
}

type Loaded<T> = { ok: true; value: T } | { ok: false; errors: ScenarioIssue[] };

/** A YAML file as plain data, with a function that finds the line and column of a path in it. */
export async function readYaml(path: string, source: string): Promise<Loaded<{ raw: unknown; locate: (p: readonly (string | number)[]) => { line: number; column: number } | undefined }>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ source, path: '', expected: 'a readable YAML file', found: (error as NodeJS.ErrnoException).code ?? String(error) }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ source, path: '', expected: 'valid YAML', found: e.message.split('\n')[0]!, line: e.linePos?.[0].line, column: e.linePos?.[0].col })),
    };
  }
  const locate = (p: readonly (string | number)[]) => {
    // The deepest node that exists: an unknown key is reported where its parent is.
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return { ok: true, value: { raw: doc.toJS(), locate } };
}

/** Trace file names in a raw scenario: churn components `{ trace: "file.csv" }` or `{ trace: { file } }`. */
export function traceReferences(baseRaw: unknown): string[] {
  const refs = new Set<string>();
  const vms = (baseRaw as { vms?: unknown })?.vms;
  for (const vm of Array.isArray(vms) ? vms : []) {
    const churn = (vm as { churn?: unknown })?.churn;
    for (const component of Array.isArray(churn) ? churn : []) {
      const trace = (component as { trace?: unknown })?.trace;
      const file = typeof trace === 'string' ? trace : (trace as { file?: unknown })?.file;
      if (typeof file === 'string') refs.add(file);
    }
  }
  return [...refs].sort();
}

/** The trace files a raw base scenario names, read once (shared by every run), relative to the base's folder. */
export async function readTraces(baseRaw: unknown, basePath: string): Promise<Map<string, ChurnTraceData | string>> {
  const traces = new Map<string, ChurnTraceData | string>();
  for (const ref of traceReferences(baseRaw)) {
    try {
      traces.set(ref, await readChurnTrace(resolve(dirname(basePath), ref)));
    } catch (error) {
      // The reason goes in the map: parseScenario reports it for every run that uses the trace.
      traces.set(ref, `cannot read ${ref}: ${(error as Error).message}`);
    }
  }
  return traces;
}

/** The seed a raw scenario sets, or the format's default. */
export const seedOf = (raw: unknown): number => (typeof (raw as { seed?: unknown })?.seed === 'number' ? (raw as { seed: number }).seed : 1);

/** Key order fixed, so the hash depends on content only. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function loadSweepFile(file: string): Promise<{ ok: true; sweep: LoadedSweep } | { ok: false; errors: ScenarioIssue[] }> {
  const sweepYaml = await readYaml(file, file);
  if (!sweepYaml.ok) return sweepYaml;
  const parsed = parseSweepSpec(sweepYaml.value.raw, { source: file, locate: sweepYaml.value.locate });
  if (!parsed.ok) return parsed;
  const spec = parsed.spec;
  const basePath = resolve(dirname(file), spec.base);
  const base = await readYaml(basePath, spec.base);
  if (!base.ok) return base;
  const baseRaw = base.value.raw;
  const pathIssues = checkPathsInBase(spec, baseRaw, { source: file, locate: sweepYaml.value.locate });
  if (pathIssues.length > 0) return { ok: false, errors: pathIssues };
  const traces = await readTraces(baseRaw, basePath);
  const baseSeed = spec.seed ?? seedOf(baseRaw);
  const specHash = createHash('sha256')
    .update(canonicalJson({ spec: specAsWritten(spec, baseSeed), base: baseRaw, traces: [...traces.entries()] }))
    .digest('hex');
  return { ok: true, sweep: { file, input: { spec, baseSeed, baseRaw, traces }, specHash } };
}
