// A VM's disks: `disks: 3` (a count, as before) or a list of disks with their size, target and churn.
import * as z from 'zod';
import { churnListSchema, type TraceTable } from './churnSchema.js';
import { DISK_DEFAULTS } from './defaults.js';
import { churnLimit } from './diskTargets.js';
import { between, enumField, fractionField, listOf, mapping, nameField, nonNegative, numberField, positive, rateField, sizeField } from './fields.js';
import { meanChurnBytesPerSec } from './meanChurn.js';
import { DISK_TARGETS, type DiskSpec } from './types.js';

/** A vSphere VM has at most 256 virtual disks. */
const MAX_DISKS = 256;

/** Shares within this of 100% add up to 100% (they are written as rounded percentages). */
const SHARE_SLACK = 1e-6;

function diskSchema(traces: TraceTable) {
  return mapping({
    name: nameField(),
    size: sizeField(positive),
    used: sizeField(nonNegative).prefault(DISK_DEFAULTS.used),
    target: enumField(DISK_TARGETS).default(DISK_DEFAULTS.target),
    ioSize: sizeField(positive).prefault(DISK_DEFAULTS.ioSize),
    applyRate: rateField(positive).optional(),
    churnShare: fractionField().optional(),
    churn: churnListSchema(traces).optional(),
  }).transform((d, ctx) => {
    if (d.used > d.size) ctx.addIssue({ code: 'custom', message: `a size no larger than the disk's size (${+(d.size / 1e9).toPrecision(6)} GB)`, path: ['used'] });
    if (d.churnShare !== undefined && d.churn !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'either churnShare (a part of the VM\'s churn) or churn (the disk\'s own), not both', path: ['churnShare'] });
    }
    return {
      name: d.name,
      sizeBytes: d.size,
      usedBytes: d.used,
      target: d.target,
      ioSizeBytes: d.ioSize,
      applyRateBytesPerSec: d.applyRate ?? churnLimit(d.target, d.ioSize).bytesPerSec,
      share: d.churnShare,
      churn: d.churn ?? null,
    };
  });
}

/**
 * The disk list: names unique; either every disk has its own churn or none has; churn shares add up to at most
 * 100%, the disks without one splitting the rest evenly (all of it when none has a share). With per-disk churn, a
 * disk's share is its part of the VM's mean churn.
 */
function diskListSchema(traces: TraceTable) {
  return listOf(diskSchema(traces), 'disks { name, size, used, target, ioSize, applyRate, churnShare | churn }')
    .min(1, 'at least one disk')
    .max(MAX_DISKS, `at most ${MAX_DISKS} disks (a vSphere VM's maximum)`)
    .transform((disks, ctx): DiskSpec[] => {
      const issue = (i: number, field: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [i, field] });
      const seen = new Set<string>();
      disks.forEach((d, i) => {
        if (seen.has(d.name)) issue(i, 'name', 'a name not used by another disk of this VM');
        seen.add(d.name);
      });
      const own = disks.filter((d) => d.churn !== null).length;
      if (own > 0 && own < disks.length) {
        issue(disks.findIndex((d) => d.churn === null), 'churn', 'churn on every disk of the VM, or on none (then the VM\'s churn is split by churnShare)');
      }
      const given = disks.reduce((sum, d) => sum + (d.share ?? 0), 0);
      const unshared = disks.filter((d) => d.share === undefined).length;
      if (given > 1 + SHARE_SLACK || (unshared === 0 && own === 0 && given < 1 - SHARE_SLACK)) {
        const last = disks.reduce((at, d, i) => (d.share === undefined ? at : i), 0);
        issue(last, 'churnShare', `churn shares that add up to 100% (these add up to ${+(given * 100).toFixed(4)}%)`);
      }
      const means = disks.map((d) => (d.churn === null ? 0 : d.churn.reduce((s, c) => s + meanChurnBytesPerSec(c), 0)));
      const total = means.reduce((s, m) => s + m, 0);
      return disks.map(({ share, ...d }, i) => ({
        ...d,
        churnShareFraction: own > 0 ? (total > 0 ? means[i]! / total : 0) : (share ?? Math.max(0, 1 - given) / unshared),
      }));
    });
}

/** `disks`: a count (initial-replication slots, as before) or the list of the VM's disks. */
export function disksField(traces: TraceTable) {
  return z.union([numberField(between(1, MAX_DISKS, `from 1 to ${MAX_DISKS} (a vSphere VM's maximum)`), { integer: true }), diskListSchema(traces)], {
    error: `a number of disks (an integer from 1 to ${MAX_DISKS}) or a list of disks { name, size, target, ... }`,
  });
}
