/**
 * A large, real, general spec: GitHub's REST description (about 1,000 operations, 900 schemas, no
 * x-sdk extensions) generates without error, and the package compiles under strict tsc.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.ts';
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

      // The files too large to format are named (write/render.ts FORMAT_LIMIT): each over 2 MiB,
      // and every file over it but src/openapi.ts (which the rules format at any size).
      const sizes = await Promise.all(
        result.files.map(
          async (file) => [file, (await readFile(join(out, file), 'utf8')).length] as const,
        ),
      );
      expect(result.asPrinted).toEqual(
        sizes
          .filter(
            ([file, size]) =>
              size > 2 * 1024 * 1024 && file.endsWith('.ts') && file !== 'src/openapi.ts',
          )
          .map(([file]) => file),
      );
      expect(result.asPrinted).toContain('src/guards.ts');

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

  it(
    'says which files are too large to format, on the command line',
    { timeout: 120_000 },
    async () => {
      const out = join(await tempDir('github-cli-'), 'sdk');
      const stderr: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = (chunk: string) => stderr.push(String(chunk)) > 0;
      try {
        expect(await main(['--spec', GITHUB_SPEC, '--out', out, '--no-cache'])).toBe(0);
      } finally {
        process.stderr.write = write;
      }
      const note = stderr
        .join('')
        .split('\n')
        .find((line) => line.startsWith('note: '));
      expect(note).toMatch(/^note: \S+\/sdk\/src\/guards\.ts(, \S+)* (and \S+ )?are over 2 MiB/);
      expect(note).toContain("not in prettier's form); leave them out of a prettier --check");
    },
  );
});
