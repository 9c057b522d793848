import { parseScenario } from '../../src/scenario/parse.js';
import type { ChurnComponent, ProcessServerSpec, Scenario, VmSpec } from '../../src/scenario/types.js';

const MB = 1e6;

/**
 * The scenario format's own defaults (parsed, so there is one source of truth) on a small typed scenario: one
 * 100 Mbps uplink, one process server, one VM writing 1 MB/s, 2 days, 20 random disasters, no timeseries.
 */
function parsedDefaults(): Scenario {
  const parsed = parseScenario(
    {
      name: 'fixture',
      horizon: '2d',
      warmup: '1h',
      uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
      processServers: [{ name: 'ps1', uplink: 'wan' }],
      vms: [{ name: 'vm1', processServer: 'ps1', churn: [{ constant: '1 MB/s' }] }],
      disasters: { random: 20 },
      output: { sampleInterval: 0 },
    },
    { source: 'scenarioFixture' },
  );
  if (!parsed.ok) throw new Error(`the fixture no longer parses: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

const DEFAULTS = parsedDefaults();

export function scenarioFixture(overrides: Partial<Scenario> = {}): Scenario {
  return { ...structuredClone(DEFAULTS), ...overrides };
}

export function processServerFixture(overrides: Partial<ProcessServerSpec> = {}): ProcessServerSpec {
  return { ...structuredClone(DEFAULTS.processServers[0]!), ...overrides };
}

export function vmFixture(overrides: Partial<VmSpec> = {}, churn: ChurnComponent[] = [{ kind: 'constant', rateBytesPerSec: 1 * MB }]): VmSpec {
  return { ...structuredClone(DEFAULTS.vms[0]!), churn, ...overrides };
}
