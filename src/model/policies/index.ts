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
