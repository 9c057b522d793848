import type { Scenario } from '../scenario/types.js';

/** How the RPO is measured when planning: the replication lag, or the age of the newest usable recovery point. */
export type RpoMeasure = 'lag' | 'recovery-point';
export const RPO_MEASURES: readonly RpoMeasure[] = ['lag', 'recovery-point'];

/**
 * The scenario as `plan` simulates it with one uplink bandwidth: no random disasters or timeseries (not
 * needed), the RPO threshold at the target, every process server at least as fast as the uplink (the
 * bandwidth is what is being sized). Every VM starts protected (no initial copy). One run serves both
 * measures: the recovery points give the RPO, and simulate's exact lag observer (measureLag) the lag.
 */
export function measuredScenario(base: Scenario, rpoSec: number, wireBytesPerSec: number): Scenario {
  return {
    ...base,
    policy: { ...base.policy, rpoThresholdSec: rpoSec },
    uplinks: base.uplinks.map((uplink) => ({ ...uplink, bandwidthBytesPerSec: wireBytesPerSec })),
    processServers: base.processServers.map((ps) => ({
      ...ps,
      throughputBytesPerSec: Math.max(ps.throughputBytesPerSec, wireBytesPerSec * ps.compressionRatio),
    })),
    // Initial replication is reported on its own: the RPO target is about steady replication.
    vms: base.vms.map((vm) => ({ ...vm, usedDiskBytes: 0 })),
    disasters: { timesSec: [], randomCount: 0 },
    output: { sampleIntervalSec: 0 },
  };
}
