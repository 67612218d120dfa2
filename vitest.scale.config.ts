import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:scale`: the runs on GitHub's REST description (@octokit/openapi, 12 MB): the
 * generator, strict tsc of its files, and the guards on it. They take most of a minute each, so
 * they have their own command to keep `npm test` short; `npm run test:all` and CI run them.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/**/*github*.test.ts'],
    exclude: configDefaults.exclude,
    typecheck: { enabled: false },
  },
});
