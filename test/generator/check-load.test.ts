/**
 * `generate --check` on an up-to-date folder proves it from the generation record and answers in
 * a fraction of a second because it loads none of the heavy libraries (TypeScript, ts-morph,
 * openapi-typescript, openapi-core, prettier). The launcher runs it from the ES-module build
 * (scripts/generate.mjs), whose chunks esbuild forms from the import graph: one static import of
 * an emitter (a constant from emit/package.ts did it once) pulls TypeScript's 10 MB chunk in.
 * This reads the build's static import graph from the modules `--check` loads, and the sources
 * each chunk holds (its source map).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureGeneratorBuild } from '../../scripts/generator-build.mjs';

const HEAVY =
  /node_modules\/(?:typescript|ts-morph|@ts-morph\/common|openapi-typescript|@redocly\/openapi-core|prettier)\//;

describe('generate --check', () => {
  it('loads no chunk that holds TypeScript, ts-morph, openapi-typescript, openapi-core or prettier', async () => {
    const build = await ensureGeneratorBuild();
    const staticImports = (file: string) =>
      [
        ...readFileSync(join(build, file), 'utf8').matchAll(
          /(?:from|import)\s*"\.\/([^"]+\.mjs)"/g,
        ),
      ].map((match) => match[1]!);
    // cli.mjs, and what it imports on demand for a run: index.mjs and write/check.ts's chunk.
    const check = readdirSync(build).find((file) => /^check-[\w-]+\.mjs$/.test(file));
    expect(check).toBeDefined();
    const loaded = new Set<string>();
    const stack = ['cli.mjs', 'index.mjs', check!];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      stack.push(...staticImports(file));
    }
    const heavy = [...loaded].flatMap((file) => {
      const { sources } = JSON.parse(readFileSync(join(build, `${file}.map`), 'utf8')) as {
        sources: string[];
      };
      const found = sources.find((source) => HEAVY.test(source));
      return found === undefined ? [] : [`${file}: ${found}`];
    });
    expect(heavy).toEqual([]);
  }, 120_000);
});
