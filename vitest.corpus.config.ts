import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpus`: the generator on every public description of the corpus (test/corpus/).
 * Generation runs once per spec in the global setup; the checks read what it wrote.
 */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    globalSetup: ['test/corpus/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    // Two tsc runs at a time: the machines have two cores.
    maxConcurrency: 2,
  },
});
