// A typed Scenario (base units) written back as scenario-file input, every field explicit, so that the one
// schema can judge an object built in code exactly as it judges a file (validateScenario.ts). Keys follow the
// unit-suffix convention of types.ts: fooSec → foo: "…s", fooBytes → foo: "… B", fooBytesPerSec → foo: "… B/s",
// fooFraction and fooProbability keep their name; the few names and structures whose input shape differs are
// converted by name.
import type { TraceTable } from './churnSchema.js';
import type { ChurnComponent, Distribution } from './types.js';

type Unit = 's' | ' B' | ' B/s' | '%' | '';

const SUFFIXES: ReadonlyArray<readonly [string, Unit]> = [
  ['BytesPerSec', ' B/s'],
  ['Bytes', ' B'],
  ['Sec', 's'],
];

/** Fields read by parseFraction: their names keep the suffix. */
const FRACTION = /(?:Fraction|Probability)$/;

/** Input names that are not the typed name without its unit suffix. */
const RENAMED: Record<string, string> = {
  maxReplicationBytesPerSec: 'maxReplicationRate',
  randomCount: 'random',
  cpuOverheadFraction: 'cpuOverhead',
  processServerAlertAfterSec: 'raiseAfter',
  rpoAlertAfterSec: 'rpoRaiseAfter',
};

/** Typed names whose unit sits inside the name: input name and unit. */
const INNER_UNIT: Record<string, [string, Unit]> = {
  bootSecByMachineKind: ['bootByMachineKind', 's'],
};

const DISTRIBUTION_KINDS = new Set(['fixed', 'uniform', 'exponential', 'normal', 'lognormal']);

export interface ScenarioInput {
  document: Record<string, unknown>;
  /** The traces' data, keyed as the document's trace entries name them. */
  traces: TraceTable;
}

/** Scenario → the scenario-file document that parses back to it (and its trace table). Never throws. */
export function scenarioToInput(scenario: unknown): ScenarioInput {
  const traces = new Map<string, { startsSec: number[]; bytes: number[] }>();
  const document = convertObject(scenario, traces) as Record<string, unknown>;
  withoutModernizedProcessServer(document);
  return { document, traces };
}

/**
 * A modernized cycle has no process server in Azure: its typed reprotect still carries the field's default,
 * which a file must leave out.
 */
function withoutModernizedProcessServer(document: Record<string, unknown>): void {
  const cycle = document['cycle'] as { architecture?: unknown; reprotect?: Record<string, unknown> } | undefined;
  if (cycle?.architecture === 'modernized' && cycle.reprotect) delete cycle.reprotect['processServer'];
}

function withUnit(value: unknown, unit: Unit): unknown {
  if (typeof value !== 'number' || unit === '') return value;
  // A bare number above 1 is no fraction the parser reads ("20" is ambiguous); as a percentage it is judged
  // against the range, as in a file. Fractions up to 1 stay bare, so that they parse back exactly.
  if (unit === '%') return value > 1 ? `${value * 100}%` : value;
  // The duration syntax has no exponent: spell tiny or huge values out.
  const text = /e/i.test(String(value)) && Math.abs(value) < 1e21 ? value.toFixed(20) : String(value);
  return `${text}${unit}`;
}

function split(key: string): [string, Unit] {
  if (FRACTION.test(key)) return [RENAMED[key] ?? key, '%'];
  const unit = SUFFIXES.find(([suffix]) => key.endsWith(suffix) && key.length > suffix.length);
  return [RENAMED[key] ?? (unit ? key.slice(0, -unit[0].length) : key), unit?.[1] ?? ''];
}

function convertValue(value: unknown, unit: Unit, traces: Map<string, { startsSec: number[]; bytes: number[] }>): unknown {
  if (Array.isArray(value)) return value.map((item) => convertValue(item, unit, traces));
  if (value === null || typeof value !== 'object') return withUnit(value, unit);
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind === 'string' && DISTRIBUTION_KINDS.has(kind)) return distribution(value as Distribution, unit);
  return convertObject(value, traces);
}

function convertObject(value: unknown, traces: Map<string, { startsSec: number[]; bytes: number[] }>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // null (and '' for a name) means "none": the input leaves the field out, and the default reads it back.
    if (inner === null || inner === '') continue;
    if (key === 'churn' && Array.isArray(inner)) out[key] = inner.map((c) => churnComponent(c, traces));
    else if (key === 'outcome') out['cancel'] = inner === 'cancel';
    else if (INNER_UNIT[key] && typeof inner === 'object' && !Array.isArray(inner)) {
      // A mapping of distributions (per machine kind), each in the unit the name carries.
      const [name, unit] = INNER_UNIT[key];
      out[name] = Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, convertValue(v, unit, traces)]));
    } else {
      const [name, unit] = split(key);
      out[name] = convertValue(inner, unit, traces);
    }
  }
  return out;
}

function distribution(d: Distribution, unit: Unit): unknown {
  switch (d.kind) {
    case 'fixed':
      return { fixed: withUnit(d.value, unit) };
    case 'uniform':
      return { uniform: [withUnit(d.min, unit), withUnit(d.max, unit)] };
    case 'exponential':
      return { exponential: withUnit(d.mean, unit) };
    default:
      return { [d.kind]: { mean: withUnit(d.mean, unit), sd: withUnit(d.sd, unit) } };
  }
}

function churnComponent(c: ChurnComponent, traces: Map<string, { startsSec: number[]; bytes: number[] }>): unknown {
  if (c === null || typeof c !== 'object') return c;
  switch (c.kind) {
    case 'constant':
      return { constant: withUnit(c.rateBytesPerSec, ' B/s') };
    case 'dailyProfile':
      return { dailyProfile: { hourlyMultipliers: c.hourlyRatesBytesPerSec, baseRate: '1 B/s' } };
    case 'trace': {
      const file = `${c.source}#${traces.size}`;
      traces.set(file, { startsSec: c.startsSec, bytes: c.bytes });
      return { trace: { file, loop: c.loop } };
    }
    default: {
      const { kind, ...fields } = c;
      return { [kind]: convertObject(fields, traces) };
    }
  }
}
