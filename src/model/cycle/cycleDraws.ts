import type { RandomStream } from '../../engine/random.js';
import type { CycleSpec, FailoverSpec } from '../../scenario/types.js';
import { sampleDistribution } from '../sampleDistribution.js';

/** The random parts of one VM's cycle after the failover to Azure (which uses the failover's own draws). */
export interface CycleDraws {
  reprotectFixedSec: number;
  /** How far failback replication is behind when the Azure VM shuts down (sets the final sync). */
  failbackSyncLagSec: number;
  /** Failback reuses the failover's shutdown, job and boot distributions (assumption: same kind of job). */
  failbackShutdownSec: number;
  failbackJobSec: number;
  failbackBootSec: number;
  /** Where in the 60-min app-consistent cycle the failback falls: uniform on [0, 1). */
  appPhase: number;
  resyncFixedSec: number;
}

/** Draws in a fixed order whatever the options, so that switching one on does not shift the others. */
export function drawCycle(cycle: CycleSpec, failover: FailoverSpec, rng: RandomStream): CycleDraws {
  const fixed = { kind: 'fixed' as const, value: 0 };
  return {
    reprotectFixedSec: sampleDistribution(cycle.reprotect?.fixedSec ?? fixed, rng),
    failbackSyncLagSec: sampleDistribution(cycle.failbackSyncLagSec, rng),
    failbackShutdownSec: sampleDistribution(failover.shutdownSec, rng),
    failbackJobSec: sampleDistribution(failover.jobSec, rng),
    failbackBootSec: sampleDistribution(failover.bootSec, rng),
    appPhase: rng.next(),
    resyncFixedSec: sampleDistribution(cycle.reprotectOnPremises?.fixedSec ?? fixed, rng),
  };
}
