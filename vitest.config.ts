import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests run the committed dist/: refuse to run one built from other sources.
    globalSetup: ['test/support/dist-fresh.ts'],
    // Integration tests boot databases and child processes; the machine has two cores.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
