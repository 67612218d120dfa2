/**
 * src/openapi.ts (openapi-typescript's types, for the typed path client) on schemas that contain
 * themselves through arrays and unions (issue 10, item 6): openapi-typescript writes them as
 * indexed accesses TypeScript rejects (TS2502); the emitter moves exactly those into recursive type
 * aliases, and the path client's types stay equal to src/types.ts's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { nameDeepRefs } from '../../generator/emit/openapi-types-refs.ts';
import { refChainRoot } from '../model/ref-chain.ts';
import { diagnostics, EQUAL, faultPackage, specPackage } from './package.ts';

afterAll(removeTempDirs);

describe('recursive array schemas in src/openapi.ts', () => {
  it('compile, and mean what src/types.ts says', async () => {
    const pkg = await faultPackage('recursive-array.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type { Holder, Nested, Ping, Pong, Tree } from './types.js';
same<components['schemas']['Nested'], Nested>(true);
same<components['schemas']['Ping'], Ping>(true);
same<components['schemas']['Pong'], Pong>(true);
same<components['schemas']['Tree'], Tree>(true);
same<components['schemas']['Holder'], Holder>(true);
export const nested: components['schemas']['Nested'] = [1, [2, [3]]];
// @ts-expect-error strings are not nested numbers
export const wrong: components['schemas']['Nested'] = ['1'];
`,
      }),
    ).toEqual([]);
  });

  it('moves only the cyclic schemas into aliases', async () => {
    const openapi = (await faultPackage('recursive-array.yaml')).files.get('src/openapi.ts')!;
    expect(openapi).toMatch(/Nested: RecursiveSchema0;/);
    expect(openapi).toMatch(/type RecursiveSchema0 = \(number \| RecursiveSchema0\)\[\];/);
    expect(openapi).toMatch(/Holder: \{/);
    expect(openapi.match(/^type RecursiveSchema\d+ =/gm)).toHaveLength(4);
  });

  it('leaves a spec without such schemas exactly as openapi-typescript writes it', async () => {
    const openapi = (await faultPackage('read-write.yaml')).files.get('src/openapi.ts')!;
    expect(openapi).not.toContain('RecursiveSchema');
  });
});

describe('refs to anything but a whole component in src/openapi.ts', () => {
  it('compile, and mean what they point at', async () => {
    const pkg = await faultPackage('deep-refs.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { paths } from './openapi.js';
type Created = paths['/orders']['post']['responses'][200]['content']['application/json'];
type Got = paths['/orders/{id}']['get']['responses'][200]['content']['application/json'];
type Sent = NonNullable<paths['/orders']['post']['requestBody']>['content']['application/json'];
same<Got, Created>(true);
same<NonNullable<Created['echo']>, Sent>(true);
same<Created['noteAgain'], string | undefined>(true);
same<Created['status'], 'open' | 'closed' | undefined>(true);
same<Sent['line'], { sku: string; quantity?: number } | undefined>(true);
same<paths['/orders/{id}']['get']['parameters']['query'], { dryRun?: boolean } | undefined>(true);
type Tree = paths['/tree']['get']['responses'][200]['content']['application/json'];
type Child = NonNullable<Tree['children']>[number];
same<Tree['name'], string>(true);
same<Child['name'], string>(true);
same<NonNullable<NonNullable<Child['children']>[number]['children']>[number]['name'], string>(true);
`,
      }),
    ).toEqual([]);
  });

  it('are followed under names spelled like keywords (the default response, a property called content)', async () => {
    const pkg = await faultPackage('keyword-names.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components, paths } from './openapi.js';
type Responses = paths['/notes']['get']['responses'];
type Problem = Responses[400]['content']['application/json'];
type Notes = Responses[200]['content']['application/json'];
same<Responses['default']['content']['application/json'], Problem>(true);
same<NonNullable<NonNullable<Notes['content']>['body']>, Problem>(true);
same<Notes['headers'], components['schemas']['Per%Cent'] | undefined>(true);
same<Notes['responses'], ('bad' | 'worse')[] | undefined>(true);
`,
      }),
    ).toEqual([]);
    const openapi = pkg.files.get('src/openapi.ts')!;
    expect(openapi).not.toMatch(/^\s*\* @deprecated/m);
    expect(openapi).toContain('\\@deprecated is only a word here.');
  });

  it('follow the places they named before openapi.ts renamed or dropped them (a 4xx key, a header)', async () => {
    // helper-114 1, 2.
    const pkg = await faultPackage('refs-into-rewritten.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { paths } from './openapi.js';
type A = paths['/a']['get'];
type B = paths['/b']['get'];
same<B['parameters']['query'], A['parameters']['query']>(true);
same<NonNullable<B['parameters']['query']>, { q?: number }>(true);
same<B['responses'][400]['content']['application/json'], { code: string }>(true);
`,
      }),
    ).toEqual([]);
  });

  it('each schema a ref points into is written once, however often it is referred to', () => {
    const document = { openapi: '3.0.3', components: { schemas: { Root: refChainRoot(24, 2) } } };
    const result = nameDeepRefs(document);
    expect(JSON.stringify(result).length).toBeLessThan(4 * JSON.stringify(document).length);
  });

  it('a ref that leads back into its own target goes into components.schemas, once', () => {
    const tree = {
      type: 'object',
      properties: {
        children: {
          type: 'array',
          items: { $ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema' },
        },
      },
    };
    const document = {
      openapi: '3.1.0',
      paths: {
        '/tree': {
          get: { responses: { 200: { content: { 'application/json': { schema: tree } } } } },
        },
        '/forest': {
          get: {
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: {
                      $ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema',
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const key = '#/paths/~1tree/get/responses/200/content/application~1json/schema';
    const result: Record<string, unknown> = nameDeepRefs(document);
    const schemas = (result.components as { schemas: Record<string, typeof tree> }).schemas;
    expect(Object.keys(schemas)).toEqual([key]);
    const hoistedRef =
      '#/components/schemas/#~1paths~1~01tree~1get~1responses~1200~1content~1application~01json~1schema';
    expect(schemas[key]!.properties.children.items).toEqual({ $ref: hoistedRef });
    // Refs that were not deep are left as they were; the input is not changed.
    expect(document.paths['/tree'].get.responses[200].content['application/json'].schema).toBe(
      tree,
    );
  });
});

describe('required names declared by a nullable allOf member in src/openapi.ts', () => {
  it('compile, and make those properties required', async () => {
    const pkg = await faultPackage('nullable-allof-required.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
type Cause = components['schemas']['Cause'];
export const cause: Cause = { code: 'E1', message: null, itemId: 'i' };
// @ts-expect-error code is required (Problem declares it)
export const noCode: Cause = { message: null, itemId: 'i' };
// @ts-expect-error message is required, though it may be null
export const noMessage: Cause = { code: 'E1', itemId: 'i' };
// @ts-expect-error itemId is required
export const noItem: Cause = { code: 'E1', message: null };
type Schedule = components['schemas']['MaybeSchedule'];
export const schedules: Schedule[] = [null, { start: '2026-01-01', interval: 'weekly' }];
// @ts-expect-error interval is required
export const noInterval: Schedule = { start: '2026-01-01' };
// @ts-expect-error interval may not be undefined
export const undefinedInterval: Schedule = { start: '2026-01-01', interval: undefined };
type Named = components['schemas']['NamedShape'];
export const named: Named = { kind: 'circle', name: 'c', radius: 1 };
// @ts-expect-error kind is required
export const noKind: Named = { name: 'c' };
`,
      }),
    ).toEqual([]);
  });
});

describe('what src/openapi.ts says beside the model', () => {
  it('writes lower-case range keys as the model reads them (2xx as 2XX), so the package compiles', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Ranges', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            responses: {
              '2xx': {
                description: 'ok',
                content: { 'application/json': { schema: { type: 'string' } } },
              },
              '4xx': {
                description: 'error',
                content: { 'application/json': { schema: { type: 'object' } } },
              },
            },
          },
        },
      },
    });
    expect(pkg.files.get('src/openapi.ts')).toMatch(/"?2XX"?: \{/);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('leaves out the header parameters OpenAPI ignores, as the methods do', async () => {
    const header = (name: string) => ({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
    });
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Headers', version: '1' },
      paths: {
        '/a': {
          parameters: [header('Accept')],
          get: {
            operationId: 'getA',
            parameters: [header('Authorization'), header('Content-Type'), header('X-Trace')],
            responses: { '204': { description: 'done' } },
          },
        },
      },
    });
    const openapi = pkg.files.get('src/openapi.ts')!;
    expect(openapi).toContain('"X-Trace": string;');
    expect(openapi).not.toMatch(/Authorization|Content-Type|Accept/);
    expect(diagnostics(pkg)).toEqual([]);
  });
});

describe('components that are only a $ref to another component, in src/openapi.ts', () => {
  // helper-107: openapi-typescript read `Alias: { $ref: '#/components/responses/Number' }` as a
  // response without content, and a parameter alias as a `string` parameter; the testing kit,
  // which reads a body's type from the response, did not compile.
  const integer = { type: 'integer' };
  const spec = (openapi: string, more: Record<string, unknown> = {}) => ({
    openapi,
    info: { title: 'Aliases', version: '1.0.0' },
    paths: {
      '/n': {
        post: {
          operationId: 'postN',
          parameters: [{ $ref: '#/components/parameters/PAlias' }],
          requestBody: { $ref: '#/components/requestBodies/BAlias' },
          responses: {
            '200': { $ref: '#/components/responses/RAlias' },
            '201': {
              description: 'created',
              headers: { 'X-Count': { $ref: '#/components/headers/HAlias' } },
            },
          },
        },
      },
    },
    components: {
      parameters: {
        PAlias: { $ref: '#/components/parameters/PAlias2' },
        PAlias2: { $ref: '#/components/parameters/P' },
        P: { name: 'p', in: 'query', required: true, schema: integer },
      },
      requestBodies: {
        BAlias: { $ref: '#/components/requestBodies/B' },
        B: { required: true, content: { 'application/json': { schema: integer } } },
      },
      responses: {
        RAlias: { $ref: '#/components/responses/R' },
        R: { description: 'a number', content: { 'application/json': { schema: integer } } },
      },
      headers: { HAlias: { $ref: '#/components/headers/H' }, H: { schema: integer } },
      ...more,
    },
  });
  const check = `${EQUAL}
import type { components, paths } from './openapi.js';
type Post = paths['/n']['post'];
same<components['responses']['RAlias'], components['responses']['R']>(true);
same<Post['responses'][200]['content']['application/json'], number>(true);
same<Post['parameters']['query']['p'], number>(true);
same<Post['requestBody']['content']['application/json'], number>(true);
same<components['headers']['HAlias'], number>(true);
`;

  it('are typed as the component they name, through aliases of aliases (3.0)', async () => {
    expect(diagnostics(await specPackage(spec('3.0.3')), { 'src/check.ts': check })).toEqual([]);
  });

  it('and a 3.1 path that is a $ref to components.pathItems has its operation once', async () => {
    const pkg = await specPackage({
      ...spec('3.1.0', {
        pathItems: {
          Shared: {
            get: {
              operationId: 'shared',
              responses: { '200': { $ref: '#/components/responses/RAlias' } },
            },
          },
        },
      }),
      paths: {
        ...spec('3.1.0').paths,
        '/shared': { $ref: '#/components/pathItems/Shared' },
      },
    });
    expect(pkg.files.get('src/openapi.ts')!.match(/^\s+shared: \{$/gm)).toHaveLength(1);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${check}
same<paths['/shared']['get']['responses'][200]['content']['application/json'], number>(true);
`,
      }),
    ).toEqual([]);
  });
});
