import { defineConfig } from 'vitest/config';

// npm run test:slurm: the opt-in test against a real Slurm (see test/slurm/, docs/sweeps.md). Its file does not
// end in .test.ts, so `npm test` leaves it out.
export default defineConfig({
  test: {
    include: ['test/slurm/**/*.slurm.ts'],
    // Jobs wait for free CPUs; on a busy 2-core machine the 8 tasks take minutes.
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
