import type { Scenario } from '../scenario/types.js';

/** How the RPO is measured when planning: the replication lag, or the age of the newest usable recovery point. */
export type RpoMeasure = 'lag' | 'recovery-point';
export const RPO_MEASURES: readonly RpoMeasure[] = ['lag', 'recovery-point'];

/**
 * Tags every R/200 in the lag measure: the RPO is then lag + e with e in [0, R/200), and the threshold is
 * centred at R + R/400, so the bandwidth found is within ±0.25% of the lag's (the required bandwidth moves by
 * at most ΔR/R relative when R moves by ΔR).
 */
const LAG_TAGS_PER_RPO = 200;

/**
 * The scenario as `plan` simulates it with one uplink bandwidth: no random disasters or timeseries (not
 * needed), the RPO threshold at the target, every process server at least as fast as the uplink (the
 * bandwidth is what is being sized), and for the lag measure: tiny tag interval, no app-consistent points,
 * no processing delay, instant apply. Every VM starts protected (no initial copy).
 */
export function measuredScenario(base: Scenario, measure: RpoMeasure, rpoSec: number, wireBytesPerSec: number, sampleIntervalSec = 0): Scenario {
  const lagTagSec = rpoSec / LAG_TAGS_PER_RPO;
  const lag = measure === 'lag';
  return {
    ...base,
    policy: lag
      ? { ...base.policy, crashConsistentIntervalSec: lagTagSec, appConsistentIntervalSec: 0, rpoThresholdSec: rpoSec + lagTagSec / 2 }
      : { ...base.policy, rpoThresholdSec: rpoSec },
    cloud: lag ? { processingDelaySec: 0 } : base.cloud,
    uplinks: base.uplinks.map((uplink) => ({ ...uplink, bandwidthBytesPerSec: wireBytesPerSec })),
    processServers: base.processServers.map((ps) => ({
      ...ps,
      throughputBytesPerSec: Math.max(ps.throughputBytesPerSec, wireBytesPerSec * ps.compressionRatio),
    })),
    // Initial replication is reported on its own: the RPO target is about steady replication.
    vms: base.vms.map((vm) => ({ ...vm, usedDiskBytes: 0, ...(lag ? { applyRateBytesPerSec: 1e15 } : {}) })),
    disasters: { timesSec: [], randomCount: 0 },
    output: { sampleIntervalSec },
  };
}
