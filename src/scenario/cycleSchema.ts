// Scenario sections for replication groups, recovery plans, master targets and the failover–failback cycle.
// Cross-field rules (names that must exist, disk limits, the procedure's order) are in cycleChecks.ts.
import { CYCLE_DEFAULTS, GROUP_DEFAULTS, MASTER_TARGET_DEFAULTS, PLAN_DEFAULTS } from './defaults.js';
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
import { outagesSchema } from './outagesSchema.js';
import { PRODUCT_CHOICES, type CycleSpec } from './types.js';
import { formatLimit, LIMITS } from './limits.js';

const durationDistribution = () => distributionField(() => durationField(nonNegative));
const vmNames = listOf(nameField(), 'VM names');

export const replicationGroupSchema = mapping({
  name: nameField(),
  vms: vmNames
    .min(1, 'at least one VM')
    .max(GROUP_DEFAULTS.maxMembers, `at most ${GROUP_DEFAULTS.maxMembers} VMs (the documented group limit)`),
  cpuOverhead: fractionField().prefault(GROUP_DEFAULTS.cpuOverhead),
}).transform((g) => ({ name: g.name, vms: g.vms, cpuOverheadFraction: g.cpuOverhead }));

const actionSchema = mapping({ name: nameField(), duration: durationDistribution() }).transform((a) => ({
  name: a.name,
  durationSec: a.duration,
}));
const actions = listOf(actionSchema, 'actions { name, duration }').default([]);

export const recoveryPlanSchema = mapping({
  name: nameField(),
  choice: enumField(PRODUCT_CHOICES).default(PLAN_DEFAULTS.choice),
  groups: listOf(
    mapping({
      vms: vmNames.default([]),
      // Above the group's size it means "all at once", like 0; a larger figure than any site has is a typo.
      maxParallel: numberField(between(0, LIMITS.vms, `from 0 to ${formatLimit(LIMITS.vms)} (the limit of VMs in a scenario; 0 = all at once)`), {
        integer: true,
      }).prefault(PLAN_DEFAULTS.maxParallel),
      actionsBefore: actions,
      actionsAfter: actions,
    }),
    'plan groups { vms, maxParallel, actionsBefore, actionsAfter }',
  ).min(1, 'at least one group'),
});

export const masterTargetSchema = mapping({
  name: nameField(),
  maxDisks: numberField(between(1, 60, 'from 1 to 60 (ASR limit)'), { integer: true }).prefault(
    MASTER_TARGET_DEFAULTS.maxDisks,
  ),
  storageVMotion: booleanField().default(MASTER_TARGET_DEFAULTS.storageVMotion),
  throughput: rateField(positive).prefault(MASTER_TARGET_DEFAULTS.throughput),
}).transform((t) => ({ name: t.name, maxDisks: t.maxDisks, storageVMotion: t.storageVMotion, throughputBytesPerSec: t.throughput }));

const c = CYCLE_DEFAULTS;
const reprotectSchema = mapping({
  after: durationField(nonNegative).prefault(c.reprotectAfter),
  link: mapping({ kind: enumField(['vpn', 'expressroute']), bandwidth: rateField(positive), outages: outagesSchema }).transform((l) => ({
    kind: l.kind,
    bandwidthBytesPerSec: l.bandwidth,
    outages: l.outages,
  })),
  // Classic only (the cycle's transform fills the default); the modernized architecture has none.
  processServer: enumField(['azure', 'on-premises']).optional(),
  azureProcessServer: mapping({
    throughput: rateField(positive).prefault(c.azureProcessServerThroughput),
    cache: sizeField(positive).prefault(c.azureProcessServerCache),
  })
    .transform((p) => ({ throughputBytesPerSec: p.throughput, cacheBytes: p.cache }))
    .prefault({}),
  masterTarget: nameField().default(''),
  appliance: mapping({
    throughput: rateField(positive).prefault(c.applianceThroughput),
    maxDisks: numberField(between(1, 60, 'from 1 to 60 (ASR limit)'), { integer: true }).prefault(c.applianceMaxDisks),
  })
    .transform((a) => ({ throughputBytesPerSec: a.throughput, maxDisks: a.maxDisks }))
    .prefault({}),
  location: enumField(['original', 'alternate']).default('original'),
  uniqueFraction: fractionField().prefault(c.resyncUniqueFraction),
  fixed: durationDistribution().prefault(c.reprotectFixed),
}).transform((r) => ({
  afterSec: r.after,
  link: r.link,
  processServer: r.processServer ?? null,
  azureProcessServer: r.azureProcessServer,
  masterTarget: r.masterTarget,
  appliance: r.appliance,
  location: r.location,
  uniqueFraction: r.uniqueFraction,
  fixedSec: r.fixed,
}));

export const cycleSchema = mapping({
  architecture: enumField(['classic', 'modernized']).default('classic'), // filled from the policy's kind
  failoverAt: durationField(nonNegative),
  choice: enumField(PRODUCT_CHOICES).default(c.choice),
  shutdownFirst: booleanField().default(c.shutdownFirst),
  commitAfter: durationField(nonNegative).prefault(c.commitAfter),
  cancel: booleanField().default(false),
  reprotect: reprotectSchema.optional(),
  failbackAt: durationField(positive).optional(),
  failbackChoice: enumField(['latest', 'latest-processed', 'latest-app-consistent']).default(c.failbackChoice),
  failbackProcessingDelay: durationField(nonNegative).prefault(c.failbackProcessingDelay),
  reprotectOnPremises: mapping({
    after: durationField(nonNegative).prefault(c.reprotectOnPremisesAfter),
    fixed: durationDistribution().prefault(c.reprotectOnPremisesFixed),
  })
    .transform((r) => ({ afterSec: r.after, fixedSec: r.fixed }))
    .optional(),
}).transform(
  (x): CycleSpec => ({
    architecture: x.architecture,
    failoverAtSec: x.failoverAt,
    choice: x.choice,
    shutdownFirst: x.shutdownFirst,
    outcome: x.cancel ? 'cancel' : 'commit',
    commitAfterSec: x.commitAfter,
    reprotect:
      x.reprotect === undefined
        ? null
        : { ...x.reprotect, processServer: x.reprotect.processServer ?? (x.architecture === 'classic' ? c.processServer : null) },
    failbackAtSec: x.failbackAt ?? null,
    failbackChoice: x.failbackChoice,
    failbackProcessingDelaySec: x.failbackProcessingDelay,
    reprotectOnPremises: x.reprotectOnPremises ?? null,
  }),
);
