// How a VM's disks limit the rate at which Azure applies its replicated data.
import type { DiskSpec } from './types.js';

/**
 * The VM's apply rate, from its disks. A VM's stream interleaves its disks' writes, each disk taking its share
 * of the bytes, and a recovery point needs every disk applied up to it (a common point on all disks). Disk d
 * applies at most r_d, so the stream advances at most r_d ÷ share_d: the VM applies at the smallest of these,
 * and its slowest disk relative to its share of the churn delays the whole VM. Disks without churn limit nothing;
 * when no disk has churn (the initial copy only), the disks apply in parallel: the sum of their rates.
 *
 * Shares are constant (churnShare, or each disk's mean part of the VM's churn): an assumption, since a disk whose
 * churn peaks at other hours than the VM's has a larger part of the bytes then, and is slower then than this says.
 */
export function diskApplyRateBytesPerSec(disks: readonly DiskSpec[]): number {
  let rate = Infinity;
  for (const disk of disks) {
    if (disk.churnShareFraction > 0) rate = Math.min(rate, disk.applyRateBytesPerSec / disk.churnShareFraction);
  }
  return rate === Infinity ? disks.reduce((sum, disk) => sum + disk.applyRateBytesPerSec, 0) : rate;
}
