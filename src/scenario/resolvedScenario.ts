// The scenario as it ran, for the results folder (scenario.resolved.json) and the report's table of inputs:
// every field in base units (names carry the unit), trace and step-profile contents summarised, and which fields
// hold the format's built-in default.
import { parseScenario } from './parse.js';
import { meanChurnBytesPerSec } from './meanChurn.js';
import type { ChurnComponent, Scenario } from './types.js';

export interface ResolvedScenario {
  /** Paths (like processServers[0].cacheBytes) whose value is the built-in default. */
  defaults: string[];
  scenario: unknown;
}

/**
 * Two minimal scenarios that differ in every field a user must write. A field with the same value in both is a
 * default, and its value there is the default value; the required ones differ and are never reported.
 */
function template(variant: 0 | 1): Scenario {
  const [a, b] = variant === 0 ? ['a', 'b'] : ['c', 'd'];
  const rate = variant === 0 ? '1 B/s' : '2 B/s';
  const parsed = parseScenario(
    {
      name: a,
      uplinks: [{ name: a, bandwidth: rate }],
      processServers: [{ name: a, uplink: a }],
      vms: [{ name: a, processServer: a, churn: [{ constant: rate }] }],
      replicationGroups: [{ name: a, vms: [a] }],
      recoveryPlans: [{ name: a, groups: [{ vms: [a] }] }],
      masterTargets: [{ name: b }],
      costs: {},
      cycle: {
        failoverAt: variant === 0 ? '2d' : '3d',
        reprotect: { link: { kind: variant === 0 ? 'vpn' : 'expressroute', bandwidth: rate }, masterTarget: b },
        failbackAt: variant === 0 ? '4d' : '5d',
        reprotectOnPremises: {},
      },
    },
    { source: 'built-in defaults' },
  );
  if (!parsed.ok) throw new Error(`the defaults template no longer parses: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

type Leaves = Map<string, unknown>;

/** A distribution or a link ({ kind, ... } with few fields) reads as one value, not field by field. */
const isCompound = (value: object) => 'kind' in value && Object.keys(value).length <= 3;

/**
 * Every field of a scenario by path (like vms[2].churn): mappings are walked, lists of named items item by
 * item, other lists and distributions are one value. The report's table of inputs lists these.
 */
export function scenarioFields(value: unknown, path = '', out: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isCompound(value)) {
    for (const [key, inner] of Object.entries(value)) scenarioFields(inner, path ? `${path}.${key}` : key, out);
  } else if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object' && 'name' in item)) {
    value.forEach((item, i) => scenarioFields(item, `${path}[${i}]`, out));
  } else {
    out.set(path, value);
  }
  return out;
}

const json = (fields: Leaves) => new Map([...fields].map(([path, value]) => [path, JSON.stringify(value)]));

const generic = (path: string) => path.replace(/\[\d+\]/g, '[0]');

let defaultLeaves: Leaves | undefined;

function builtInDefaults(): Leaves {
  if (defaultLeaves === undefined) {
    const [first, second] = [json(scenarioFields(template(0))), json(scenarioFields(template(1)))];
    defaultLeaves = new Map([...first].filter(([path, json]) => second.get(path) === json));
  }
  return defaultLeaves;
}

/** A component whose contents can be months of per-minute values (a trace, or a staggered copy of one), by its size. */
function summariseChurn(c: ChurnComponent): unknown {
  switch (c.kind) {
    case 'trace':
      return { kind: c.kind, source: c.source, loop: c.loop, intervals: c.startsSec.length, totalBytes: c.bytes.reduce((s, b) => s + b, 0) };
    case 'periodicSteps': {
      const peakBytesPerSec = c.ratesBytesPerSec.reduce((max, r) => Math.max(max, r), 0);
      return { kind: c.kind, periodSec: c.periodSec, offsetSec: c.offsetSec, steps: c.stepStartsSec.length, meanBytesPerSec: meanChurnBytesPerSec(c), peakBytesPerSec };
    }
    default:
      return c;
  }
}

export function resolvedScenario(scenario: Scenario): ResolvedScenario {
  const defaults = builtInDefaults();
  const mine = json(scenarioFields(scenario));
  return {
    defaults: [...mine].filter(([path, json]) => defaults.get(generic(path)) === json).map(([path]) => path),
    scenario: {
      ...scenario,
      uplinks: scenario.uplinks.map((uplink) =>
        uplink.background?.kind === 'priority' ? { ...uplink, background: { ...uplink.background, rate: uplink.background.rate.map(summariseChurn) } } : uplink,
      ),
      vms: scenario.vms.map((vm) => ({
        ...vm,
        churn: vm.churn.map(summariseChurn),
        ...(vm.diskList === undefined ? {} : { diskList: vm.diskList.map((disk) => ({ ...disk, churn: disk.churn?.map(summariseChurn) ?? null })) }),
      })),
    },
  };
}
