import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';

/** What a one-VM test scenario varies, written as in a scenario file. */
export interface OneVmOptions {
  policy: Record<string, unknown>;
  churn?: unknown[];
  horizon?: string;
  warmup?: string;
  bandwidth?: string;
  /** Outages of the link, e.g. [{ start: '10h', duration: '1h' }]. */
  linkOutages?: { start: string; duration: string }[];
  usedDisk?: string;
  disasters?: string[];
  choices?: string[];
  customPointAge?: string;
  sampleInterval?: string;
  failover?: Record<string, unknown>;
}

/**
 * One VM behind one process server and a 100 Mbps link (12.5 MB/s: more than its churn), parsed like a scenario
 * file so that the product's own defaults (processing delay, downtime) apply. Constant 4 MB/s unless told.
 */
export function oneVmScenario(options: OneVmOptions): Scenario {
  const parsed = parseScenario(
    {
      name: 'one-vm',
      horizon: options.horizon ?? '1d',
      warmup: options.warmup ?? '2h',
      policy: options.policy,
      uplinks: [{ name: 'wan', bandwidth: options.bandwidth ?? '100 Mbps', ...(options.linkOutages ? { outages: { windows: options.linkOutages } } : {}) }],
      processServers: [{ name: 'ps1', uplink: 'wan' }],
      vms: [{ name: 'vm1', processServer: 'ps1', usedDisk: options.usedDisk ?? 0, churn: options.churn ?? [{ constant: '4 MB/s' }] }],
      disasters: { random: 0, times: options.disasters ?? [] },
      failover: { ...(options.choices ? { choices: options.choices } : {}), ...(options.customPointAge ? { customPointAge: options.customPointAge } : {}), ...options.failover },
      output: { sampleInterval: options.sampleInterval ?? '0' },
    },
    { source: 'oneVmScenario' },
  );
  if (!parsed.ok) throw new Error(`the test scenario does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}
