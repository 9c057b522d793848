import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the fuzz test alone at full size (10,000 inputs, a short run for one in four that validate).
// RPOSIM_FUZZ_INPUTS, RPOSIM_FUZZ_RUN_EVERY and RPOSIM_FUZZ_SEED set from the environment take precedence.
export default defineConfig({
  test: {
    include: ['test/fuzz/fuzz.test.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    testTimeout: 3_600_000,
    env: {
      RPOSIM_FUZZ_INPUTS: process.env.RPOSIM_FUZZ_INPUTS ?? '10000',
      RPOSIM_FUZZ_RUN_EVERY: process.env.RPOSIM_FUZZ_RUN_EVERY ?? '4',
    },
  },
});
