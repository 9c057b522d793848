// How often each policy kind may place crash-consistent tags. Every kind has a floor (a tag is a simulated
// event per VM: a millisecond interval would mean billions of them); a kind may fix the interval outright.
// A new policy kind adds its entry here.
import type { Bound } from './fields.js';
import type { RecoveryPointPolicy } from './types.js';

/**
 * The shortest tag interval of any kind: finer than any product modelled (Zerto checkpoints every ~5 s, Veeam
 * CDP's RPO is at least 2 s), and fine enough for the analytical checks' near-continuous points (0.2 s).
 */
export const MIN_TAG_INTERVAL_SEC = 0.1;

export const atLeastMinTagInterval: Bound = {
  test: (v) => v >= MIN_TAG_INTERVAL_SEC,
  text: `>= ${MIN_TAG_INTERVAL_SEC}s`,
};

const ASR_CRASH_INTERVAL_SEC = 300;

export const CRASH_CONSISTENT_INTERVAL_RULES: Record<RecoveryPointPolicy['kind'], Bound> = {
  asr: {
    test: (v) => v === ASR_CRASH_INTERVAL_SEC,
    text: 'of exactly 5m: ASR fixes crash-consistent points at 5 minutes (kind periodic takes any interval)',
  },
  periodic: atLeastMinTagInterval,
};
