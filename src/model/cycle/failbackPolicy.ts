// The fixed policy of failback replication from Azure to on-premises (domain.md §4): not configurable in ASR.
export const FAILBACK_POLICY = {
  rpoThresholdSec: 15 * 60,
  retentionSec: 24 * 3600,
  appConsistentIntervalSec: 60 * 60,
} as const;
