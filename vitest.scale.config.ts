import { configDefaults, defineConfig } from 'vitest/config';
import base, { SCALE_TESTS } from './vitest.config.ts';

/**
 * `npm run test:scale`: the large seeded runs (vitest.config.ts `SCALE_TESTS`): on GitHub's REST
 * description (@octokit/openapi, 12 MB) the generator, its README, strict tsc of its files and
 * the guards; the generator fuzz (300 seeded mutations, `FUZZ_SEED`); the guards against ajv
 * (100,000 values, `GUARDS_SEED`). They take from half a minute to a few minutes each, so they
 * have their own command to keep `npm test` short; `npm run test:all`, CI and the pull-request
 * workflow run them.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: SCALE_TESTS,
    exclude: configDefaults.exclude,
    typecheck: { enabled: false },
  },
});
