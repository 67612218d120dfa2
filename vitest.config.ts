import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './test/sequencer.ts';

/**
 * The large seeded runs: GitHub's REST description, the generator fuzz (300 mutations), the
 * guards' differential test (100,000 values) and its split-guards twin (every spec of the
 * differential run with split guards against straight-line ones, and the large spec), and the
 * large spec (test/helpers/large-spec.ts: thousands of properties, variants and enum values)
 * generated and type checked whole. `npm run test:scale` (vitest.scale.config.ts) runs them, and
 * `npm run test:all`, CI and the pull-request workflow run that too; `npm test` leaves them out
 * to stay a few minutes long.
 */
export const SCALE_TESTS = [
  'test/**/*github*.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/guards/differential.test.ts',
  'test/guards/split.test.ts',
  'test/faults/large-schemas.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus run and the scale runs have their own commands and configs
    // (`npm run test:corpus`, vitest.corpus.config.ts; `npm run test:scale`, vitest.scale.config.ts).
    exclude: [...configDefaults.exclude, 'test/corpus/**', ...SCALE_TESTS],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files of a worker share its module cache: the generator, ts-morph, TypeScript, prettier
    // and Redocly load once per worker, not once per file (vitest's import time, summed over the
    // files, 208 s → 22 s; the run's CPU time 588 s → 516 s, wall 631 s → 557 s on a busy machine).
    // Every file writes into its own temp folders and restores the environment variables and the
    // working folder it changes; spies are restored after each test.
    isolate: false,
    restoreMocks: true,
    // Vitest's default is one worker per core but one, so on a 2-core machine the files ran one at a
    // time while most of them wait on child processes (tsc, Redocly, Chromium, the generator). Two
    // at least keep both cores busy; the tests share their expensive setup across files
    // (test/package/helpers/packed-package.ts) and write only into their own temp folders.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The slowest files start first (test/sequencer.ts), so no long file runs alone at the end.
    sequence: { sequencer: SlowestFirstSequencer },
    // Type tests (`*.test-d.ts`: expectTypeOf, @ts-expect-error) run through tsc in the same run,
    // against the committed generated/ package and the client fixture package.
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: 'test/types/tsconfig.json',
    },
  },
});
