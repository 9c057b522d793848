import type { RecoveryPointPolicy } from '../../scenario/types.js';
import { asrPolicy } from './asr.js';
import { awsDrsPolicy } from './awsDrs.js';
import type { PointPolicy } from './pointPolicy.js';
import { veeamCdpPolicy } from './veeamCdp.js';
import { veeamReplicationPolicy } from './veeamReplication.js';
import { vsphereReplicationPolicy } from './vsphereReplication.js';
import { zertoPolicy } from './zerto.js';

/** The model of a scenario's policy: one file per product; adding one is a file here and a schema entry. */
export function pointPolicy(spec: RecoveryPointPolicy): PointPolicy {
  switch (spec.kind) {
    case 'asr':
    case 'asr-modernized':
    case 'periodic':
      return asrPolicy(spec);
    case 'aws-drs':
      return awsDrsPolicy(spec);
    case 'zerto':
      return zertoPolicy(spec);
    case 'veeam-cdp':
      return veeamCdpPolicy(spec);
    case 'vsphere-replication':
      return vsphereReplicationPolicy(spec);
    case 'veeam-replication':
      return veeamReplicationPolicy(spec);
  }
}

/**
 * The spacing of a policy's newest points when bandwidth is unlimited: the finest tag series, or the sync
 * interval of a delta sync whose transfers take no time. A product whose RPO is the replication lag has none.
 * It sets the RPO floor no bandwidth can beat (rposim plan).
 */
export function pointSpacingAtBestSec(spec: RecoveryPointPolicy): number {
  const policy = pointPolicy(spec);
  if (policy.rpoIsReplicationLag) return 0;
  if (policy.deltaSync !== null) return policy.deltaSync.nextStartSec(0, 0);
  return Math.min(...policy.tagSeries.map((series) => series.intervalSec));
}
