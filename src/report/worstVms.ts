import type { VmSummary } from '../metrics/types.js';

/** Up to this many VMs are drawn one by one; beyond, the worst of them and an aggregate. */
export const VMS_DRAWN = 8;

const compliance = (vm: VmSummary) => vm.rpo?.fractionWithinThreshold ?? 1;
const p95 = (vm: VmSummary) => vm.rpo?.p95 ?? 0;

/** VMs from worst to best: lowest RPO compliance first, then highest p95 RPO. */
export function byWorstRpo(vms: readonly VmSummary[]): VmSummary[] {
  return [...vms].sort((a, b) => compliance(a) - compliance(b) || p95(b) - p95(a));
}

/** The VMs whose series are drawn: all of them when few, else the worst. */
export function drawnVms(vms: readonly VmSummary[]): string[] {
  return byWorstRpo(vms)
    .slice(0, VMS_DRAWN)
    .map((vm) => vm.name);
}
