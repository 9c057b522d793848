// ASR's published limits on disks (VMware/physical to Azure support matrix: "Churn limits", "Azure VM
// requirements"; Deployment Planner report: premium tiers by size). MB = 10^6 bytes as everywhere in rposim; disk
// capacities are Azure's binary GiB.
import type { DiskTarget } from './types.js';

const MB = 1e6;
const GB = 1e9;
const KB = 1e3;
const GIB = 2 ** 30;

export interface ChurnLimit {
  /** Average source disk data churn the target supports. */
  bytesPerSec: number;
  /** Total source disk data churn per day. */
  bytesPerDay: number;
  /** The row of ASR's table that applies, for messages: "premium P10/P15 at 16 KB I/O". */
  row: string;
}

type Family = 'standard' | 'premium-small' | 'premium-large';

const FAMILY: Record<DiskTarget, Family> = {
  'standard-hdd': 'standard',
  'standard-ssd': 'standard',
  'premium-p10': 'premium-small',
  'premium-p15': 'premium-small',
  'premium-p20': 'premium-large',
  'premium-p30': 'premium-large',
  'premium-p40': 'premium-large',
  'premium-p50': 'premium-large',
};

/**
 * Per family, rows by the smallest average I/O size they apply to (ascending). ASR lists standard storage at 8 KB
 * only: its 2 MB/s applies at every size (assumption). Sizes below 8 KB take the 8 KB row.
 */
const TABLE: Record<Family, { fromIoBytes: number; mbPerSec: number; gbPerDay: number; label: string }[]> = {
  standard: [{ fromIoBytes: 0, mbPerSec: 2, gbPerDay: 168, label: 'standard storage' }],
  'premium-small': [
    { fromIoBytes: 0, mbPerSec: 2, gbPerDay: 168, label: 'premium P10/P15 at 8 KB I/O' },
    { fromIoBytes: 16 * KB, mbPerSec: 4, gbPerDay: 336, label: 'premium P10/P15 at 16 KB I/O' },
    { fromIoBytes: 32 * KB, mbPerSec: 8, gbPerDay: 672, label: 'premium P10/P15 at 32 KB I/O or more' },
  ],
  'premium-large': [
    { fromIoBytes: 0, mbPerSec: 5, gbPerDay: 421, label: 'premium P20-P50 at 8 KB I/O' },
    { fromIoBytes: 16 * KB, mbPerSec: 20, gbPerDay: 1684, label: 'premium P20-P50 at 16 KB I/O or more' },
  ],
};

/** ASR's churn limit for one disk replicating to this target at this average I/O size. */
export function churnLimit(target: DiskTarget, ioSizeBytes: number): ChurnLimit {
  const rows = TABLE[FAMILY[target]];
  const row = rows.filter((r) => ioSizeBytes >= r.fromIoBytes).at(-1) ?? rows[0]!;
  return { bytesPerSec: row.mbPerSec * MB, bytesPerDay: row.gbPerDay * GB, row: row.label };
}

/** Capacity of each premium tier (a premium disk's tier follows from its size); standard disks go up to 32 TiB. */
export const TIER_CAPACITY_BYTES: Record<DiskTarget, number> = {
  'standard-hdd': 32_767 * GIB,
  'standard-ssd': 32_767 * GIB,
  'premium-p10': 128 * GIB,
  'premium-p15': 256 * GIB,
  'premium-p20': 512 * GIB,
  'premium-p30': 1024 * GIB,
  'premium-p40': 2048 * GIB,
  'premium-p50': 4096 * GIB,
};

/** The premium tier a disk of this size maps to (Azure picks it by size), or null above P50. */
export function premiumTierFor(sizeBytes: number): DiskTarget | null {
  const tiers = ['premium-p10', 'premium-p15', 'premium-p20', 'premium-p30', 'premium-p40', 'premium-p50'] as const;
  return tiers.find((tier) => sizeBytes <= TIER_CAPACITY_BYTES[tier]) ?? null;
}

/** ASR's limits on a replicated machine's disks and churn (support matrix; Deployment Planner). */
export const ASR_DISK_LIMITS = {
  /** A disk must be larger than 1024 MB. */
  minDiskBytes: 1024 * MB,
  /** Data disks up to 32,767 GB when replicating to managed disks. */
  maxDataDiskBytes: 32_767 * GIB,
  /** OS disk: up to 2,048 GB on Generation 1 machines, 4,095 GB on Generation 2. */
  maxOsDiskGen1Bytes: 2048 * GIB,
  maxOsDiskGen2Bytes: 4095 * GIB,
  /** One OS disk and at most 64 data disks. */
  maxDisks: 65,
  /** Peak data churn across all disks of a VM. */
  peakChurnPerVmBytesPerSec: 54 * MB,
} as const;
