import { defineConfig } from 'vitest/config';

// npm run test:browser: the reports in a real browser (test/browser/). Kept out of `npm test`: it simulates every
// shipped example and starts chromium, a few minutes on two cores.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 1_200_000,
  },
});
