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
import {
  emitOpenapiTypes,
  OPENAPI_TS_OPTIONS,
  openapiTypesDocument,
  withOperationIds,
} from '../../generator/emit/openapi-types.ts';
import { emitPackageFiles } from '../../generator/emit/package.ts';
import { packageLicense, packageRepository } from '../../generator/model/build-package-meta.ts';
import { emitReadme } from '../../generator/emit/readme.ts';
import { generatedNotice } from '../../generator/header.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { PRETTIER_OPTIONS } from '../../generator/prettier-options.ts';
import { renderFiles } from '../../generator/write/render.ts';
import { FIXTURES, removeTempDirs, ROOT, writeSpec } from './helpers.ts';
import { danglingAnchors } from './readme-anchors.ts';
import { GeneratorError } from '../../generator/errors.ts';

afterAll(removeTempDirs);

async function modelOf(spec: string): Promise<ApiModel> {
  const ctx = resolveContext({ spec });
  return buildModel(await loadAndBundle(ctx), ctx);
}

/** A spec with a discriminator (openapi-typescript would patch the mapped schemas) and an operation without an id. */
const DISCRIMINATED = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1.0.0' },
  paths: {
    '/pets': {
      get: {
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind' },
      },
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
    const expected = astToString(
      await openapiTS(JSON.parse(JSON.stringify(withOperationIds(model))), OPENAPI_TS_OPTIONS),
    );
    expect(emitOpenapiTypes(model).text).toBe(expected);
  });

  it('leaves the model’s document alone (its copy for openapi-typescript loses the discriminator) and lists operations without an id', async () => {
    const model = await modelOf(await writeSpec(DISCRIMINATED));
    const before = JSON.stringify(model.bundled);
    const { text } = emitOpenapiTypes(model);
    expect(JSON.stringify(model.bundled)).toBe(before);
    expect(text).not.toContain('discriminator enum property added by openapi-typescript');
    expect(text).toMatch(/components\["schemas"\]\["Cat"\] & \{[^;]*kind: "Cat";/);
    expect(text).toMatch(/get: operations\["getPets"\];/);
    expect(text).toMatch(/\n {4}getPets: \{/);
    // What openapiTS() gives for the same document as it is given, also with the discriminator.
    expect(text).toBe(
      astToString(await openapiTS(openapiTypesDocument(model), OPENAPI_TS_OPTIONS)),
    );
  });
});

describe('package files of our spec', () => {
  let model: ApiModel;
  let files: Map<string, string>;
  beforeAll(async () => {
    model = await modelOf(join(ROOT, 'spec/openapi.yaml'));
    files = await renderFiles(
      [...emitPackageFiles(model), emitIndexModule()],
      generatedNotice(model),
    );
  });

  it('package.json: name, version, dual ESM/CommonJS exports with types conditions, license, pinned openapi-fetch, no spec hash', () => {
    const pkg = JSON.parse(files.get('package.json')!) as Record<string, unknown>;
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg).toMatchObject({
      name: 'gigs-sdk',
      version: model.info.version,
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      main: './dist/cjs/index.js',
      types: './dist/cjs/index.d.ts',
      exports: {
        '.': {
          import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
          require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
        },
        './testing': {
          import: {
            types: './dist/esm/testing/index.d.ts',
            default: './dist/esm/testing/index.js',
          },
          require: {
            types: './dist/cjs/testing/index.d.ts',
            default: './dist/cjs/testing/index.js',
          },
        },
        './openapi.json': './openapi.json',
        './package.json': './package.json',
      },
      files: ['dist', 'openapi.json', 'testing', 'CHANGELOG.md'],
      // The package builds itself before packing (build.mjs), with the toolchain's TypeScript
      // (and msw's types for the testing kit).
      scripts: { build: 'node build.mjs', prepack: 'node build.mjs' },
      engines: { node: '>=20' },
      dependencies: { 'openapi-fetch': root.dependencies['openapi-fetch'] },
      // The testing kit's msw: optional, so only projects that import the kit install it.
      peerDependencies: { msw: `^${root.devDependencies['msw']!}` },
      peerDependenciesMeta: { msw: { optional: true } },
      devDependencies: {
        msw: root.devDependencies['msw'],
        typescript: root.devDependencies['typescript'],
      },
      publishConfig: { access: 'public' },
      'x-generated': { notice: generatedNotice(model), spec: 'spec/openapi.yaml' },
    });
    // Nothing that changes with every spec edit: package.json changes only with the package's metadata.
    expect(JSON.stringify(pkg)).not.toContain(model.specHash);
    expect(generatedNotice(model)).not.toContain(model.specHash.slice(0, 8));
    const exports = pkg.exports as Record<string, Record<string, Record<string, string>>>;
    for (const condition of ['import', 'require'])
      expect(Object.keys(exports['.']![condition]!)).toEqual(['types', 'default']);
    expect(model.specHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tsconfig.json: strict, noUncheckedIndexedAccess, src → dist/esm with declarations, no ambient types, with the header as a comment', () => {
    const text = files.get('tsconfig.json')!;
    expect(text.startsWith(`// ${generatedNotice(model)}\n`)).toBe(true);
    const config = JSON.parse(text.replace(/^\/\/.*\n/, '')) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(config.compilerOptions).toMatchObject({
      strict: true,
      noUncheckedIndexedAccess: true,
      module: 'NodeNext',
      rootDir: 'src',
      outDir: 'dist/esm',
      declaration: true,
      types: [],
    });
  });

  it('openapi.json: the bundled spec, 2-space JSON, keys in spec order', () => {
    const text = files.get('openapi.json')!;
    expect(text).toBe(`${JSON.stringify(model.bundled, null, 2)}\n`);
    expect(Object.keys(JSON.parse(text) as object).slice(0, 3)).toEqual([
      'openapi',
      'info',
      'x-sdk',
    ]);
  });

  it('README.md: one section per resource, one example per operation, a section per feature, and prettier would not change it', async () => {
    const text = files.get('README.md')!;
    expect(text.startsWith(`<!-- ${generatedNotice(model)} -->\n\n# gigs-sdk\n`)).toBe(true);
    for (const resource of model.resources) {
      expect(text).toContain(`### \`client.${resource.name}\``);
      for (const operation of resource.operations)
        expect(text).toContain(`client.${resource.name}.${operation.sdk.method}(`);
    }
    expect(text).toContain("const plan = await client.plans.retrieve('");
    expect(text).toContain(
      "for await (const subscriptionChange of client.subscriptionChanges.list({\n  subscription: 'sub_",
    );
    // The request example as the body, and filters that have an example.
    expect(text).toContain(
      "const addon = await client.addons.update('add_0SNlurA049MEWV4VxLfwJc7PJtHc', {\n  name: '1GB Data Top-up',\n  description: 'Disable international roaming.',\n});",
    );
    expect(text).toContain("const page = await client.plans.list({ provider: ['p3', 'p9'] });");
    expect(text).toContain('// Reads GIGS_TOKEN and GIGS_PROJECT from the environment.');
    expect(text).toContain('- `project`: `GIGS_PROJECT`.');
    expect(text).toContain('- `baseURL`: `GIGS_BASE_URL`, else `https://api.gigs.com`.');
    // Features, each shown with an operation of the spec that has it.
    expect(text).toContain('const page = await client.plans.list({ limit: 20 });');
    expect(text).toContain("{ idempotencyKey: 'order-1234' },");
    expect(text).toContain('import { assertPlan, isPlan, validatePlan } from');
    expect(text).toContain(
      'const revived = revivePlan(plan);\nconsole.log(revived.createdAt.toISOString());',
    );
    expect(text).toContain(
      "const { data, error, response } = await api.GET('/projects/{project}/plans/{plan}', {",
    );
    const raw = emitReadme(model).text;
    expect(await format(raw, { ...PRETTIER_OPTIONS, parser: 'markdown' })).toBe(raw);
  });

  it('src/index.ts re-exports the types (type-only), guards, date helpers, client and resources', () => {
    expect(files.get('src/index.ts')).toBe(
      `// ${generatedNotice(model)}\n\nexport type * from './types.js';\nexport * from './guards.js';\nexport * from './dates.js';\nexport * from './client.js';\nexport * from './resources/index.js';\n`,
    );
  });
});

describe('package.json fields from the spec', () => {
  it.each([
    [
      'an SPDX identifier (3.1)',
      { license: { name: 'Apache License 2.0', identifier: 'Apache-2.0' } },
      'Apache-2.0',
    ],
    ['a name that is an SPDX id', { license: { name: 'MIT' } }, 'MIT'],
    ['an SPDX expression', { license: { name: 'MIT OR Apache-2.0' } }, 'MIT OR Apache-2.0'],
    [
      'a name that is not an SPDX id',
      { license: { name: 'Proprietary licence, see the website' } },
      'UNLICENSED',
    ],
    ['no license', {}, 'UNLICENSED'],
  ])('license: %s', (_name, info, want) => {
    expect(packageLicense({ info })).toBe(want);
  });

  it.each([
    [
      'a GitHub web URL',
      'https://github.com/acme/acme-sdk',
      { type: 'git', url: 'git+https://github.com/acme/acme-sdk.git' },
    ],
    [
      'a git URL as npm writes it',
      'git+https://example.com/acme/sdk.git',
      { type: 'git', url: 'git+https://example.com/acme/sdk.git' },
    ],
    [
      'a folder of a monorepo',
      { url: 'https://github.com/acme/monorepo/', directory: 'packages/sdk' },
      { type: 'git', url: 'git+https://github.com/acme/monorepo.git', directory: 'packages/sdk' },
    ],
    ['nothing', undefined, undefined],
  ])('repository: %s', (_name, repository, want) => {
    const doc = repository === undefined ? {} : { 'x-sdk': { repository } };
    expect(packageRepository(doc, 'api.yaml')).toEqual(want);
  });

  it.each([
    ['not a URL', 'acme/acme-sdk', '#/x-sdk/repository'],
    [
      'an absolute directory',
      { url: 'https://github.com/acme/monorepo', directory: '/packages/sdk' },
      '#/x-sdk/repository/directory',
    ],
  ])(
    'rejects a repository that is %s, naming the place and the fix',
    (_name, repository, pointer) => {
      const error = (() => {
        try {
          packageRepository({ 'x-sdk': { repository } }, 'api.yaml');
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as GeneratorError).location).toEqual({ file: 'api.yaml', pointer });
      expect((error as GeneratorError).hint).toContain('repository: https://github.com/');
    },
  );

  it('package.json carries the repository when the spec gives one', async () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Tiny', version: '2.0.0', license: { name: 'ISC', identifier: 'ISC' } },
      'x-sdk': { repository: 'https://github.com/acme/tiny-sdk' },
      paths: {},
    };
    const files = await renderFiles(
      emitPackageFiles(await modelOf(await writeSpec(spec))),
      'notice',
    );
    const pkg = JSON.parse(files.get('package.json')!) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: 'tiny-sdk',
      license: 'ISC',
      repository: { type: 'git', url: 'git+https://github.com/acme/tiny-sdk.git' },
    });
    expect(Object.keys(pkg).slice(0, 6)).toEqual([
      'name',
      'version',
      'description',
      'license',
      'repository',
      'type',
    ]);
  });

  // The titles of the corpus's public specs (test:corpus), and this spec's.
  it.each([
    ['T', 'T'],
    ['Lob', 'Lob'],
    ['Resend', 'Resend'],
    ['Swagger Petstore', 'Swagger Petstore'],
    ['Text Generation Inference', 'Text Generation Inference'],
    ['Tic Tac Toe', 'Tic Tac Toe'],
    ['Callback Example', 'Callback Example'],
    ['Gigs Core API', 'the Gigs Core API'],
    ['Figma API', 'the Figma API'],
    ['File storage API', 'the File storage API'],
    ['USPTO Data Set API', 'the USPTO Data Set API'],
    ['Xero Accounting API', 'the Xero Accounting API'],
    ['Stripe APIs', 'the Stripe APIs'],
    ['The Acme API', 'The Acme API'],
  ])('package.json and README.md name the API titled %j as %j', async (title, phrase) => {
    const model = await modelOf(
      await writeSpec({ openapi: '3.1.0', info: { title, version: '1.0.0' }, paths: {} }),
    );
    const files = await renderFiles(emitPackageFiles(model), 'notice');
    const pkg = JSON.parse(files.get('package.json')!) as { description: string };
    expect(pkg.description).toBe(
      `TypeScript client for ${phrase}, generated from its OpenAPI description.`,
    );
    expect(files.get('README.md')).toContain(`TypeScript client for ${phrase} (version 1.0.0)`);
  });
});

describe('README.md of other specs', () => {
  it('leaves out the sections of features the spec does not use, and links only to sections it has', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Pets', version: '1.0.0' },
      servers: [{ url: 'https://pets.example.com/v1' }],
      paths: {
        '/pets/{petId}': {
          get: {
            operationId: 'getPet',
            summary: 'Get a pet',
            parameters: [
              {
                name: 'petId',
                in: 'path',
                required: true,
                schema: { type: 'string' },
                example: 'rex',
              },
            ],
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    };
    const model = await modelOf(await writeSpec(spec));
    const text = emitReadme(model).text;

    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).not.toContain('Pagination');
    expect(headings).not.toContain('Idempotency');
    expect(headings).toEqual(
      expect.arrayContaining([
        'Configure',
        'Errors',
        'Retries',
        'Type guards',
        'Typed path client',
      ]),
    );
    expect(text).not.toContain('autoIdempotencyKeys');
    expect(text).not.toContain('token:');
    expect(text).toContain('- `baseURL`: `PETS_BASE_URL`, else `https://pets.example.com/v1`.');
    expect(text).toContain("const pet = await client.pets.get('rex');");
    // No params object: the per-call options come right after the path arguments.
    expect(text).toContain("const pet = await client.pets.get('rex', { maxRetries: 0 });");
    expect(danglingAnchors(text)).toEqual([]);
    expect(await format(text, { ...PRETTIER_OPTIONS, parser: 'markdown' })).toBe(text);
  });
});
