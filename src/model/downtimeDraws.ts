import { bernoulli } from '../engine/distributions.js';
import type { RandomStream } from '../engine/random.js';
import type { FailoverSpec, VmSpec } from '../scenario/types.js';
import { sampleDistribution } from './sampleDistribution.js';

/** The random parts of one VM's failover at one disaster, shared by every failover choice (common random numbers). */
export interface DowntimeDraws {
  shutdownFails: boolean;
  shutdownSec: number;
  detectionSec: number;
  jobSec: number;
  extraProcessingSec: number;
  bootSec: number;
}

/** Physical servers, Linux VMware VMs, VMs without DHCP or without the boot drivers need 8–10 min more (domain.md §3). */
export function needsExtraProcessing(vm: VmSpec): boolean {
  return vm.machineKind !== 'windows' || !vm.dhcp || !vm.bootDrivers;
}

/**
 * Draws in a fixed order whatever the options, so that switching an option on does not shift the other draws.
 * Detection and decision is one site-wide delay per disaster, drawn by the caller.
 */
export function drawDowntime(spec: FailoverSpec, vm: VmSpec, detectionSec: number, rng: RandomStream): DowntimeDraws {
  const shutdownFails = bernoulli(rng, spec.shutdownFailureProbability);
  const shutdownSec = sampleDistribution(spec.shutdownSec, rng);
  const jobSec = sampleDistribution(spec.jobSec, rng);
  const extraProcessingSec = sampleDistribution(spec.extraProcessingSec, rng);
  const bootSec = sampleDistribution(spec.bootSecByMachineKind[vm.machineKind] ?? spec.bootSec, rng);
  return {
    shutdownFails,
    shutdownSec: spec.shutdownBeforeFailover ? shutdownSec : 0,
    detectionSec,
    jobSec,
    extraProcessingSec: needsExtraProcessing(vm) ? extraProcessingSec : 0,
    bootSec,
  };
}
