/**
 * A large, real, general spec: GitHub's REST description (about 1,000 operations, 900 schemas, no
 * x-sdk extensions) generates without error, and the package compiles under strict tsc.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import {
  tscProcess,
  findAnyKeywords,
  GITHUB_SPEC,
  linkNodeModules,
  removeTempDirs,
  tempDir,
} from './helpers.ts';

afterAll(removeTempDirs);

describe("GitHub's REST description", () => {
  it(
    'generates a package that compiles under strict tsc and holds no `any`',
    { timeout: 600_000 },
    async () => {
      const out = join(await tempDir('github-'), 'sdk');
      const started = performance.now();
      const result = await generate({ spec: GITHUB_SPEC, out });
      const seconds = (performance.now() - started) / 1000;
      const steps = Object.entries(result.timings)
        .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
        .join(', ');
      console.log(
        `GitHub: generated ${result.files.length} files in ${seconds.toFixed(1)} s (${steps})`,
      );

      expect(result.files).toEqual(
        expect.arrayContaining([
          'src/openapi.ts',
          'src/types.ts',
          'src/guards.ts',
          'src/client.ts',
          'src/resources/repos.ts',
        ]),
      );
      expect(
        result.files.filter((file) => file.startsWith('src/resources/')).length,
      ).toBeGreaterThan(30);

      await linkNodeModules(out);
      const compileStarted = performance.now();
      const compiled = tscProcess(out, 540_000);
      console.log(
        `GitHub: tsc --noEmit took ${((performance.now() - compileStarted) / 1000).toFixed(1)} s`,
      );
      expect(compiled.output).toBe('');
      expect(compiled.status).toBe(0);

      expect(await findAnyKeywords(out)).toEqual([]);
    },
  );
});
