import { defineConfig } from 'vitest/config';

// npm run test:compare: the shipped comparison (scenarios/compare/) run in full, and what docs/compare.md reads
// from it checked. Kept out of `npm test`: 48 simulations of ten VMs over ten days, about half a minute on two
// free cores.
export default defineConfig({
  test: {
    include: ['test/compare/**/*.long.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
