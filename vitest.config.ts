import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // Simulation-heavy property tests and CLI tests spawn processes: give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
