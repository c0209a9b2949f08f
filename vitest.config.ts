import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    // Build and browser tests run real Astro builds and Chromium.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: more workers only fight over CPU during builds.
    maxWorkers: 2,
  },
});
