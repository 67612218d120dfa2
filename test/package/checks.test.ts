/**
 * The ecosystem's own checks on the packed tarball (what `npm publish` would upload): publint
 * reports nothing, not even a suggestion, and Are the Types Wrong? finds no problem for node10,
 * node16 (from ESM and from CommonJS) and bundler resolution. Also: the tarball holds only what
 * users need, and the package.json fields publishing relies on are there.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { packedPackage, type PackedPackage } from './helpers/packed-package.ts';

let packed: PackedPackage;
beforeAll(async () => {
  packed = await packedPackage();
});

/** The four resolution modes attw checks by default (its "strict" profile). */
const RESOLUTION_KINDS = ['node10', 'node16-cjs', 'node16-esm', 'bundler'] as const;

interface AttwReport {
  analysis: {
    problems?: unknown[];
    entrypoints: Record<
      string,
      {
        resolutions: Record<
          string,
          { resolution?: { fileName: string; isTypeScript: boolean; isJson: boolean } }
        >;
      }
    >;
  };
  problems?: Record<string, unknown>;
}

describe('the packed tarball', () => {
  it('passes publint with no errors, warnings or suggestions', async () => {
    const bytes = await readFile(packed.tarball);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('has no problem for Are the Types Wrong? under node10, node16 (ESM and CJS) and bundler', async () => {
    const attw = join(
      createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json'),
      '../dist/index.js',
    );
    const result = await run(
      process.execPath,
      [attw, packed.tarball, '--format', 'json', '--no-color'],
      { timeoutMs: 60_000 },
    );
    expect(result.code, result.output).toBe(0);
    const report = JSON.parse(result.stdout) as AttwReport;

    expect(report.analysis.problems ?? []).toEqual([]);
    expect(report.problems ?? {}).toEqual({});
    const root = report.analysis.entrypoints['.'];
    expect(Object.keys(root?.resolutions ?? {}).sort()).toEqual([...RESOLUTION_KINDS].sort());
    // Each mode finds TypeScript declarations: the CommonJS ones where `require` (or no condition) applies.
    const typesFile = (kind: string) =>
      root?.resolutions[kind]?.resolution?.fileName.replace(/^.*\/node_modules\/[^/]+\//, '');
    expect(RESOLUTION_KINDS.map((kind) => [kind, typesFile(kind)])).toEqual([
      ['node10', 'dist/cjs/index.d.ts'],
      ['node16-cjs', 'dist/cjs/index.d.ts'],
      ['node16-esm', 'dist/esm/index.d.ts'],
      ['bundler', 'dist/esm/index.d.ts'],
    ]);
    // The testing kit's own entry point resolves in every mode too (node10 through testing/package.json).
    const kit = report.analysis.entrypoints['./testing'];
    const kitTypes = (kind: string) =>
      kit?.resolutions[kind]?.resolution?.fileName.replace(/^.*\/node_modules\/[^/]+\//, '');
    expect(RESOLUTION_KINDS.map((kind) => [kind, kitTypes(kind)])).toEqual([
      ['node10', 'dist/cjs/testing/index.d.ts'],
      ['node16-cjs', 'dist/cjs/testing/index.d.ts'],
      ['node16-esm', 'dist/esm/testing/index.d.ts'],
      ['bundler', 'dist/esm/testing/index.d.ts'],
    ]);
  });

  it("holds only the builds, the spec, the README, the changelog, package.json and the testing kit's stub", () => {
    const outside = packed.tarballFiles.filter((file) => !/^dist\/(esm|cjs)\//.test(file));
    // testing/package.json leads `<package>/testing` to the build where `exports` is ignored (node10).
    expect(outside).toEqual([
      'CHANGELOG.md',
      'README.md',
      'openapi.json',
      'package.json',
      'testing/package.json',
    ]);
    for (const format of ['esm', 'cjs']) {
      const built = packed.tarballFiles.filter((file) => file.startsWith(`dist/${format}/`));
      const js = built.filter((file) => file.endsWith('.js')).map((file) => file.slice(0, -3));
      const dts = built.filter((file) => file.endsWith('.d.ts')).map((file) => file.slice(0, -5));
      // Every module has its declarations, and nothing else (no sources, maps or tsconfig) is shipped.
      expect(js.length).toBeGreaterThan(10);
      expect(dts).toEqual(js);
      expect(built.filter((file) => !file.endsWith('.js') && !file.endsWith('.d.ts'))).toEqual(
        format === 'cjs' ? ['dist/cjs/package.json'] : [],
      );
    }
  });

  it('package.json: exports with types conditions, sideEffects, engines, license, openapi-fetch as the one dependency', async () => {
    const pkg = JSON.parse(
      await readFile(join(packed.packageDir, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    const root = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(pkg).toMatchObject({
      type: 'module',
      sideEffects: false,
      main: './dist/cjs/index.js',
      types: './dist/cjs/index.d.ts',
      exports: {
        '.': {
          import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
          require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
        },
      },
      engines: { node: expect.stringMatching(/^>=\d+/) as unknown },
      license: expect.any(String) as unknown,
      dependencies: { 'openapi-fetch': root.dependencies['openapi-fetch'] },
    });
    expect(Object.keys(pkg.dependencies as object)).toEqual(['openapi-fetch']);
    // The package builds itself before packing (prepack) with its TypeScript devDependency;
    // installing it runs nothing (no install, postinstall or prepare script).
    expect(pkg.devDependencies).toEqual({
      msw: expect.any(String) as unknown,
      typescript: expect.any(String) as unknown,
    });
    expect(pkg.scripts).toEqual({ build: 'node build.mjs', prepack: 'node build.mjs' });
    const cjsMarker = JSON.parse(
      await readFile(join(packed.packageDir, 'dist/cjs/package.json'), 'utf8'),
    ) as unknown;
    expect(cjsMarker).toEqual({ type: 'commonjs' });
  });
});
