import { parseScenario } from '../scenario/parse.js';
import type { ChurnComponent, FailoverChoice, Scenario } from '../scenario/types.js';

/**
 * A scenario that is a plain queue: the VMs' churn feeds one uplink of capacity c, and nothing else limits
 * or delays it (process server, per-VM cap and cloud apply rate 100× the uplink, no outages). With a
 * tiny crash-consistent interval δ and no processing delay, the RPO is the replication lag within δ
 * (lag ≤ RPO < lag + δ): the newest usable point is the newest tag already uploaded.
 */
export interface QueueScenarioOptions {
  capacityBytesPerSec: number;
  /** One churn list per VM; all VMs share the uplink. */
  churnPerVm: ChurnComponent[][];
  horizonSec: number;
  warmupSec: number;
  tagIntervalSec: number;
  processingDelaySec?: number;
  rpoThresholdSec?: number;
  sampleIntervalSec?: number;
  randomDisasters?: number;
  choices?: FailoverChoice[];
}

/**
 * Stand-in for "unlimited" stage rates: 100× the uplink, so the process server empties a burst 100× faster than
 * the uplink drains it and never holds the upload back. Not larger: process-server throughputs 10^4× the uplink
 * once made the fluid model take ever smaller steps (a livelock, since fixed; see test/model/extremeRates.test.ts).
 */
const HEADROOM = 100;

export function queueScenario(options: QueueScenarioOptions): Scenario {
  const unlimited = HEADROOM * options.capacityBytesPerSec;
  // The scenario format's defaults, then the queue's own values (in base units, which the format cannot all say).
  const parsed = parseScenario(
    {
      name: 'validation',
      description: 'queue built by src/validation',
      uplinks: [{ name: 'wan', bandwidth: '1 B/s' }],
      processServers: [{ name: 'ps', uplink: 'wan' }],
      vms: [{ name: 'vm', processServer: 'ps', churn: [{ constant: 0 }] }],
    },
    { source: 'src/validation/queueScenario.ts' },
  );
  if (!parsed.ok) throw new Error(`the validation scenario does not parse: ${JSON.stringify(parsed.errors)}`);
  const base = parsed.scenario;
  const zero = { kind: 'fixed', value: 0 } as const;
  return {
    ...base,
    horizonSec: options.horizonSec,
    warmupSec: options.warmupSec,
    policy: {
      kind: 'periodic',
      crashConsistentIntervalSec: options.tagIntervalSec,
      appConsistentIntervalSec: 0,
      retentionSec: 0,
      rpoThresholdSec: options.rpoThresholdSec ?? base.policy.rpoThresholdSec,
    },
    cloud: { processingDelaySec: options.processingDelaySec ?? 0 },
    uplinks: [{ ...base.uplinks[0]!, bandwidthBytesPerSec: options.capacityBytesPerSec }],
    processServers: [{ ...base.processServers[0]!, throughputBytesPerSec: unlimited, cacheBytes: 1e18 }],
    vms: options.churnPerVm.map((churn, i) => ({
      ...base.vms[0]!,
      name: `vm${i + 1}`,
      maxReplicationBytesPerSec: unlimited,
      applyRateBytesPerSec: unlimited,
      churn,
    })),
    disasters: { timesSec: [], randomCount: options.randomDisasters ?? 0 },
    failover: {
      ...base.failover,
      choices: options.choices ?? ['latest'],
      customPointAgeSec: 0,
      shutdownFailureProbability: 0,
      shutdownSec: zero,
      detectionSec: zero,
      jobSec: zero,
      extraProcessingSec: zero,
      bootSec: zero,
    },
    output: { sampleIntervalSec: options.sampleIntervalSec ?? 0 },
  };
}
