/**
 * The README the generator writes for GitHub's REST description (about 1,000 operations, 12 MB):
 * what prettier would write, with no link to a section it does not have. A scale run (the file
 * name puts it in `npm run test:scale`, vitest.config.ts `SCALE_TESTS`); test/generator/emit.test.ts
 * checks the same of the README of small specs in `npm test`.
 */
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { emitReadme } from '../../generator/emit/readme.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { PRETTIER_OPTIONS } from '../../generator/prettier-options.ts';
import { GITHUB_SPEC } from './helpers.ts';
import { danglingAnchors } from './readme-anchors.ts';

describe("README.md of GitHub's REST description", () => {
  it(
    'is what prettier would write (1,000 operations), with no dangling link',
    { timeout: 120_000 },
    async () => {
      const ctx = resolveContext({ spec: GITHUB_SPEC });
      const text = emitReadme(await buildModel(await loadAndBundle(ctx), ctx)).text;
      expect(danglingAnchors(text)).toEqual([]);
      expect(await format(text, { ...PRETTIER_OPTIONS, parser: 'markdown' })).toBe(text);
    },
  );
});
