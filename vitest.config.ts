import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (the tests beside the code, in seconds:
 * `npm test -- --project unit`) and `scenario` (tests/: whole features over
 * HTTP, real builds, Chromium, both databases). `npm test` runs both.
 */
export default defineConfig({
  test: {
    // Two cores: more workers only fight over CPU during builds.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'scenario',
          include: ['tests/**/*.test.ts'],
          // Build and browser tests run real Astro builds and Chromium.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
