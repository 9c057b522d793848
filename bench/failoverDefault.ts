import type { FailoverSpec } from '../src/scenario/types.js';

/** The scenario format's failover defaults, as typed values (see src/scenario/defaults.ts). */
export const FAILOVER_DEFAULT: FailoverSpec = {
  choices: ['latest', 'latest-processed', 'latest-app-consistent', 'custom'],
  customPointAgeSec: 3600,
  shutdownBeforeFailover: false,
  shutdownFailureProbability: 0.5,
  shutdownSec: { kind: 'uniform', min: 60, max: 300 },
  detectionSec: { kind: 'lognormal', mean: 1200, sd: 600 },
  jobSec: { kind: 'uniform', min: 300, max: 900 },
  extraProcessingSec: { kind: 'uniform', min: 480, max: 600 },
  bootSec: { kind: 'uniform', min: 120, max: 300 },
};
