/**
 * The client emitter on the fixture model (test/fixtures/models/client-model.ts): what the files
 * say, that they compile strictly with no `any`, and that the emitted methods put the right
 * method, path, query, headers and body on the wire of a real HTTP server.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emitClient } from '../../generator/emit/client.ts';
import { printSourceFiles } from '../../generator/write/print.ts';
import { clientModel } from '../fixtures/models/client-model.ts';
import { clientSpec } from '../fixtures/models/client-spec.ts';
import {
  json,
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from '../runtime/server.ts';
import { compileClient, type CompiledPackage } from './client/compile.ts';
import { writePackage, type WrittenPackage } from './client/package.ts';

/**
 * Printed (not yet prettier-formatted) text of each emitted file, whitespace collapsed and simple
 * string literals in single quotes (as prettier will write them), so snippets do not depend on
 * line breaks.
 */
function printed(): Map<string, string> {
  const files = emitClient(clientModel());
  const texts = printSourceFiles(files);
  const normal = (text: string) => text.replace(/\s+/g, ' ').replace(/"([^"'\\]*)"/g, "'$1'");
  return new Map(files.map((file, index) => [file.path, normal(texts[index] ?? '')]));
}

describe('emitted files', () => {
  const files = printed();
  const file = (path: string) => files.get(path) ?? '';

  it('emits the client, the response guard table, the error body type, one file per resource and the resource index', () => {
    expect([...files.keys()]).toEqual([
      'src/client.ts',
      'src/response-guards.ts',
      'src/runtime/error-body.ts',
      'src/resources/plans.ts',
      'src/resources/widgets.ts',
      'src/resources/paths.ts',
      'src/resources/index.ts',
    ]);
    expect(file('src/resources/index.ts')).toBe(
      "export * from './plans.js'; export * from './widgets.js'; export * from './paths.js'; ",
    );
  });

  it('says which options the client has of its own: the token only where the API has one', () => {
    expect(file('src/client.ts')).toContain(
      'Options of {@link Fixture}: the token, the base URL and the defaults of its parameters here,',
    );
    const open = clientModel();
    open.tokenAuth = undefined;
    open.auth = [];
    const [client] = printSourceFiles(emitClient(open).filter((f) => f.path === 'src/client.ts'));
    // Before: "the token and the defaults of its parameters", for an API without a token too.
    expect(client!.replace(/\s+/g, ' ')).toContain(
      'Options of {@link Fixture}: the base URL and the defaults of its parameters here, and the settings',
    );
  });

  it.each<[string, { path: string; want: string[] }]>([
    [
      'a paginated list: optional params, query rest, comma-separated status, page promise',
      {
        path: 'src/resources/plans.ts',
        want: [
          'list(params: PlanListParams = {}, options?: RequestOptions): PagePromise<PlanList, Plan> {',
          'const { project, ...query } = params;',
          "path: namedPath('project')`/projects/${this._client.clientParam('project', project)}/plans`, query, queryStyles: { status: { explode: false } }, responseSchema: 'PlanList' }",
          "{ afterParam: 'after', beforeParam: 'before', itemsField: 'items', nextCursorField: 'moreItemsAfter', prevCursorField: 'moreItemsBefore' }",
          "export interface PlanListParams extends ProjectParam { /** Filter by status. */ status?: ('draft' | 'available' | 'archived')[];",
          "import type { Plan, PlanCreate, PlanList, PlanUpdate, ProjectParam } from '../types.js';",
        ],
      },
    ],
    [
      'path parameters positional, the client option optional in params',
      {
        path: 'src/resources/plans.ts',
        want: [
          'retrieve(plan: string, params: PlanRetrieveParams = {}, options?: RequestOptions): APIPromise<Plan> {',
          "import type { APIPromise } from '../runtime/api-promise.js';",
          'const { project } = params;',
          '/plans/${plan}`',
          'export interface PlanRetrieveParams extends ProjectParam { }',
        ],
      },
    ],
    [
      'a flat JSON body with a required property: params required, rest is the body, idempotency header, response schema',
      {
        path: 'src/resources/plans.ts',
        want: [
          'create(params: PlanCreateParams, options?: RequestOptions): APIPromise<Plan> {',
          'const { project, ...body } = params;',
          "body, idempotencyHeader: 'Idempotency-Key', responseSchema: 'Plan' }",
          'export interface PlanCreateParams extends PlanCreate, ProjectParam { }',
        ],
      },
    ],
    [
      'query parameters beside a flat body are listed, the rest is the body',
      {
        path: 'src/resources/plans.ts',
        want: [
          'const { project, limit, ...body } = params;',
          "query: { limit }, body, responseSchema: 'PlanList' }",
        ],
      },
    ],
    [
      'a 204 resolves to void, with no schema to check; a method named delete is fine',
      {
        path: 'src/resources/plans.ts',
        want: [
          'delete(plan: string, params: PlanDeleteParams = {}',
          "path: namedPath('project', 'plan')`/projects/${this._client.clientParam('project', project)}/plans/${plan}`, idempotencyHeader: 'Idempotency-Key', read: readNothing, mayBeEmpty: true }",
          'APIPromise<void> {',
        ],
      },
    ],
    [
      'TSDoc from summary and description, comment closers escaped',
      {
        path: 'src/resources/plans.ts',
        want: [
          '* Retrieve a plan * * Retrieves the plan. A comment closer *\\/ must not end the TSDoc. * @param plan - The plan id.',
        ],
      },
    ],
    [
      'arguments renamed away from the method locals, constructor kept safe',
      {
        path: 'src/resources/widgets.ts',
        want: [
          'get(path2: string, params2: string, options?: RequestOptions)',
          "namedPath('path', 'params')`/widgets/${path2}/${params2}`",
          'constructor_(options?: RequestOptions): APIPromise<Widget>',
        ],
      },
    ],
    [
      'nested params for an array body, with a required query',
      {
        path: 'src/resources/widgets.ts',
        want: [
          'bulk(params: WidgetBulkParams, options?: RequestOptions)',
          'const { query, body } = params;',
          "query: { 'user.birthday': string };",
          '/** The request body. */ body: string[];',
        ],
      },
    ],
    [
      'nested params when a body key collides with a query parameter, optional as declared',
      {
        path: 'src/resources/widgets.ts',
        want: [
          'replace(id: string, params: WidgetReplaceParams = {}',
          'query?: { name?: string };',
          'body?: WidgetReplaceBody;',
          '/** The request body of {@link Widgets.replace}. */ export interface WidgetReplaceBody { name: string; }',
        ],
      },
    ],
    [
      'header parameters go to headers under their wire names; a query client option joins the query',
      {
        path: 'src/resources/widgets.ts',
        want: [
          "const { tenant, 'X-Trace-Id': xTraceId, ...query } = params;",
          "query: { ...query, tenant: this._client.clientParam('tenant', tenant) }",
          "headers: headerParams({ 'X-Trace-Id': xTraceId })",
          "import { headerParams } from '../runtime/internal/headers.js';",
          "export interface WidgetTracedParams extends TenantParam { limit?: number; 'X-Trace-Id': string; }",
        ],
      },
    ],
    [
      'a text response resolves to a string (the runtime reads it as text)',
      {
        path: 'src/resources/widgets.ts',
        want: ['text(id: string, options?: RequestOptions): APIPromise<string> {'],
      },
    ],
    [
      'a text success body is asked for and read as text (typed string); an array body names its own guard',
      {
        path: 'src/resources/widgets.ts',
        want: [
          "{ method: 'get', path: namedPath('id')`/widgets/${id}/text`, accept: 'text/plain', read: readText }",
          "import { readNothing, readText } from '../runtime/internal/read.js';",
          'text(id: string, options?: RequestOptions): APIPromise<string> {',
          "{ method: 'post', path: path`/widgets/bulk`, query, body, responseSchema: 'WidgetBulkResponse' }",
        ],
      },
    ],
    [
      'the guard table names the guard of each JSON success body (a schema, or the operation’s own), sorted, imported from the guards',
      {
        path: 'src/response-guards.ts',
        want: [
          "import { validatePathListResponse, validatePlan, validatePlanList, validateWidget, validateWidgetBulkResponse } from './guards.js';",
          "import { ResponseGuards } from './runtime/validation.js';",
          "new Fixture({ responseValidation: 'warn', responseGuards });",
          'export const responseGuards = new ResponseGuards({ PathListResponse: validatePathListResponse, Plan: validatePlan, PlanList: validatePlanList, Widget: validateWidget, WidgetBulkResponse: validateWidgetBulkResponse, WidgetScopedResponse: validateWidgetBulkResponse, WidgetTracedResponse: validateWidgetBulkResponse });',
        ],
      },
    ],
    [
      'template-literal characters in a path are escaped',
      {
        path: 'src/resources/widgets.ts',
        want: ["namedPath('id')`/widgets/\\`tick\\`/\\$${id}/%5Cx`"],
      },
    ],
    [
      'a multipart object body is flat, names its media type and its encoder',
      {
        path: 'src/resources/widgets.ts',
        want: [
          "body: params, contentType: 'multipart/form-data', encode: multipartBody",
          "import { multipartBody } from '../runtime/internal/body.js';",
          'export interface WidgetUploadParams { file: Blob; }',
        ],
      },
    ],
    [
      'deprecated and preview operations say so',
      {
        path: 'src/resources/widgets.ts',
        want: [
          '* @remarks Preview: this may change without notice. * @deprecated The API description marks this operation deprecated. */ legacy(',
        ],
      },
    ],
    [
      'the client: token from option or env, base URL default, client options, the runtime settings passed through',
      {
        path: 'src/client.ts',
        want: [
          'export interface FixtureOptions extends ClientOptions {',
          'export class Fixture {',
          "const token = options.token ?? readEnv('FIXTURE_TOKEN');",
          'Missing API token: pass it as `new Fixture({ token })` or set the FIXTURE_TOKEN environment variable.',
          "const baseURL = options.baseURL ?? readEnv('FIXTURE_BASE_URL') ?? 'https://api.example.com';",
          "project: { value: options.project ?? readEnv('FIXTURE_PROJECT')",
          "const core = new ClientCore({ ...options, baseURL, token, sdk: 'fixture-sdk/1.0.0', clientParams: {",
          'linkCore(this, core);',
          'this.plans = new Plans(core);',
          "export { PagePromise, type Page, type PageMethods } from './runtime/pagination.js';",
          "export type { RequestOptions, HeadersInput, HeaderValue } from './runtime/request-options.js';",
          "export { APIPromise, type APIResult } from './runtime/api-promise.js';",
          "export { responseGuards } from './response-guards.js';",
        ],
      },
    ],
    [
      'the typed path client is a function of the client, so bundles without it do not carry openapi-fetch',
      {
        path: 'src/client.ts',
        want: [
          'export function pathsClient(client: Fixture): PathsClient<paths> {',
          "return createPathsClient<paths>(coreOf(client), { operations: { 'get /projects/{project}/plans': { query: { status: { explode: false } } }, 'get /widgets/{id}/text': { parseAs: 'text', accept: 'text/plain' }, 'post /widgets/{id}/upload': { bodyType: 'multipart/form-data', encode: 'multipart' } } });",
        ],
      },
    ],
    [
      'a resource named paths is an ordinary property (the path client is no member)',
      { path: 'src/client.ts', want: ['readonly paths: Paths;', 'this.paths = new Paths(core);'] },
    ],
  ])('%s', (_name, { path, want }) => {
    for (const snippet of want) expect(file(path)).toContain(snippet);
  });

  it('is deterministic', () => {
    expect(printed()).toEqual(files);
  });
});

describe('the emitted package', () => {
  let compiled: CompiledPackage;
  beforeAll(async () => {
    compiled = await compileClient(clientModel(), clientSpec);
  });

  it('compiles with strict, noUncheckedIndexedAccess, NodeNext and no Node types: zero diagnostics', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  it('has no `any` in the client, the resources or the runtime', () => {
    expect(compiled.anyKeywords).toEqual([]);
  });

  it('catches a type error in code that uses it (the check is real)', async () => {
    const { diagnostics } = await compileClient(clientModel(), clientSpec, {
      'src/misuse.ts': [
        "import { Fixture } from './client.js';",
        "const client = new Fixture({ token: 't' });",
        'void client.plans.retrieve(42);',
        "void client.plans.create({ project: 'p' });",
        "void client.plans.list({ status: ['nope'] });",
      ].join('\n'),
    });
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics.every((d) => d.startsWith('src/misuse.ts:'))).toBe(true);
  });
});

describe('emitted methods on the wire', () => {
  const TOKEN = 'sk_fixture_SECRET';
  let server: TestServer;
  let pkg: WrittenPackage;
  let reply: (request: SeenRequest) => Reply;
  let client: Record<string, unknown>;
  let exports: Record<string, unknown>;

  beforeAll(async () => {
    const { files } = await compileClient(clientModel(), clientSpec);
    pkg = await writePackage(files);
    exports = (await import(`${pkg.dir}/src/client.ts`)) as Record<string, unknown>;
    server = await startServer((request) => reply(request));
  });
  afterAll(async () => {
    await server.close();
    await pkg.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => json(200, { id: 'w_1' });
    client = construct({ token: TOKEN, project: 'p1', baseURL: server.url });
  });

  function construct(options: Record<string, unknown>): Record<string, unknown> {
    const Fixture = exports['Fixture'] as new (
      options: Record<string, unknown>,
    ) => Record<string, unknown>;
    return new Fixture(options);
  }

  function call(resource: string, method: string, ...args: unknown[]): Promise<unknown> {
    const target = client[resource] as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const fn = target[method];
    if (fn === undefined) throw new Error(`no method ${resource}.${method}`);
    return fn.apply(target, args);
  }

  interface Want {
    method: string;
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
  }

  const emptyList = { object: 'list', items: [], moreItemsAfter: null, moreItemsBefore: null };

  it.each<[string, { call: [string, string, ...unknown[]]; reply?: Reply; want: Want }]>([
    [
      'list with comma-separated filters',
      {
        call: ['plans', 'list', { status: ['available', 'archived'], limit: 20 }],
        reply: json(200, emptyList),
        want: { method: 'GET', url: '/projects/p1/plans?status=available,archived&limit=20' },
      },
    ],
    [
      'retrieve with a hostile id',
      {
        call: ['plans', 'retrieve', '../x?y#z'],
        want: { method: 'GET', url: '/projects/p1/plans/..%2Fx%3Fy%23z' },
      },
    ],
    [
      'retrieve in another project',
      {
        call: ['plans', 'retrieve', 'pln_1', { project: 'other' }],
        want: { method: 'GET', url: '/projects/other/plans/pln_1' },
      },
    ],
    [
      'create with an idempotency key',
      {
        call: ['plans', 'create', { name: 'x', validityDays: 30 }, { idempotencyKey: 'key-1' }],
        want: {
          method: 'POST',
          url: '/projects/p1/plans',
          body: { name: 'x', validityDays: 30 },
          headers: { 'idempotency-key': 'key-1' },
        },
      },
    ],
    [
      'search: query parameters apart from the body',
      {
        call: ['plans', 'search', { query: 'q', 'user.birthday': '2000-01-01', limit: 5 }],
        want: {
          method: 'POST',
          url: '/projects/p1/plans/search?limit=5',
          body: { query: 'q', 'user.birthday': '2000-01-01' },
        },
      },
    ],
    [
      'update',
      {
        call: ['plans', 'update', 'pln_1', { name: 'y' }],
        want: { method: 'PATCH', url: '/projects/p1/plans/pln_1', body: { name: 'y' } },
      },
    ],
    [
      'delete',
      {
        call: ['plans', 'delete', 'pln_1'],
        want: { method: 'DELETE', url: '/projects/p1/plans/pln_1' },
      },
    ],
    [
      'nested params with an array body',
      {
        call: ['widgets', 'bulk', { query: { 'user.birthday': 'b' }, body: ['a', 'b'] }],
        want: { method: 'POST', url: '/widgets/bulk?user.birthday=b', body: ['a', 'b'] },
      },
    ],
    [
      'nested params with colliding keys',
      {
        call: ['widgets', 'replace', 'w', { query: { name: 'q' }, body: { name: 'b' } }],
        want: { method: 'PUT', url: '/widgets/w?name=q', body: { name: 'b' } },
      },
    ],
    [
      'a header parameter and a query parameter from a client option',
      {
        call: ['widgets', 'traced', { 'X-Trace-Id': 't-1', limit: 1, tenant: 'tn' }],
        want: {
          method: 'GET',
          url: '/widgets?limit=1&tenant=tn',
          headers: { 'x-trace-id': 't-1' },
        },
      },
    ],
    [
      'nested params without a body when a query key collides with a client option',
      {
        call: ['widgets', 'scoped', { project: 'p2', query: { project: 'q' } }],
        want: { method: 'GET', url: '/projects/p2/widgets?project=q' },
      },
    ],
    [
      'locals named path and params',
      { call: ['widgets', 'get', 'a/b', 'c'], want: { method: 'GET', url: '/widgets/a%2Fb/c' } },
    ],
    ['a resource named paths', { call: ['paths', 'list'], want: { method: 'GET', url: '/paths' } }],
  ])('%s', async (_name, { call: [resource, method, ...args], reply: answer, want }) => {
    if (answer !== undefined) reply = () => answer;
    await call(resource, method, ...args);
    expect(server.requests).toHaveLength(1);
    const seen = server.requests[0]!;
    expect(seen.method).toBe(want.method);
    expect(seen.url).toBe(want.url);
    expect(seen.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    if (want.body === undefined) expect(seen.body).toBe('');
    else expect(JSON.parse(seen.body)).toEqual(want.body);
    for (const [name, value] of Object.entries(want.headers ?? {}))
      expect(seen.headers[name]).toBe(value);
  });

  it('resolves to the parsed JSON, to undefined for 204, to text for text/plain', async () => {
    reply = () => json(200, { id: 'w_9' });
    await expect(call('plans', 'retrieve', 'pln_1')).resolves.toEqual({ id: 'w_9' });
    reply = () => ({ status: 204 });
    await expect(call('plans', 'delete', 'pln_1')).resolves.toBeUndefined();
    reply = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await expect(call('widgets', 'text', 'w')).resolves.toBe('hello');
  });

  it('sends a multipart body as form data', async () => {
    await call('widgets', 'upload', 'w', { file: 'file-content' });
    const seen = server.requests[0]!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.body).toContain('name="file"');
    expect(seen.body).toContain('file-content');
  });

  it('iterates every item of every page with for await', async () => {
    reply = (request) => {
      const after = new URL(request.url, 'http://x').searchParams.get('after');
      return after === null
        ? json(200, {
            object: 'list',
            items: [{ id: 'a' }],
            moreItemsAfter: 'a',
            moreItemsBefore: null,
          })
        : json(200, {
            object: 'list',
            items: [{ id: 'b' }],
            moreItemsAfter: null,
            moreItemsBefore: 'a',
          });
    };
    const ids: string[] = [];
    for await (const item of (
      client['plans'] as { list(p: unknown): AsyncIterable<{ id: string }> }
    ).list({ limit: 1 })) {
      ids.push(item.id);
      if (ids.length > 10) break;
    }
    expect(ids).toEqual(['a', 'b']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/projects/p1/plans?limit=1',
      '/projects/p1/plans?limit=1&after=a',
    ]);
  });

  it('throws the exported NotFoundError with the parsed body on 404, without the token', async () => {
    reply = () => json(404, { object: 'error', type: 'notFound', message: 'No such plan.' });
    const error = await call('plans', 'retrieve', 'pln_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(exports['NotFoundError'] as new () => Error);
    expect(error).toMatchObject({
      status: 404,
      body: { type: 'notFound' },
      message: '404 Not Found (GET /projects/p1/plans/pln_x): No such plan.',
    });
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(JSON.stringify(client)).not.toContain(TOKEN);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it('uses the typed path client with the same token, base URL and query styles', async () => {
    const pathsClient = exports['pathsClient'] as (c: unknown) => {
      GET(path: string, init: unknown): Promise<{ data?: unknown }>;
    };
    const paths = pathsClient(client);
    const { data } = await paths.GET('/projects/{project}/plans', {
      params: { path: { project: 'p9' }, query: { status: ['a', 'b'] } },
    });
    expect(data).toEqual({ id: 'w_1' });
    expect(server.requests[0]?.url).toBe('/projects/p9/plans?status=a,b');
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  describe('configuration', () => {
    const saved = { token: process.env['FIXTURE_TOKEN'], project: process.env['FIXTURE_PROJECT'] };
    afterAll(() => {
      for (const [key, value] of [
        ['FIXTURE_TOKEN', saved.token],
        ['FIXTURE_PROJECT', saved.project],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('throws at once without a token, saying how to give one', () => {
      delete process.env['FIXTURE_TOKEN'];
      expect(() => construct({ baseURL: server.url })).toThrow(
        'Missing API token: pass it as `new Fixture({ token })` or set the FIXTURE_TOKEN environment variable.',
      );
      expect(() => construct({ baseURL: server.url })).toThrow(exports['SDKError']);
    });

    it('reads the token and the project from the environment', async () => {
      process.env['FIXTURE_TOKEN'] = 'from-env';
      process.env['FIXTURE_PROJECT'] = 'env-project';
      client = construct({ baseURL: server.url });
      await call('plans', 'retrieve', 'pln_1');
      expect(server.requests[0]?.url).toBe('/projects/env-project/plans/pln_1');
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer from-env');
    });

    it('says how to give a missing project, rejecting the call', async () => {
      delete process.env['FIXTURE_PROJECT'];
      client = construct({ token: TOKEN, baseURL: server.url });
      await expect(call('plans', 'retrieve', 'pln_1')).rejects.toThrow(
        'Missing "project": pass it to this method, or set `project` in `new Fixture({ project })` or the FIXTURE_PROJECT environment variable.',
      );
      expect(server.requests).toHaveLength(0);
    });
  });
});
