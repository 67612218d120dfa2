import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus run has its own command and config (`npm run test:corpus`, vitest.corpus.config.ts).
    exclude: [...configDefaults.exclude, 'test/corpus/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Type tests (`*.test-d.ts`: expectTypeOf, @ts-expect-error) run through tsc in the same run,
    // against the committed generated/ package and the client fixture package.
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: 'test/types/tsconfig.json',
    },
  },
});
