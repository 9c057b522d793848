// The scenario file format: a zod schema that validates unknown input and converts it to base units.
// VM entries stay close to the input here (optional fields, count); parse.ts merges vmDefaults and expands counts.
import * as z from 'zod';
import { churnListSchema, staggerSchema, type TraceTable } from './churnSchema.js';
import { outagesSchema } from './outagesSchema.js';
import { costsSchema } from './costsSchema.js';
import { policySchema } from './policySchema.js';
import { cycleSchema, masterTargetSchema, recoveryPlanSchema, replicationGroupSchema } from './cycleSchema.js';
import {
  ALERT_DEFAULTS,
  FAILOVER_DEFAULTS,
  PROCESS_SERVER_DEFAULTS,
  SCENARIO_DEFAULTS,
} from './defaults.js';
import {
  between,
  booleanField,
  distributionField,
  durationField,
  enumField,
  fractionField,
  listOf,
  mapping,
  nameField,
  nonNegative,
  numberField,
  positive,
  rateField,
  sizeField,
} from './fields.js';
import { backgroundSchema } from './backgroundSchema.js';
import { disksField } from './diskSchema.js';
import { LIMITS, formatLimit } from './limits.js';
import { bandwidthThrottlingSchema } from './throttlingSchema.js';
import { FAILOVER_CHOICES, type OutageSpec, type ProcessServerSpec, type UplinkSpec } from './types.js';

const HOUR = 3600;
const DAY = 86_400;

const cloudSchema = mapping({
  // The product's default, filled in by withProductDefaults: optional only in a file (and its JSON Schema).
  processingDelay: durationField(nonNegative).optional(),
}).transform((c) => ({ processingDelaySec: c.processingDelay! }));

export function uplinkSchema(traces: TraceTable) {
  return mapping({
    name: nameField(),
    bandwidth: rateField(positive),
    outages: outagesSchema,
    background: backgroundSchema(traces).optional(),
  }).transform((u): UplinkSpec => ({
    name: u.name,
    bandwidthBytesPerSec: u.bandwidth,
    outages: u.outages,
    ...(u.background === undefined ? {} : { background: u.background }),
  }));
}

const d = PROCESS_SERVER_DEFAULTS;
export const processServerSchema = mapping({
  name: nameField(),
  uplink: nameField(),
  throughput: rateField(positive).prefault(d.throughput),
  cache: sizeField(positive).prefault(d.cache),
  compressionRatio: numberField(between(1, 100, 'from 1 to 100 (source bytes per wire byte)')).prefault(
    d.compressionRatio,
  ),
  throttleFreeFraction: fractionField().prefault(d.throttleFreeFraction),
  resumeFreeFraction: fractionField().prefault(d.resumeFreeFraction),
  cacheWarningFreeFraction: fractionField().prefault(d.cacheWarningFreeFraction),
  cacheCriticalFreeFraction: fractionField().prefault(d.cacheCriticalFreeFraction),
  pendingUploadWarning: durationField(positive).prefault(d.pendingUploadWarning),
  pendingUploadCritical: durationField(positive).prefault(d.pendingUploadCritical),
  initialReplicationDisks: numberField(between(1, 1000, 'from 1 to 1000'), { integer: true }).prefault(
    d.initialReplicationDisks,
  ),
  outages: outagesSchema,
  bandwidthThrottling: bandwidthThrottlingSchema.optional(),
}).transform((p): ProcessServerSpec => ({
  name: p.name,
  uplink: p.uplink,
  throughputBytesPerSec: p.throughput,
  cacheBytes: p.cache,
  compressionRatio: p.compressionRatio,
  throttleFreeFraction: p.throttleFreeFraction,
  resumeFreeFraction: p.resumeFreeFraction,
  cacheWarningFreeFraction: p.cacheWarningFreeFraction,
  cacheCriticalFreeFraction: p.cacheCriticalFreeFraction,
  pendingUploadWarningSec: p.pendingUploadWarning,
  pendingUploadCriticalSec: p.pendingUploadCritical,
  initialReplicationDisks: p.initialReplicationDisks,
  outages: p.outages,
  ...(p.bandwidthThrottling === undefined ? {} : { bandwidthThrottling: p.bandwidthThrottling }),
}));

/** VM fields that vmDefaults may set; all optional here, defaults are applied when merging. */
function vmFields(traces: TraceTable) {
  return {
    processServer: nameField().optional(),
    machineKind: enumField(['windows', 'linux', 'physical']).optional(),
    dhcp: booleanField().optional(),
    bootDrivers: booleanField().optional(),
    disks: disksField(traces).optional(),
    usedDisk: sizeField(nonNegative).optional(),
    diskSize: sizeField(nonNegative).optional(),
    maxReplicationRate: rateField(positive).optional(),
    applyRate: rateField(positive).optional(),
    churn: churnListSchema(traces).optional(),
    snapshots: booleanField().optional(),
    masterTarget: nameField().optional(),
  };
}

export const vmCountSchema = numberField(
  between(1, LIMITS.vms, `from 1 to ${formatLimit(LIMITS.vms)} (the limit of VMs in a scenario)`),
  { integer: true },
).prefault(1);

const f = FAILOVER_DEFAULTS;
const durationDistribution = () => distributionField(() => durationField(nonNegative));
const failoverSchema = mapping({
  choices: listOf(enumField(FAILOVER_CHOICES), 'failover choices')
    .min(1, 'at least one failover choice')
    .prefault(() => [...f.choices]),
  customPointAge: durationField(nonNegative).prefault(f.customPointAge),
  shutdownBeforeFailover: booleanField().default(f.shutdownBeforeFailover),
  shutdownFailureProbability: fractionField().prefault(f.shutdownFailureProbability),
  shutdown: durationDistribution().prefault(f.shutdown),
  detection: durationDistribution().prefault(f.detection),
  // Product defaults (productDefaults.ts), filled in before parsing by withProductDefaults: optional only in a
  // file (and its JSON Schema), always present here.
  job: durationDistribution().optional(),
  extraProcessing: durationDistribution().optional(),
  boot: durationDistribution().optional(),
  bootByMachineKind: mapping({
    windows: durationDistribution().optional(),
    linux: durationDistribution().optional(),
    physical: durationDistribution().optional(),
  }).prefault({}),
}).transform((x) => ({
  choices: x.choices,
  customPointAgeSec: x.customPointAge,
  shutdownBeforeFailover: x.shutdownBeforeFailover,
  shutdownFailureProbability: x.shutdownFailureProbability,
  shutdownSec: x.shutdown,
  detectionSec: x.detection,
  jobSec: x.job!,
  extraProcessingSec: x.extraProcessing!,
  bootSec: x.boot!,
  bootSecByMachineKind: Object.fromEntries(Object.entries(x.bootByMachineKind).filter(([, d]) => d !== undefined)),
}));

const disastersSchema = mapping({
  times: listOf(durationField(nonNegative), 'durations since the start').default([]),
  random: numberField(nonNegative, { integer: true }).prefault(SCENARIO_DEFAULTS.disasterRandomCount),
  dwell: listOf(durationField(positive), 'dwell times (durations > 0)').min(1, 'at least one dwell time').optional(),
}).transform((x) => ({ timesSec: x.times, randomCount: x.random, ...(x.dwell === undefined ? {} : { dwellSec: x.dwell }) }));

const alertsSchema = mapping({
  raiseAfter: durationField(nonNegative).prefault(ALERT_DEFAULTS.raiseAfter),
  rpoRaiseAfter: durationField(nonNegative).prefault(ALERT_DEFAULTS.rpoRaiseAfter),
}).transform((a) => ({ processServerAlertAfterSec: a.raiseAfter, rpoAlertAfterSec: a.rpoRaiseAfter }));

const outputSchema = mapping({
  sampleInterval: durationField(nonNegative).prefault(SCENARIO_DEFAULTS.sampleInterval),
}).transform((o) => ({ sampleIntervalSec: o.sampleInterval }));

export const horizonSchema = durationField({
  test: (v) => v > 0 && v <= LIMITS.horizonSec,
  text: `> 0 and at most ${LIMITS.horizonSec / 86_400}d (the longest horizon rposim simulates)`,
}).prefault(SCENARIO_DEFAULTS.horizon);
export const warmupSchema = durationField(nonNegative).prefault(SCENARIO_DEFAULTS.warmup);

/** The whole document. Built per call because trace components need the traces that were read. */
export function scenarioSchema(traces: TraceTable) {
  const fields = vmFields(traces);
  return mapping({
    name: nameField(),
    description: z.string({ error: 'text' }).default(SCENARIO_DEFAULTS.description),
    horizon: horizonSchema,
    warmup: warmupSchema,
    seed: numberField(between(0, Number.MAX_SAFE_INTEGER, `from 0 to ${Number.MAX_SAFE_INTEGER}`), { integer: true }).prefault(
      SCENARIO_DEFAULTS.seed,
    ),
    policy: policySchema.prefault({ kind: 'asr' }),
    cloud: cloudSchema.prefault({}),
    vmDefaults: mapping(fields).prefault({}),
    uplinks: listOf(uplinkSchema(traces), 'uplinks').min(1, 'at least one uplink'),
    processServers: listOf(processServerSchema, 'process servers').min(1, 'at least one process server'),
    vms: listOf(mapping({ name: nameField(), count: vmCountSchema, stagger: staggerSchema, ...fields }), 'VMs').min(1, 'at least one VM'),
    disasters: disastersSchema.prefault({}),
    failover: failoverSchema.prefault({}),
    output: outputSchema.prefault({}),
    alerts: alertsSchema.prefault({}),
    replicationGroups: listOf(replicationGroupSchema, 'replication groups { name, vms, cpuOverhead }').default([]),
    recoveryPlans: listOf(recoveryPlanSchema, 'recovery plans { name, choice, groups }').default([]),
    masterTargets: listOf(masterTargetSchema, 'master targets { name, maxDisks, storageVMotion }').default([]),
    cycle: cycleSchema.optional(),
    costs: costsSchema.optional(),
  });
}

export type ParsedDocument = z.output<ReturnType<typeof scenarioSchema>>;
export type ParsedVm = ParsedDocument['vms'][number];
export type ParsedVmDefaults = ParsedDocument['vmDefaults'];
