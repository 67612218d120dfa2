/**
 * The pipeline's own emitters: openapi.ts (and its drift check against `openapiTS()`), types.ts,
 * the package files (package.json, tsconfig.json, openapi.json, README.md) and index.ts.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { format } from 'prettier';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { emitIndexModule } from '../../generator/emit/index-module.ts';
import { emitOpenapiTypes, OPENAPI_TS_OPTIONS, withOperationIds } from '../../generator/emit/openapi-types.ts';
import { emitPackageFiles } from '../../generator/emit/package.ts';
import { emitReadme } from '../../generator/emit/readme.ts';
import { generatedNotice } from '../../generator/header.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { PRETTIER_OPTIONS } from '../../generator/write/format.ts';
import { renderFiles } from '../../generator/write/render.ts';
import { FIXTURES, removeTempDirs, ROOT, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

async function modelOf(spec: string): Promise<ApiModel> {
  const ctx = resolveContext({ spec });
  return buildModel(await loadAndBundle(ctx), ctx);
}

/** A spec with a discriminator (openapi-typescript patches the mapped schemas) and an operation without an id. */
const DISCRIMINATED = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1.0.0' },
  paths: {
    '/pets': {
      get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } },
    },
  },
  components: {
    schemas: {
      Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
      Cat: { type: 'object', properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      Dog: { type: 'object', properties: { kind: { type: 'string' } } },
    },
  },
};

describe('openapi.ts', () => {
  it.each([
    ['our spec', join(ROOT, 'spec/openapi.yaml')],
    ['hostile 3.1', join(FIXTURES, 'hostile/hostile-3.1.yaml')],
    ['hostile 3.0', join(FIXTURES, 'hostile/hostile-3.0.yaml')],
  ])('is exactly what openapiTS() gives for the same document (%s)', async (_name, spec) => {
    const model = await modelOf(spec);
    const expected = astToString(await openapiTS(JSON.parse(JSON.stringify(withOperationIds(model))), OPENAPI_TS_OPTIONS));
    expect(emitOpenapiTypes(model).text).toBe(expected);
  });

  it('leaves the model’s document alone (openapi-typescript patches discriminated schemas) and lists operations without an id', async () => {
    const model = await modelOf(await writeSpec(DISCRIMINATED));
    const before = JSON.stringify(model.bundled);
    const { text } = emitOpenapiTypes(model);
    expect(JSON.stringify(model.bundled)).toBe(before);
    expect(text).toContain('discriminator enum property added by openapi-typescript');
    expect(text).toMatch(/get: operations\["getPets"\];/);
    expect(text).toMatch(/\n {4}getPets: \{/);
    // The same document as openapiTS() sees it, also with the discriminator.
    expect(text).toBe(astToString(await openapiTS(JSON.parse(JSON.stringify(withOperationIds(model))), OPENAPI_TS_OPTIONS)));
  });
});

describe('package files of our spec', () => {
  let model: ApiModel;
  let files: Map<string, string>;
  beforeAll(async () => {
    model = await modelOf(join(ROOT, 'spec/openapi.yaml'));
    files = await renderFiles([...emitPackageFiles(model), emitIndexModule()], generatedNotice(model));
  });

  it('package.json: name, version, ESM, exports with types conditions, tsc build, pinned openapi-fetch, the spec hash', () => {
    const pkg = JSON.parse(files.get('package.json')!) as Record<string, unknown>;
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg).toMatchObject({
      name: 'gigs-sdk',
      version: model.info.version,
      type: 'module',
      sideEffects: false,
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './openapi.json': './openapi.json' },
      scripts: { build: 'tsc -p tsconfig.json' },
      dependencies: { 'openapi-fetch': root.dependencies['openapi-fetch'] },
      'x-generated': { notice: generatedNotice(model), spec: 'spec/openapi.yaml', sha256: model.specHash },
    });
    expect(Object.keys((pkg.exports as Record<string, unknown>)['.'] as object)[0]).toBe('types');
    expect(model.specHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tsconfig.json: strict, noUncheckedIndexedAccess, src → dist, with the header as a comment', () => {
    const text = files.get('tsconfig.json')!;
    expect(text.startsWith(`// ${generatedNotice(model)}\n`)).toBe(true);
    const config = JSON.parse(text.replace(/^\/\/.*\n/, '')) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true, rootDir: 'src', outDir: 'dist', declaration: true });
  });

  it('openapi.json: the bundled spec, 2-space JSON, keys in spec order', () => {
    const text = files.get('openapi.json')!;
    expect(text).toBe(`${JSON.stringify(model.bundled, null, 2)}\n`);
    expect(Object.keys(JSON.parse(text) as object).slice(0, 3)).toEqual(['openapi', 'info', 'x-sdk']);
  });

  it('README.md: one section per resource, one example per operation, and prettier would not change it', async () => {
    const text = files.get('README.md')!;
    expect(text.startsWith(`<!-- ${generatedNotice(model)} -->\n\n# gigs-sdk\n`)).toBe(true);
    for (const resource of model.resources) {
      expect(text).toContain(`### \`client.${resource.name}\``);
      for (const operation of resource.operations) expect(text).toContain(`client.${resource.name}.${operation.sdk.method}(`);
    }
    expect(text).toContain("const plan = await client.plans.retrieve('");
    expect(text).toContain('for await (const subscriptionChange of client.subscriptionChanges.list()) {');
    expect(text).toContain('// Reads GIGS_TOKEN and GIGS_PROJECT from the environment unless given here.');
    const raw = emitReadme(model).text;
    expect(await format(raw, { ...PRETTIER_OPTIONS, parser: 'markdown' })).toBe(raw);
  });

  it('src/index.ts re-exports the types (type-only), guards, client and resources', () => {
    expect(files.get('src/index.ts')).toBe(
      `// ${generatedNotice(model)}\n\nexport type * from './types.js';\nexport * from './guards.js';\nexport * from './client.js';\nexport * from './resources/index.js';\n`,
    );
  });
});
