// Each product's defaults, written the way a user would write them in a scenario file. The policy fields come
// from the vendors' documentation; every value marked "assumption" is not published and is overridable (the
// README lists them, with their sources, in "Recovery-point policies").
import { POLICY_KINDS, type PolicyKind } from './types.js';

type Dist = string | Record<string, unknown>;

export interface ProductDefaults {
  /** The policy's own fields. */
  policy: Record<string, string | number | boolean | null>;
  /** Upload → usable point at the target (cloud.processingDelay). */
  processingDelay: string;
  /** Failover downtime parts the product sets (the others, detection and shutdown, are the site's). */
  failover: { job: Dist; extraProcessing: Dist; boot: Dist; bootByMachineKind: Partial<Record<'windows' | 'linux' | 'physical', Dist>> };
}

const ASR_FAILOVER = {
  job: { uniform: ['5m', '15m'] }, // assumption: ASR's failover job per VM is not published
  extraProcessing: { uniform: ['8m', '10m'] }, // docs: physical, Linux, no DHCP, missing boot drivers
  boot: { uniform: ['2m', '5m'] }, // assumption
  bootByMachineKind: {},
};

// Products other than ASR do the conversion inside their failover job: no separate extra processing.
const NONE = '0s';

export const PRODUCT_DEFAULTS: Record<PolicyKind, ProductDefaults> = {
  asr: {
    policy: { crashConsistentInterval: '5m', appConsistentInterval: '60m', retention: '24h', rpoThreshold: '15m' }, // ASR; seed policy
    processingDelay: '5m', // docs: about 5 minutes from upload to recovery point
    failover: ASR_FAILOVER,
  },
  // ASR's rules at any interval: ASR's defaults.
  periodic: {
    policy: { crashConsistentInterval: '5m', appConsistentInterval: '60m', retention: '24h', rpoThreshold: '15m' },
    processingDelay: '5m',
    failover: ASR_FAILOVER,
  },
  'asr-modernized': {
    // Docs disagree on the default retention (1 day, or 3 days with app-consistency off): we take the latter.
    // The policy has no RPO-threshold field: alerts come from replication health, assumed at 30 minutes.
    policy: { crashConsistentInterval: '5m', appConsistentInterval: '0s', retention: '3d', rpoThreshold: '30m' },
    processingDelay: '5m', // same service behind it as classic
    failover: ASR_FAILOVER,
  },
  'aws-drs': {
    policy: { dailyRetention: '7d', rpoThreshold: '15m' }, // DRS: daily snapshots kept 7 days; threshold: assumption
    processingDelay: '0s', // assumption: "RPO typically sub-second", the newest data is usable at once
    failover: {
      job: { uniform: ['1m', '3m'] }, // assumption: launch and conversion, before boot
      extraProcessing: NONE,
      boot: { uniform: ['15m', '25m'] }, // DRS: typical RTO 5–20 min, dominated by boot; Windows about 20 min
      bootByMachineKind: { linux: { uniform: ['4m', '6m'] } }, // Linux about 5 min
    },
  },
  zerto: {
    // Journal history default 1 day (assumption; 1 h–30 d allowed), no hard limit unless set, no tagged
    // checkpoints; the target RPO only alerts: 5 minutes (assumption).
    policy: { checkpointInterval: '5s', journalHistory: '1d', journalLimit: null, appConsistentInterval: '0s', rpoThreshold: '5m' },
    processingDelay: '0s', // assumption: a checkpoint is usable once in the journal
    failover: { job: { uniform: ['1m', '5m'] }, extraProcessing: NONE, boot: { uniform: ['2m', '5m'] }, bootByMachineKind: {} }, // assumption
  },
  'veeam-cdp': {
    // Veeam: RPO 15 s, short-term 4 h, long-term every 8 h kept 7 days; crash-consistent long-term points and
    // an alert at 1 minute are assumptions.
    policy: { rpo: '15s', shortTermRetention: '4h', longTermInterval: '8h', longTermRetention: '7d', longTermKind: 'crash-consistent', rpoThreshold: '1m' },
    processingDelay: '0s', // assumption
    failover: { job: { uniform: ['1m', '3m'] }, extraProcessing: NONE, boot: { uniform: ['2m', '5m'] }, bootByMachineKind: {} }, // assumption
  },
  'vsphere-replication': {
    // vSphere: RPO 1 h by default; point-in-time instances off (the latest only). The unique fraction of
    // written bytes a sync sends is an assumption (MSR traces measure it per interval).
    policy: { rpo: '1h', quiescing: false, instancesPerDay: 0, instanceDays: 0, uniqueFraction: 0.5 },
    processingDelay: '0s', // an instance is usable when its transfer completes
    failover: { job: { uniform: ['2m', '10m'] }, extraProcessing: NONE, boot: { uniform: ['2m', '5m'] }, bootByMachineKind: {} }, // assumption
  },
  'veeam-replication': {
    // A job every hour and 7 restore points are assumptions (Veeam allows up to 28); application-aware by default.
    policy: { interval: '1h', restorePoints: 7, uniqueFraction: 0.5, applicationAware: true },
    processingDelay: '0s',
    failover: { job: { uniform: ['1m', '3m'] }, extraProcessing: NONE, boot: { uniform: ['2m', '5m'] }, bootByMachineKind: {} }, // assumption
  },
};

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The raw input with the product's defaults filled in where the user left them out: the processing delay and
 * the failover job, extra processing and boot times depend on the policy's kind (asr when absent or unknown: an
 * unknown kind is reported by the policy schema). Values the user wrote are left alone, so every error still
 * points at what they wrote.
 */
export function withProductDefaults(raw: unknown): unknown {
  if (!isMapping(raw)) return raw;
  const policy = raw['policy'];
  const written = isMapping(policy) ? policy['kind'] : undefined;
  const kind: PolicyKind = POLICY_KINDS.includes(written as PolicyKind) ? (written as PolicyKind) : 'asr';
  const product = PRODUCT_DEFAULTS[kind];
  const fill = (section: unknown, defaults: Record<string, unknown>) =>
    section === undefined ? { ...defaults } : isMapping(section) ? { ...defaults, ...section } : section;
  const { job, extraProcessing, boot, bootByMachineKind } = product.failover;
  const cycle = raw['cycle'];
  return {
    ...raw,
    cloud: fill(raw['cloud'], { processingDelay: product.processingDelay }),
    failover: fill(raw['failover'], { job, extraProcessing, boot, ...(Object.keys(bootByMachineKind).length > 0 ? { bootByMachineKind } : {}) }),
    // ASR's modernized policy fails back through the modernized architecture (the replication appliance).
    ...(isMapping(cycle) ? { cycle: { architecture: kind === 'asr-modernized' ? 'modernized' : 'classic', ...cycle } } : {}),
  };
}
