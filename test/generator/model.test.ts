/**
 * The model builder on small specs: resources and methods (explicit and derived), type names,
 * parameters, bodies and responses, pagination, auth, client options and names, and the errors
 * bad extensions give (file, pointer, fix).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { removeTempDirs, ROOT, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

type Json = Record<string, unknown>;

async function model(
  spec: Json,
  overrides: { name?: string; version?: string } = {},
): Promise<ApiModel> {
  const ctx = resolveContext({ spec: await writeSpec(spec), ...overrides });
  return buildModel(await loadAndBundle(ctx), ctx);
}

async function modelError(spec: Json): Promise<GeneratorError> {
  const error = await model(spec).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof GeneratorError))
    throw new Error(`expected a GeneratorError, got ${String(error)}`);
  return error;
}

const ok = {
  description: 'OK',
  content: {
    'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } },
  },
};

function api(paths: Json, extra: Json = {}): Json {
  return { openapi: '3.1.0', info: { title: 'Test API', version: '2.3.4' }, paths, ...extra };
}

describe('our spec', () => {
  let gigs: ApiModel;
  it('builds', async () => {
    const ctx = resolveContext({ spec: `${ROOT}spec/openapi.yaml` });
    gigs = await buildModel(await loadAndBundle(ctx), ctx);
    expect(gigs.openapiVersion).toBe('3.1');
  });

  it('maps every operation by its x-sdk-method, with the documented type names', () => {
    const byMethod = Object.fromEntries(
      gigs.operations.map((op) => [`${op.sdk.resource}.${op.sdk.method}`, op]),
    );
    // A body that is a named schema is typed by its name (`Plan`): no `…Response` of its own.
    expect(byMethod['plans.list']?.typeNames).toEqual({ params: 'PlanListParams' });
    expect(byMethod['subscriptionChanges.create']?.typeNames).toMatchObject({
      params: 'SubscriptionChangeCreateParams',
    });
    expect(byMethod['addons.retrieve']?.typeNames.response).toBeUndefined();
    expect(byMethod['planDocuments.list']?.typeNames.params).toBe('PlanDocumentListParams');
    expect(gigs.resources.map((resource) => [resource.name, resource.className])).toEqual([
      ['plans', 'Plans'],
      ['planDocuments', 'PlanDocuments'],
      ['subscriptionChanges', 'SubscriptionChanges'],
      ['addons', 'Addons'],
    ]);
  });

  it('settles the client: name, env prefix, package, options, auth and server', () => {
    expect(gigs.sdk).toMatchObject({
      clientName: 'Gigs',
      envPrefix: 'GIGS',
      packageName: 'gigs-sdk',
    });
    expect(gigs.sdk.clientOptions).toEqual([
      expect.objectContaining({
        name: 'project',
        envVar: 'GIGS_PROJECT',
        in: 'path',
        parameterName: 'project',
      }),
    ]);
    expect(gigs.auth).toEqual([
      expect.objectContaining({ kind: 'bearer', schemeName: 'bearerAuth' }),
    ]);
    expect(gigs.info.serverUrl).toBe('https://api.gigs.com');
  });

  it('marks the project parameter, idempotency keys and cursor pagination', () => {
    for (const op of gigs.operations) {
      expect(op.parameters.find((p) => p.name === 'project')).toMatchObject({
        clientDefault: 'option',
        clientOption: 'project',
      });
      expect(op.idempotent).toBe(op.method === 'post' || op.method === 'delete');
      expect(op.secured).toBe(true);
    }
    const list = gigs.operations.find((op) => op.operationId === 'listPlans')!;
    expect(list.pagination).toEqual({
      style: 'cursor',
      afterParam: 'after',
      beforeParam: 'before',
      limitParam: 'limit',
      itemsField: 'items',
      nextCursorField: 'moreItemsAfter',
      prevCursorField: 'moreItemsBefore',
    });
  });
});

describe('resources and methods without x-sdk-method', () => {
  it('derives them from the first tag (or path segment) and the operationId, collision-free', async () => {
    const m = await model(
      api({
        '/orgs/{org}/repos': {
          parameters: [{ name: 'org', in: 'path', required: true, schema: { type: 'string' } }],
          get: { operationId: 'repos/list-for-org', tags: ['repos'], responses: { '200': ok } },
          post: { operationId: 'repos/create-in-org', tags: ['repos'], responses: { '201': ok } },
        },
        '/repos': {
          get: { operationId: 'reposListForOrg', tags: ['repos'], responses: { '200': ok } },
          put: {
            operationId: 'list',
            tags: ['repos'],
            x_note: 1,
            'x-sdk-method': 'repos.listForOrg',
            responses: { '200': ok },
          },
        },
        '/meta': { get: { operationId: 'meta', responses: { '200': ok } } },
        '/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': ok },
          },
        },
      }),
    );
    expect(m.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`)).toEqual([
      // Derived `listForOrg` twice, and the explicit x-sdk-method below keeps it: each derived one
      // takes its whole operationId, a repeat a number; the operationId that is the name exactly
      // keeps it (a warning names the renamed one).
      'repos.reposListForOrg2',
      'repos.createInOrg',
      'repos.reposListForOrg',
      'repos.listForOrg',
      'meta.meta',
      // No operationId: named after what the path does; no segment names a resource: the API's
      // own, named after its title (`Test API` → `test`).
      'test.retrieve',
    ]);
    expect(m.operations.map((op) => op.typeNames.params)).toEqual([
      'RepoReposListForOrg2Params',
      'RepoCreateInOrgParams',
      'RepoReposListForOrgParams',
      'RepoListForOrgParams',
      'MetaMetaParams',
      'TestRetrieveParams',
    ]);
    expect(m.operations[5]!.operationId).toBe('getById');
  });

  it('derives the client name, env prefix and package name from info.title; flags win', async () => {
    const spec = { ...api({}), info: { title: 'GitHub v3 REST API', version: '1.1.4' } };
    expect((await model(spec)).sdk).toMatchObject({
      clientName: 'GitHubV3RESTAPI',
      envPrefix: 'GIT_HUB_V3_REST_API',
      packageName: 'git-hub-v3-rest-api-sdk',
      packageVersion: '1.1.4',
    });
    expect((await model(spec, { name: '@acme/github', version: '9.0.0' })).sdk).toMatchObject({
      packageName: '@acme/github',
      packageVersion: '9.0.0',
    });
    expect(
      (await model({ ...spec, info: { title: 'X', version: '2022-11-28' } })).sdk.packageVersion,
    ).toBe('0.0.0-2022-11-28');
    await expect(model(spec, { version: 'latest' })).rejects.toThrow(
      /--package-version: "latest" is not a semantic version/,
    );
    const named = await model({
      ...spec,
      'x-sdk': { clientName: 'Octo', envPrefix: 'OCTO_', packageName: 'octo-sdk' },
    });
    expect(named.sdk).toMatchObject({
      clientName: 'Octo',
      envPrefix: 'OCTO_',
      packageName: 'octo-sdk',
    });
  });
});

describe('parameters, bodies and responses', () => {
  it('merges path-level and operation parameters (operation wins), follows $refs, picks JSON and the success response', async () => {
    const m = await model(
      api(
        {
          '/things/{id}': {
            parameters: [
              { $ref: '#/components/parameters/Id' },
              { name: 'q', in: 'query', schema: { type: 'string' } },
            ],
            post: {
              operationId: 'make',
              parameters: [
                { name: 'q', in: 'query', required: true, schema: { type: 'integer' } },
                { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
                {
                  name: 'tenant',
                  in: 'header',
                  'x-sdk-client-option': true,
                  schema: { type: 'string' },
                },
              ],
              requestBody: { $ref: '#/components/requestBodies/Thing' },
              responses: {
                default: {
                  description: 'Error',
                  content: { 'application/problem+json': { schema: { type: 'object' } } },
                },
                '201': {
                  description: 'Created',
                  content: {
                    'text/plain': { schema: { type: 'string' } },
                    'application/json': { schema: { type: 'string' } },
                  },
                },
                '200': { description: 'OK' },
              },
              security: [],
            },
          },
        },
        {
          security: [{ key: [] }],
          components: {
            parameters: {
              Id: {
                name: 'id',
                in: 'path',
                required: true,
                schema: { type: 'string' },
                examples: { one: { value: 'thing_1' } },
              },
            },
            requestBodies: {
              Thing: {
                required: true,
                content: { 'application/json': { schema: { type: 'object' } } },
              },
            },
            securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
          },
        },
      ),
    );
    const op = m.operations[0]!;
    expect(
      op.parameters.map((p) => [p.in, p.name, p.required, p.schema.kind, p.clientDefault ?? '-']),
    ).toEqual([
      ['path', 'id', true, 'string', '-'],
      ['query', 'q', true, 'number', '-'],
      ['header', 'Idempotency-Key', false, 'string', 'idempotency-key'],
      ['header', 'tenant', false, 'string', 'option'],
    ]);
    expect(op.parameters[0]!.example).toBe('thing_1');
    expect(op.parameters[1]).toMatchObject({ style: 'form', explode: true });
    expect(op.parameters[2]).toMatchObject({ style: 'simple', explode: false });
    expect(op.idempotent).toBe(true);
    expect(op.secured).toBe(false);
    expect(op.body).toMatchObject({ required: true, contentType: 'application/json' });
    // Status codes are integer-like keys: JSON objects in JavaScript list them first, ascending.
    expect(op.responses.map((r) => [r.status, r.contentType ?? '-'])).toEqual([
      ['200', '-'],
      ['201', 'application/json'],
      ['default', 'application/problem+json'],
    ]);
    expect(op.successResponse?.status).toBe('200');
    expect(m.sdk.clientOptions).toEqual([
      expect.objectContaining({ name: 'tenant', envVar: 'TEST_API_TENANT', in: 'header' }),
    ]);
    expect(m.auth).toEqual([{ kind: 'apiKey', schemeName: 'key', in: 'header', name: 'X-Key' }]);
  });

  it('reads auth schemes and the server URL with its variables', async () => {
    const m = await model(
      api(
        {},
        {
          servers: [
            {
              url: 'https://{region}.example.com/{base}',
              variables: { region: { default: 'eu' }, base: { default: 'v2' } },
            },
          ],
          components: {
            securitySchemes: {
              basic: { type: 'http', scheme: 'Basic' },
              oauth: { type: 'oauth2', flows: {} },
              tls: { type: 'mutualTLS' },
              bearer: { type: 'http', scheme: 'bearer', description: 'A token.' },
            },
          },
        },
      ),
    );
    expect(m.info.serverUrl).toBe('https://eu.example.com/v2');
    expect(m.auth).toEqual([
      { kind: 'basic', schemeName: 'basic' },
      { kind: 'bearer', schemeName: 'oauth' },
      { kind: 'bearer', schemeName: 'bearer', description: 'A token.' },
    ]);
  });
});

const list = (pagination: Json, extra: Json = {}): Json =>
  api(
    {
      '/items': {
        get: {
          operationId: 'listItems',
          'x-sdk-pagination': pagination,
          parameters: [
            { name: 'after', in: 'query', schema: { type: 'string' } },
            { name: 'size', in: 'header', schema: { type: 'integer' } },
          ],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: {
                    allOf: [
                      { $ref: '#/components/schemas/Page' },
                      { type: 'object', properties: { data: { type: 'array' } } },
                    ],
                  },
                },
              },
            },
          },
          ...extra,
        },
      },
    },
    {
      components: {
        schemas: { Page: { type: 'object', properties: { next: { type: ['string', 'null'] } } } },
      },
    },
  );

describe('pagination', () => {
  it('reads x-sdk-pagination, finding fields through $ref and allOf', async () => {
    const m = await model(
      list({ style: 'cursor', afterParam: 'after', itemsField: 'data', nextCursorField: 'next' }),
    );
    expect(m.operations[0]!.pagination).toEqual({
      style: 'cursor',
      afterParam: 'after',
      itemsField: 'data',
      nextCursorField: 'next',
    });
  });

  const page = (data: Json, required: string[]): Json =>
    api({
      '/items': {
        get: {
          operationId: 'listItems',
          'x-sdk-pagination': {
            style: 'cursor',
            afterParam: 'after',
            itemsField: 'data',
            nextCursorField: 'next',
          },
          parameters: [{ name: 'after', in: 'query', schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required,
                    properties: { data, next: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    });
  const itemsWarnings = async (spec: Json) =>
    (await model(spec)).warnings.filter((w) => w.key === 'pagination-optional-items');

  it('warns when the items property is optional or nullable: a page without it is invalid', async () => {
    const [optional] = await itemsWarnings(page({ type: 'array', items: {} }, ['next']));
    expect(optional?.location.pointer).toBe('#/paths/~1items/get/x-sdk-pagination/itemsField');
    expect(optional?.problem).toMatch(/"data", which is optional: a page without the array/);
    expect(optional?.hint).toMatch(/list "data" in the response schema's `required`/);
    const [nullable] = await itemsWarnings(
      page({ type: ['array', 'null'], items: {} }, ['data', 'next']),
    );
    expect(nullable?.problem).toMatch(/"data", which is nullable/);
    expect(await itemsWarnings(page({ type: 'array', items: {} }, ['data', 'next']))).toEqual([]);
  });

  it('warns of a response property the page methods hide (hasNextPage), at the property', async () => {
    const spec = page({ type: 'array', items: {} }, ['data', 'next']) as {
      paths: Record<string, { get: { responses: Record<string, Json> } }>;
    };
    const schema = (
      spec.paths['/items']!.get.responses['200'] as {
        content: { 'application/json': { schema: { properties: Record<string, Json> } } };
      }
    ).content['application/json'].schema;
    schema.properties['hasNextPage'] = { type: 'boolean' };
    schema.properties['total'] = { type: 'integer' };
    const hidden = (await model(spec as Json)).warnings.filter(
      (w) => w.key === 'pagination:field-hidden',
    );
    expect(hidden.map((w) => w.location.pointer)).toEqual([
      '#/paths/~1items/get/responses/200/content/application~1json/schema/properties/hasNextPage',
    ]);
    expect(hidden[0]!.problem).toMatch(
      /"hasNextPage" is hidden by the page method `hasNextPage\(\)`/,
    );
  });

  it('refuses an items property that is not an array, naming its schema', async () => {
    const error = await modelError(page({ type: 'object', properties: {} }, ['data']));
    expect(error.location.pointer).toBe('#/paths/~1items/get/x-sdk-pagination/itemsField');
    expect(error.message).toMatch(
      /"data", whose schema \(#\/paths\/.*\/properties\/data\) is of type "object", not an array/,
    );
    expect(error.hint).toMatch(/point `itemsField` at the response's array property/);
  });

  /** A list operation whose page's `next` (and `prev`) cursor property has these schemas. */
  const cursorPage = (next: unknown, prev: unknown = { type: 'string' }): Json =>
    api(
      {
        '/items': {
          get: {
            operationId: 'listItems',
            'x-sdk-pagination': {
              style: 'cursor',
              afterParam: 'after',
              beforeParam: 'before',
              itemsField: 'data',
              nextCursorField: 'next',
              prevCursorField: 'prev',
            },
            parameters: [
              { name: 'after', in: 'query', schema: { type: 'string' } },
              { name: 'before', in: 'query', schema: { type: 'string' } },
            ],
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['data'],
                      properties: { data: { type: 'array', items: {} }, next, prev },
                    },
                  },
                },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            Obj: { type: 'object', properties: { id: { type: 'string' } } },
            Str: { type: ['string', 'null'] },
            Flag: { $ref: '#/components/schemas/Flag2' },
            Flag2: { type: 'boolean' },
          },
        },
      },
    );

  it.each([
    ['an object', { type: 'object', properties: { id: { type: 'string' } } }, /of type "object"/],
    ['a boolean', { type: 'boolean' }, /of type "boolean"/],
    ['an array', { type: 'array', items: { type: 'string' } }, /of type "array"/],
    ['a nullable object', { type: ['object', 'null'] }, /of type "object" or "null"/],
    ['a 3.0 nullable object', { type: 'object', nullable: true }, /of type "object" or "null"/],
    ['a $ref to an object', { $ref: '#/components/schemas/Obj' }, /of type "object"/],
    ['a $ref to a $ref to a boolean', { $ref: '#/components/schemas/Flag' }, /"boolean"/],
    ['an enum of booleans', { enum: [true, false] }, /of type "boolean"/],
    [
      'a union of object and array',
      { oneOf: [{ type: 'object' }, { type: 'array' }] },
      /"object" or "array"/,
    ],
    ['always null', { type: 'null' }, /of type "null".*never go past its first page/],
  ])('refuses a cursor property that is %s, naming the field', async (_, schema, problem) => {
    const next = await modelError(cursorPage(schema));
    expect(next.location.pointer).toBe('#/paths/~1items/get/x-sdk-pagination/nextCursorField');
    expect(next.message).toMatch(problem);
    expect(next.message).toMatch(/"next", whose schema \(#\/paths\/.*\/properties\/next\)/);
    expect(next.message).toMatch(/never a string or a number/);
    expect(next.hint).toMatch(/point `nextCursorField` at the response's cursor property/);
    const prev = await modelError(cursorPage({ type: 'string' }, schema));
    expect(prev.location.pointer).toBe('#/paths/~1items/get/x-sdk-pagination/prevCursorField');
    expect(prev.message).toMatch(problem);
    expect(prev.message).toMatch(/x-sdk-pagination\.beforeParam/);
  });

  it.each([
    ['a string', { type: 'string' }],
    ['an integer', { type: 'integer' }],
    ['a number', { type: 'number' }],
    ['a nullable string', { type: ['string', 'null'] }],
    ['a 3.0 nullable string', { type: 'string', nullable: true }],
    ['a union with null', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ['a $ref to a nullable string', { $ref: '#/components/schemas/Str' }],
    ['of no type', {}],
    ['of no type, described', { description: 'the next page' }],
    ['a string or an object', { type: ['string', 'object'] }],
    ['an enum with a string', { enum: ['a', null] }],
  ])('accepts a cursor property that is %s', async (_, schema) => {
    const m = await model(cursorPage(schema, schema));
    expect(m.operations[0]!.pagination?.nextCursorField).toBe('next');
  });
});

/** `GET /a` whose query parameter `p` has this `x-sdk-client-option`. */
const clientOptionSpec = (option: unknown): Json =>
  api({
    '/a': {
      get: {
        parameters: [
          { name: 'p', in: 'query', 'x-sdk-client-option': option, schema: { type: 'string' } },
        ],
        responses: { '200': ok },
      },
    },
  });

const errorCases: [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }][] = [
  [
    'pagination style other than cursor',
    {
      spec: list({
        style: 'offset',
        afterParam: 'after',
        itemsField: 'data',
        nextCursorField: 'next',
      }),
      pointer: '#/paths/~1items/get/x-sdk-pagination/style',
      problem: /"offset" is not supported; only `cursor` is/,
      fix: /x-sdk-pagination: \{ style: cursor/,
    },
  ],
  [
    'pagination without a style (the README names the keys)',
    {
      spec: list({ afterParam: 'after', itemsField: 'data', nextCursorField: 'next' }),
      pointer: '#/paths/~1items/get/x-sdk-pagination/style',
      problem:
        /^(?!.*undefined).*`x-sdk-pagination.style` is missing; `cursor` is the one style supported/,
      fix: /x-sdk-pagination: \{ style: cursor/,
    },
  ],
  [
    'pagination cursor parameter that is not a query parameter',
    {
      spec: list({
        style: 'cursor',
        afterParam: 'after',
        limitParam: 'size',
        itemsField: 'data',
        nextCursorField: 'next',
      }),
      pointer: '#/paths/~1items/get/x-sdk-pagination/limitParam',
      problem: /names query parameter "size", which the operation does not have/,
      fix: /its query parameters: after/,
    },
  ],
  [
    'pagination without itemsField',
    {
      spec: list({ style: 'cursor', afterParam: 'after', nextCursorField: 'next' }),
      // Said as missing, not as a value that is not a string.
      pointer: '#/paths/~1items/get/x-sdk-pagination/itemsField',
      problem: /`x-sdk-pagination` has no `itemsField`, which cursor pagination needs/,
      fix: /write/,
    },
  ],
  [
    'pagination with an itemsField that is not a string',
    {
      spec: list({ style: 'cursor', afterParam: 'after', itemsField: 1, nextCursorField: 'next' }),
      pointer: '#/paths/~1items/get/x-sdk-pagination/itemsField',
      problem: /`x-sdk-pagination\.itemsField` must be a non-empty string, not the number 1/,
      fix: /write/,
    },
  ],
  [
    'x-sdk-method that is not resource.method',
    {
      spec: api({ '/a': { get: { 'x-sdk-method': 'plans.list.all', responses: { '200': ok } } } }),
      pointer: '#/paths/~1a/get/x-sdk-method',
      problem: /`x-sdk-method` "plans\.list\.all" is not "resource\.method"/,
      fix: /joined by one dot: `x-sdk-method: plans\.listAll`/,
    },
  ],
  [
    'x-sdk-method whose resource is not camelCase',
    {
      spec: api({
        '/a': { get: { 'x-sdk-method': 'plan_documents.list', responses: { '200': ok } } },
      }),
      pointer: '#/paths/~1a/get/x-sdk-method',
      problem: /is not a camelCase name/,
      fix: /write `x-sdk-method: planDocuments\.list`/,
    },
  ],
  [
    'x-sdk that is not an object',
    {
      spec: { ...api({}), 'x-sdk': 'Gigs' },
      pointer: '#/x-sdk',
      problem: /`x-sdk` must be an object/,
      fix: /clientName/,
    },
  ],
  [
    'an env prefix that is no environment variable prefix',
    {
      spec: { ...api({}), 'x-sdk': { envPrefix: 'my-api' } },
      pointer: '#/x-sdk/envPrefix',
      problem: /"my-api" is not an environment variable prefix/,
      fix: /upper-case letters/,
    },
  ],
  [
    'an invalid package name',
    {
      spec: { ...api({}), 'x-sdk': { packageName: 'My SDK' } },
      pointer: '#/x-sdk/packageName',
      problem: /"My SDK" is not a valid npm package name/,
      fix: /lower-case/,
    },
  ],
  // helper-107: names the old pattern took and npm refuses for a new package, at `npm publish`.
  ...(
    [
      ['node_modules', /: npm reserves it\n/],
      ['http', /: http is a core module name\n/],
      ['x~y', /: name can no longer contain special characters/],
      ['a'.repeat(215), /: name can no longer contain more than 214 characters\n/],
    ] as const
  ).map(
    ([name, reason]): [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }] => [
      `a package name npm refuses for new packages (${name.slice(0, 12)})`,
      {
        spec: { ...api({}), 'x-sdk': { packageName: name } },
        pointer: '#/x-sdk/packageName',
        problem: new RegExp(`"${name}" is not a valid npm package name${reason.source}`),
        fix: /lower-case/,
      },
    ],
  ),
  // A dot segment sends the requests out of the base path once the URL is resolved.
  ...['/v1/../admin', '/./things', '/a/%2E%2e/b'].map(
    (path): [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }] => [
      `a path with a dot segment (${path})`,
      {
        spec: api({
          [path]: { get: { operationId: 'getIt', responses: { 204: { description: 'done' } } } },
        }),
        pointer: `#/paths/${path.replace(/\//g, '~1')}`,
        problem: /has the segment ".*", which every URL resolves away/,
        fix: /without `\.` or `\.\.` segments/,
      },
    ],
  ),
  [
    'an x-sdk-client-option that is not an identifier',
    {
      spec: clientOptionSpec('my option'),
      pointer: '#/paths/~1a/get/parameters/0/x-sdk-client-option',
      problem: /must name a client option/,
      fix: /x-sdk-client-option: project/,
    },
  ],
  // Every option the client passes to its runtime, not only those a user sets (`auth`, `sdk`).
  ...['timeout', 'token', 'auth', 'clientParams'].map(
    (option): [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }] => [
      `a client option the client has itself (${option})`,
      {
        spec: clientOptionSpec(option),
        pointer: '#/paths/~1a/get/parameters/0/x-sdk-client-option',
        problem: new RegExp(
          `client option "${option}" \\(from parameter p\\) clashes with the client's own`,
        ),
        fix: /give the parameter another `x-sdk-client-option` name/,
      },
    ],
  ),
  // Names every object has: the option would read the inherited function (or make a thenable).
  ...['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'then'].map(
    (option): [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }] => [
      `a client option every object already has (${option})`,
      {
        spec: clientOptionSpec(option),
        pointer: '#/paths/~1a/get/parameters/0/x-sdk-client-option',
        problem: new RegExp(
          `client option "${option}" \\(from parameter p\\) is a name every JavaScript object already has`,
        ),
        fix: /give the parameter another `x-sdk-client-option` name/,
      },
    ],
  ),
  [
    'a client option named like a key of a nested params object',
    {
      spec: api({
        '/a/{body}': {
          post: {
            parameters: [
              {
                name: 'body',
                in: 'path',
                required: true,
                'x-sdk-client-option': true,
                schema: { type: 'string' },
              },
            ],
            requestBody: {
              content: {
                'application/json': { schema: { type: 'array', items: { type: 'string' } } },
              },
            },
            responses: { '200': ok },
          },
        },
      }),
      pointer: '#/paths/~1a~1{body}/post',
      problem:
        /the client option "body" would clash with the "body" key of the method's params object/,
      fix: /give the parameter another `x-sdk-client-option` name/,
    },
  ],
  [
    'a path item with an operationId that a path and a webhook both $ref',
    {
      spec: {
        ...api({ '/a': { $ref: '#/components/pathItems/Shared' } }),
        webhooks: { hook: { $ref: '#/components/pathItems/Shared' } },
        components: {
          pathItems: { Shared: { post: { operationId: 'shared', responses: { '200': ok } } } },
        },
      },
      pointer: '#/components/pathItems/Shared/post/operationId',
      problem:
        /operationId "shared" is used twice: the path item holding it is reached from two places \(two paths, or a path and a webhook or callback, that \$ref it\)/,
      fix: /give each of those places its own path item/,
    },
  ],
];

// A repeated operationId (a slip public specs have) generates: the later operation's id is
// renamed, in the document openapi-typescript reads too, with a warning. It was refused before.
const repeatCases: [string, { spec: Json; pointer: string; problem: RegExp; fix: RegExp }][] = [
  [
    'a repeated operationId',
    {
      spec: api({
        '/a': { get: { operationId: 'same', responses: { '200': ok } } },
        '/b': { get: { operationId: 'same', responses: { '200': ok } } },
      }),
      pointer: '#/paths/~1b/get/operationId',
      problem:
        /operationId "same" is used twice: by #\/paths\/~1a\/get and here; this operation's is read as "same2"/,
      fix: /its own operationId/,
    },
  ],
  [
    "an operationId a path and a webhook share (both key openapi-typescript's `operations`)",
    {
      spec: {
        ...api({ '/a': { get: { operationId: 'getA', responses: { '200': ok } } } }),
        webhooks: { hook: { post: { operationId: 'getA', responses: { '200': ok } } } },
      },
      pointer: '#/webhooks/hook/post/operationId',
      problem:
        /operationId "getA" is used twice: by #\/paths\/~1a\/get and here; this operation's is read as "getA2"/,
      fix: /its own operationId/,
    },
  ],
  [
    'an operationId a path and a callback share',
    {
      spec: api({
        '/a': {
          post: {
            operationId: 'subscribe',
            responses: { '200': ok },
            callbacks: {
              onEvent: {
                '{$request.body#/url}': {
                  post: { operationId: 'subscribe', responses: { '200': ok } },
                },
              },
            },
          },
        },
      }),
      pointer: '#/paths/~1a/post/callbacks/onEvent/{$request.body#~1url}/post/operationId',
      problem:
        /operationId "subscribe" is used twice: by #\/paths\/~1a\/post and here; this operation's is read as "subscribe2"/,
      fix: /its own operationId/,
    },
  ],
];

describe('repeated operationIds', () => {
  it.each(repeatCases)('%s', async (_name, { spec, pointer, problem, fix }) => {
    const built = await model(spec);
    const [warning] = built.warnings.filter((w) => w.key === 'operation:repeated-id');
    expect(warning?.location.pointer).toBe(pointer);
    expect(warning?.problem).toMatch(problem);
    expect(warning?.hint).toMatch(fix);
    const renamed = /read as "(\w+)"/.exec(warning!.problem)![1]!;
    const tokens = pointer
      .split('/')
      .slice(1, -1)
      .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
    const operation = tokens.reduce<unknown>(
      (node, token) => (node as Record<string, unknown>)[token],
      built.bundled,
    );
    expect((operation as Record<string, unknown>).operationId).toBe(renamed);
    // Every id is distinct: openapi-typescript's `operations` keys and the SDK's methods.
    const ids = built.operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is an error with --strict', async () => {
    const spec = repeatCases[0]![1].spec;
    const file = await writeSpec(spec);
    const error = await loadAndBundle(resolveContext({ spec: file }))
      .then((bundled) =>
        buildModel(bundled, { packageName: 'x', packageVersion: '1.0.0', strict: true }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toContain('operationId "same" is used twice');
    expect((error as GeneratorError).message).toContain('--strict');
  });
});

describe('model errors', () => {
  it.each(errorCases)('%s', async (_name, { spec, pointer, problem, fix }) => {
    const error = await modelError(spec);
    expect(error.location.file).toMatch(/openapi\.json$/);
    expect(error.location.pointer).toBe(pointer);
    expect(error.message).toMatch(problem);
    expect(error.hint).toMatch(fix);
  });
});
