// Whether ASR would accept the design: the rules of its support matrix and of the Deployment Planner's
// "incompatible VMs" (domain.md §1, §5), checked on the scenario before it runs. A finding does not stop a run:
// rposim simulates the design as described, so that you can see what it costs.
import { PROCESS_SERVER_CHURN_LIMIT_BYTES_PER_SEC } from './defaults.js';
import { ASR_DISK_LIMITS, churnLimit, premiumTierFor, TIER_CAPACITY_BYTES } from './diskTargets.js';
import { meanChurnBytesPerSec } from './meanChurn.js';
import { peakChurnBytesPerSec } from './peakChurn.js';
import type { ChurnComponent, DiskSpec, Scenario, VmSpec } from './types.js';

/** error: ASR does not support it (the Deployment Planner lists the VM as incompatible); warning: it works worse. */
export type FindingSeverity = 'error' | 'warning';

export interface CompatibilityFinding {
  severity: FindingSeverity;
  /** A short name of the rule (the README lists them). */
  rule: string;
  processServer: string;
  /** '' for a process server's finding. */
  vm: string;
  /** '' for a VM's or a process server's finding. */
  disk: string;
  /** The figure checked and the limit it broke, in `unit`. */
  value: number;
  limit: number;
  unit: 'B/s' | 'B/day' | 'B' | 'disks';
  message: string;
}

const DAY_SEC = 86_400;
const mb = (bytesPerSec: number) => `${+(bytesPerSec / 1e6).toFixed(2)} MB/s`;
const gbPerDay = (bytesPerDay: number) => `${+(bytesPerDay / 1e9).toFixed(1)} GB/day`;
const gib = (bytes: number) => `${+(bytes / 2 ** 30).toFixed(1)} GiB`;
const churnMean = (churn: readonly ChurnComponent[]) => churn.reduce((s, c) => s + meanChurnBytesPerSec(c), 0);

/** Every finding of the scenario: process servers first, then VMs in order, each VM's disks in order. */
export function compatibilityFindings(scenario: Scenario): CompatibilityFinding[] {
  const findings: CompatibilityFinding[] = [];
  for (const ps of scenario.processServers) {
    const perDay = scenario.vms.filter((vm) => vm.processServer === ps.name).reduce((s, vm) => s + churnMean(vm.churn), 0) * DAY_SEC;
    const limit = PROCESS_SERVER_CHURN_LIMIT_BYTES_PER_SEC * DAY_SEC;
    if (perDay > limit) {
      findings.push({
        severity: 'error',
        rule: 'process-server-churn-per-day',
        processServer: ps.name,
        vm: '',
        disk: '',
        value: perDay,
        limit,
        unit: 'B/day',
        message: `its VMs' mean churn is ${gbPerDay(perDay)}, above ASR's limit of 2 TB/day per process server: add a process server`,
      });
    }
  }
  for (const vm of scenario.vms) findings.push(...vmFindings(vm, scenario.horizonSec));
  return findings;
}

function vmFindings(vm: VmSpec, horizonSec: number): CompatibilityFinding[] {
  const findings: CompatibilityFinding[] = [];
  const add = (severity: FindingSeverity, rule: string, disk: string, value: number, limit: number, unit: CompatibilityFinding['unit'], message: string) =>
    findings.push({ severity, rule, processServer: vm.processServer, vm: vm.name, disk, value, limit, unit, message });
  const peak = peakChurnBytesPerSec(vm.churn, horizonSec);
  if (peak > ASR_DISK_LIMITS.peakChurnPerVmBytesPerSec) {
    add('error', 'vm-peak-churn', '', peak, ASR_DISK_LIMITS.peakChurnPerVmBytesPerSec, 'B/s', `peak churn across all its disks is ${mb(peak)}, above ASR's 54 MB/s per VM`);
  }
  if (vm.disks > ASR_DISK_LIMITS.maxDisks) {
    add('error', 'disk-count', '', vm.disks, ASR_DISK_LIMITS.maxDisks, 'disks', `${vm.disks} disks: ASR replicates one OS disk and at most 64 data disks`);
  }
  const vmMean = churnMean(vm.churn);
  vm.diskList?.forEach((disk, i) => {
    for (const f of diskFindings(disk, i === 0, vm.churn, vmMean, horizonSec)) add(f.severity, f.rule, disk.name, f.value, f.limit, f.unit, f.message);
  });
  return findings;
}

type DiskFinding = Pick<CompatibilityFinding, 'severity' | 'rule' | 'value' | 'limit' | 'unit' | 'message'>;

function diskFindings(disk: DiskSpec, isOsDisk: boolean, vmChurn: readonly ChurnComponent[], vmMean: number, horizonSec: number): DiskFinding[] {
  const findings: DiskFinding[] = [];
  const { minDiskBytes, maxDataDiskBytes, maxOsDiskGen1Bytes, maxOsDiskGen2Bytes } = ASR_DISK_LIMITS;
  const size = disk.sizeBytes;
  if (size <= minDiskBytes) {
    findings.push({ severity: 'error', rule: 'disk-size', value: size, limit: minDiskBytes, unit: 'B', message: `${gib(size)}: ASR replicates disks larger than 1024 MB` });
  } else if (isOsDisk && size > maxOsDiskGen2Bytes) {
    findings.push({ severity: 'error', rule: 'os-disk-size', value: size, limit: maxOsDiskGen2Bytes, unit: 'B', message: `OS disk of ${gib(size)}: ASR supports OS disks up to 4,095 GB` });
  } else if (isOsDisk && size > maxOsDiskGen1Bytes) {
    findings.push({ severity: 'warning', rule: 'os-disk-size', value: size, limit: maxOsDiskGen1Bytes, unit: 'B', message: `OS disk of ${gib(size)}: above 2,048 GB, only Generation 2 machines are supported` });
  } else if (!isOsDisk && size > maxDataDiskBytes) {
    findings.push({ severity: 'error', rule: 'disk-size', value: size, limit: maxDataDiskBytes, unit: 'B', message: `${gib(size)}: ASR supports data disks up to 32,767 GB` });
  }
  const tierCapacity = TIER_CAPACITY_BYTES[disk.target];
  if (disk.target.startsWith('premium') && size > tierCapacity) {
    const tier = premiumTierFor(size);
    findings.push({
      severity: 'warning',
      rule: 'disk-tier-size',
      value: size,
      limit: tierCapacity,
      unit: 'B',
      message: `${gib(size)} does not fit ${disk.target} (${gib(tierCapacity)}): Azure sizes premium disks by capacity, so it would be ${tier ?? 'larger than P50'}, with other limits`,
    });
  }
  // The disk's churn: its own, or its share of the VM's (the VM's peak scaled by the share).
  const mean = disk.churn === null ? vmMean * disk.churnShareFraction : churnMean(disk.churn);
  const peak = disk.churn === null ? peakChurnBytesPerSec(vmChurn, horizonSec) * disk.churnShareFraction : peakChurnBytesPerSec(disk.churn, horizonSec);
  const limit = churnLimit(disk.target, disk.ioSizeBytes);
  if (mean > limit.bytesPerSec) {
    findings.push({ severity: 'error', rule: 'disk-churn', value: mean, limit: limit.bytesPerSec, unit: 'B/s', message: `mean churn ${mb(mean)}, above ASR's ${mb(limit.bytesPerSec)} for ${limit.row}: replication cannot keep up` });
  } else if (mean * DAY_SEC > limit.bytesPerDay) {
    findings.push({ severity: 'error', rule: 'disk-churn-per-day', value: mean * DAY_SEC, limit: limit.bytesPerDay, unit: 'B/day', message: `mean churn ${gbPerDay(mean * DAY_SEC)}, above ASR's ${gbPerDay(limit.bytesPerDay)} for ${limit.row}` });
  } else if (peak > limit.bytesPerSec) {
    findings.push({ severity: 'warning', rule: 'disk-peak-churn', value: peak, limit: limit.bytesPerSec, unit: 'B/s', message: `peak churn ${mb(peak)}, above ASR's ${mb(limit.bytesPerSec)} for ${limit.row}: a backlog builds at peaks` });
  }
  return findings;
}
