// The recovery-point policy: one schema per product, chosen by `kind` (default asr). Each product's ranges come
// from its documentation; defaults are in productDefaults.ts.
import * as z from 'zod';
import { between, booleanField, durationField, enumField, fractionField, mapping, numberField, positive, sizeField } from './fields.js';
import { PRODUCT_DEFAULTS } from './productDefaults.js';
import { POLICY_KINDS, type PolicyKind, type RecoveryPointPolicy } from './types.js';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const GB = 1e9;

const defaults = (kind: PolicyKind) => PRODUCT_DEFAULTS[kind].policy as Record<string, never>;
const duration = (kind: PolicyKind, key: string, test: (v: number) => boolean, text: string) =>
  durationField({ test, text }).prefault(defaults(kind)[key]!);
const threshold = (kind: PolicyKind) => durationField(positive).prefault(defaults(kind)['rpoThreshold']!);

/** ASR allows app-consistent snapshots every 1 to 12 hours, or none. */
const appInterval = (kind: PolicyKind) => duration(kind, 'appConsistentInterval', (v) => v === 0 || (v >= HOUR && v <= 12 * HOUR), 'of 0 (off) or from 60m to 720m');
/** ASR fixes crash-consistent points at 5 minutes: the field exists to say so, not to change it. */
const fiveMinutes = (kind: PolicyKind) => duration(kind, 'crashConsistentInterval', (v) => v === 5 * MIN, 'of exactly 5m (ASR fixes crash-consistent points at 5 minutes)');

const asr = (kind: 'asr' | 'asr-modernized') =>
  mapping({
    kind: z.literal(kind),
    crashConsistentInterval: fiveMinutes(kind),
    appConsistentInterval: appInterval(kind),
    retention: duration(kind, 'retention', (v) => v >= 0 && v <= 15 * DAY, 'from 0 to 15d'),
    rpoThreshold: threshold(kind),
  }).transform((p): RecoveryPointPolicy => ({
    kind,
    crashConsistentIntervalSec: p.crashConsistentInterval,
    appConsistentIntervalSec: p.appConsistentInterval,
    retentionSec: p.retention,
    rpoThresholdSec: p.rpoThreshold,
  }));

/**
 * The shortest tag interval of any kind: finer than any product modelled (Zerto checkpoints every ~5 s, Veeam
 * CDP's RPO is at least 2 s) and fine enough for the analytical checks' near-continuous points (0.2 s); a tag
 * is a simulated event per VM, so a millisecond interval would mean billions of them.
 */
export const MIN_TAG_INTERVAL_SEC = 0.1;

/** ASR's point rules with any intervals (what-if studies, analytical checks). */
const periodic = mapping({
  kind: z.literal('periodic'),
  crashConsistentInterval: duration('periodic', 'crashConsistentInterval', (v) => v >= MIN_TAG_INTERVAL_SEC, `>= ${MIN_TAG_INTERVAL_SEC}s`),
  appConsistentInterval: duration('periodic', 'appConsistentInterval', (v) => v === 0 || v >= MIN_TAG_INTERVAL_SEC, `of 0 (off) or >= ${MIN_TAG_INTERVAL_SEC}s`),
  retention: duration('periodic', 'retention', (v) => v >= 0, '>= 0'),
  rpoThreshold: threshold('periodic'),
}).transform((p): RecoveryPointPolicy => ({
  kind: 'periodic',
  crashConsistentIntervalSec: p.crashConsistentInterval,
  appConsistentIntervalSec: p.appConsistentInterval,
  retentionSec: p.retention,
  rpoThresholdSec: p.rpoThreshold,
}));

const awsDrs = mapping({
  kind: z.literal('aws-drs'),
  dailyRetention: duration('aws-drs', 'dailyRetention', (v) => v >= DAY && v <= 365 * DAY && v % DAY === 0, 'a whole number of days from 1d to 365d'),
  rpoThreshold: threshold('aws-drs'),
}).transform((p): RecoveryPointPolicy => ({ kind: 'aws-drs', dailyRetentionSec: p.dailyRetention, rpoThresholdSec: p.rpoThreshold }));

const zerto = mapping({
  kind: z.literal('zerto'),
  checkpointInterval: duration('zerto', 'checkpointInterval', (v) => v === 5, 'of exactly 5s (Zerto writes a checkpoint every 5 seconds)'),
  journalHistory: duration('zerto', 'journalHistory', (v) => v >= HOUR && v <= 30 * DAY, 'from 1h to 30d'),
  journalLimit: sizeField({ test: (v) => v >= 8 * GB, text: 'of at least 8 GB' }).nullable().default(null),
  appConsistentInterval: duration('zerto', 'appConsistentInterval', (v) => v === 0 || v >= MIN, 'of 0 (none) or at least 1m'),
  rpoThreshold: threshold('zerto'),
}).transform((p): RecoveryPointPolicy => ({
  kind: 'zerto',
  checkpointIntervalSec: p.checkpointInterval,
  journalHistorySec: p.journalHistory,
  journalLimitBytes: p.journalLimit,
  appConsistentIntervalSec: p.appConsistentInterval,
  rpoThresholdSec: p.rpoThreshold,
}));

const veeamCdp = mapping({
  kind: z.literal('veeam-cdp'),
  rpo: duration('veeam-cdp', 'rpo', (v) => v >= 2 && v <= HOUR, 'from 2s to 1h'),
  shortTermRetention: duration('veeam-cdp', 'shortTermRetention', (v) => v >= MIN && v <= DAY, 'from 1m to 24h'),
  longTermInterval: duration('veeam-cdp', 'longTermInterval', (v) => v === 0 || (v >= HOUR && v <= DAY), 'of 0 (none) or from 1h to 24h'),
  longTermRetention: duration('veeam-cdp', 'longTermRetention', (v) => v >= DAY && v <= 365 * DAY, 'from 1d to 365d'),
  longTermKind: enumField(['crash-consistent', 'app-consistent']).default('crash-consistent'),
  rpoThreshold: threshold('veeam-cdp'),
}).transform((p): RecoveryPointPolicy => ({
  kind: 'veeam-cdp',
  rpoSec: p.rpo,
  shortTermRetentionSec: p.shortTermRetention,
  longTermIntervalSec: p.longTermInterval,
  longTermRetentionSec: p.longTermRetention,
  longTermKind: p.longTermKind,
  rpoThresholdSec: p.rpoThreshold,
}));

const vsphere = mapping({
  kind: z.literal('vsphere-replication'),
  rpo: duration('vsphere-replication', 'rpo', (v) => v >= 5 * MIN && v <= DAY, 'from 5m to 24h'),
  quiescing: booleanField().default(false),
  instancesPerDay: numberField(between(0, 24, 'from 0 to 24'), { integer: true }).prefault(0),
  instanceDays: numberField(between(0, 24, 'from 0 to 24'), { integer: true }).prefault(0),
  uniqueFraction: fractionField().prefault(defaults('vsphere-replication')['uniqueFraction']!),
  rpoThreshold: durationField(positive).optional(),
})
  .superRefine((p, ctx) => {
    if (p.quiescing && p.rpo < 15 * MIN) ctx.addIssue({ code: 'custom', path: ['rpo'], message: 'at least 15m with quiescing (vSphere Replication)', input: p.rpo });
    if (p.instancesPerDay * p.instanceDays > 24) {
      ctx.addIssue({ code: 'custom', path: ['instancesPerDay'], message: 'instancesPerDay × instanceDays at most 24 (vSphere keeps at most 24 instances)', input: p.instancesPerDay });
    }
    if ((p.instancesPerDay === 0) !== (p.instanceDays === 0)) {
      ctx.addIssue({ code: 'custom', path: ['instanceDays'], message: 'both instancesPerDay and instanceDays set, or both 0 (the latest instance only)', input: p.instanceDays });
    }
  })
  .transform((p): RecoveryPointPolicy => ({
    kind: 'vsphere-replication',
    rpoSec: p.rpo,
    quiescing: p.quiescing,
    instancesPerDay: p.instancesPerDay,
    instanceDays: p.instanceDays,
    uniqueFraction: p.uniqueFraction,
    rpoThresholdSec: p.rpoThreshold ?? p.rpo, // vSphere alerts when the latest instance is older than the RPO
  }));

const veeamReplication = mapping({
  kind: z.literal('veeam-replication'),
  interval: duration('veeam-replication', 'interval', (v) => v >= MIN && v <= 7 * DAY, 'from 1m to 7d'),
  restorePoints: numberField(between(1, 28, 'from 1 to 28'), { integer: true }).prefault(defaults('veeam-replication')['restorePoints']!),
  uniqueFraction: fractionField().prefault(defaults('veeam-replication')['uniqueFraction']!),
  applicationAware: booleanField().default(true),
  rpoThreshold: durationField(positive).optional(),
}).transform((p): RecoveryPointPolicy => ({
  kind: 'veeam-replication',
  intervalSec: p.interval,
  restorePoints: p.restorePoints,
  uniqueFraction: p.uniqueFraction,
  applicationAware: p.applicationAware,
  // Assumption: alert when the newest point is older than two intervals, i.e. a run has been missed (a point is
  // always a little over one interval old before the next run's transfer completes).
  rpoThresholdSec: p.rpoThreshold ?? 2 * p.interval,
}));

const variants = [asr('asr'), asr('asr-modernized'), periodic, awsDrs, zerto, veeamCdp, vsphere, veeamReplication] as const;

/** `kind` picks the product (default asr); the other fields are that product's. */
export const policySchema = z.preprocess(
  (input) => (input !== null && typeof input === 'object' && !Array.isArray(input) && !('kind' in input) ? { ...input, kind: 'asr' } : input),
  z.discriminatedUnion('kind', variants, {
    error: (issue) => (issue.code === 'invalid_union' ? `kind one of ${POLICY_KINDS.join(', ')}` : undefined),
  }),
);
