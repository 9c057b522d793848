import type { RandomStream } from '../../engine/random.js';
import type { CycleSpec, FailoverSpec, VmSpec } from '../../scenario/types.js';
import { sampleDistribution } from '../sampleDistribution.js';

/** The random parts of one VM's cycle after the failover to Azure (which uses the failover's own draws). */
export interface CycleDraws {
  reprotectFixedSec: number;
  /** Failback reuses the failover's shutdown, job and boot distributions (assumption: same kind of job). */
  failbackShutdownSec: number;
  failbackJobSec: number;
  failbackBootSec: number;
  resyncFixedSec: number;
}

/** Draws in a fixed order whatever the options, so that switching one on does not shift the others. */
export function drawCycle(cycle: CycleSpec, failover: FailoverSpec, vm: VmSpec, rng: RandomStream): CycleDraws {
  const fixed = { kind: 'fixed' as const, value: 0 };
  return {
    reprotectFixedSec: sampleDistribution(cycle.reprotect?.fixedSec ?? fixed, rng),
    failbackShutdownSec: sampleDistribution(failover.shutdownSec, rng),
    failbackJobSec: sampleDistribution(failover.jobSec, rng),
    failbackBootSec: sampleDistribution(failover.bootSecByMachineKind[vm.machineKind] ?? failover.bootSec, rng),
    resyncFixedSec: sampleDistribution(cycle.reprotectOnPremises?.fixedSec ?? fixed, rng),
  };
}
