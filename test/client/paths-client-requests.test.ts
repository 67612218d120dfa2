/**
 * The typed path client sends what the resource method sends, for every way a request can be
 * shaped by the spec: path parameters in style `label`, `matrix`, exploded `simple` objects and
 * JSON `content`; header parameters that are arrays, objects (exploded or not) and JSON; form
 * bodies with `encoding` (`deepObject`, JSON parts, nested objects); multipart bodies with files,
 * JSON parts and part content types. Each case calls both clients against one real node:http server
 * on 127.0.0.1 and compares the two requests: method, target, headers that carry data, and body
 * (a multipart boundary read as the same). Before, the path client sent objects as
 * `[object Object]`, ignored path styles, and sent a multipart body as JSON, losing the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { removeTempDirs } from '../generator/helpers.ts';
import { startServer, type SeenRequest, type TestServer } from '../runtime/server.ts';
import { specClient, type Methods } from './spec-client.ts';

const string = { type: 'string' };
const object = { type: 'object', properties: { r: { type: 'integer' }, g: { type: 'integer' } } };

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Shapes', version: '1.0.0' },
  paths: {
    '/styles/{lab}/{mat}/{obj}/{doc}': {
      get: {
        operationId: 'styles',
        'x-sdk-method': 'shapes.styles',
        parameters: [
          {
            name: 'lab',
            in: 'path',
            required: true,
            style: 'label',
            schema: { type: 'array', items: string },
          },
          {
            name: 'mat',
            in: 'path',
            required: true,
            style: 'matrix',
            explode: true,
            schema: object,
          },
          { name: 'obj', in: 'path', required: true, explode: true, schema: object },
          {
            name: 'doc',
            in: 'path',
            required: true,
            content: { 'application/json': { schema: object } },
          },
          { name: 'X-List', in: 'header', schema: { type: 'array', items: string } },
          { name: 'X-Obj', in: 'header', schema: object },
          { name: 'X-Exploded', in: 'header', explode: true, schema: object },
          { name: 'X-Json', in: 'header', content: { 'application/json': { schema: object } } },
        ],
        responses: { '204': { description: 'Done' } },
      },
    },
    '/form': {
      post: {
        operationId: 'form',
        'x-sdk-method': 'shapes.form',
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  filter: object,
                  nested: object,
                  tags: { type: 'array', items: string },
                  note: string,
                },
              },
              encoding: { filter: { style: 'deepObject', explode: true } },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
    '/search?kind=plan': {
      get: {
        operationId: 'searchPlans',
        'x-sdk-method': 'shapes.searchPlans',
        parameters: [{ name: 'q', in: 'query', schema: string }],
        responses: { '204': { description: 'Done' } },
      },
    },
    '/upload': {
      post: {
        operationId: 'upload',
        'x-sdk-method': 'shapes.upload',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', format: 'binary' },
                  meta: object,
                  caption: string,
                },
              },
              encoding: { file: { contentType: 'image/png' } },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
  },
};

type PathsClient = Record<string, (url: string, init?: unknown) => Promise<{ error?: unknown }>>;

let server: TestServer;
let shapes: Methods;
let paths: PathsClient;
/** Another client of the package, made with `options`, and its path client. */
let clientWith: (options: Record<string, unknown>) => {
  client: Record<string, Methods>;
  paths: PathsClient;
};

beforeAll(async () => {
  server = await startServer(() => ({ status: 204 }));
  const made = await specClient(SPEC, 'Shapes', { baseURL: server.url, maxRetries: 0 });
  shapes = made.client['shapes']!;
  const { pathsClient } = (await import(join(made.out, 'src/client.ts'))) as {
    pathsClient: (client: unknown) => PathsClient;
  };
  paths = pathsClient(made.client);
  const Client = made.client.constructor as new (
    options: Record<string, unknown>,
  ) => Record<string, Methods>;
  clientWith = (options) => {
    const client = new Client(options);
    return { client, paths: pathsClient(client) };
  };
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

/** What a request says: everything but the headers every request has alike. */
function said(request: SeenRequest) {
  const type = request.headers['content-type'];
  const boundary = /boundary=(.+)$/.exec(type ?? '')?.[1];
  const unbound = (text: string) =>
    boundary === undefined ? text : text.split(boundary).join('B');
  return {
    method: request.method,
    target: request.url,
    headers: Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => name.startsWith('x-')),
    ),
    contentType: type === undefined ? undefined : unbound(type),
    body: unbound(request.raw.toString('latin1')),
  };
}

/** Calls the resource method, then the path client, and gives both requests. */
async function both(
  resource: () => Promise<unknown>,
  viaPaths: () => Promise<{ error?: unknown }>,
) {
  await resource();
  const first = server.requests.at(-1)!;
  const { error } = await viaPaths();
  expect(error).toBeUndefined();
  return [said(first), said(server.requests.at(-1)!)] as const;
}

describe('the typed path client sends what the resource method sends', () => {
  it('path parameters in label, matrix, exploded simple and JSON; header arrays, objects, JSON', async () => {
    const headers = {
      'X-List': ['a', 'b'],
      'X-Obj': { r: 1, g: 2 },
      'X-Exploded': { r: 3, g: 4 },
      'X-Json': { r: 5 },
    };
    const [resource, path] = await both(
      () => shapes['styles']!(['x', 'y'], { r: 1, g: 2 }, { r: 3, g: 4 }, { r: 5 }, headers),
      () =>
        paths['GET']!('/styles/{lab}/{mat}/{obj}/{doc}', {
          params: {
            path: { lab: ['x', 'y'], mat: { r: 1, g: 2 }, obj: { r: 3, g: 4 }, doc: { r: 5 } },
            header: headers,
          },
        }),
    );
    expect(resource.target).toBe('/styles/.x,y/;r=1;g=2/r=3,g=4/%7B%22r%22%3A5%7D');
    expect(resource.headers).toEqual({
      'x-list': 'a,b',
      'x-obj': 'r,1,g,2',
      'x-exploded': 'r=3,g=4',
      'x-json': '{"r":5}',
    });
    expect(path).toEqual(resource);
  });

  it('a form body with encoding: deepObject, a nested object as JSON, an array repeated', async () => {
    const body = { filter: { r: 1 }, nested: { g: 2 }, tags: ['a', 'b'], note: 'x y+z' };
    const [resource, path] = await both(
      () => shapes['form']!(body),
      () => paths['POST']!('/form', { body }),
    );
    expect(resource.body).toBe(
      'filter%5Br%5D=1&nested=%7B%22g%22%3A2%7D&tags=a&tags=b&note=x+y%2Bz',
    );
    expect(resource.contentType).toBe('application/x-www-form-urlencoded');
    expect(path).toEqual(resource);
  });

  it('a multipart body: the file with its declared type, a JSON part, a text part', async () => {
    const file = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]);
    const body = { file, meta: { r: 1 }, caption: 'hi' };
    const [resource, path] = await both(
      () => shapes['upload']!(body),
      () => paths['POST']!('/upload', { body }),
    );
    expect(resource.contentType).toBe('multipart/form-data; boundary=B');
    expect(resource.body).toContain('Content-Type: image/png\r\n\r\n\x89PNG');
    expect(resource.body).toContain('name="meta"\r\nContent-Type: application/json\r\n\r\n{"r":1}');
    expect(path).toEqual(resource);
  });
});

describe('a base URL with its own query and a fragment', () => {
  it("keeps the query in every request, before the call's, and never sends the fragment", async () => {
    const { client, paths: viaPaths } = clientWith({
      baseURL: `${server.url}/api/?api-version=2024-01-01#reference`,
      maxRetries: 0,
    });
    const body = { note: 'n' };
    const [resource, path] = await both(
      () => client['shapes']!['form']!(body),
      () => viaPaths['POST']!('/form', { body }),
    );
    expect(resource.target).toBe('/api/form?api-version=2024-01-01');
    expect(path).toEqual(resource);
  });
});

describe('a path key with a query of its own (`/search?kind=plan`)', () => {
  it("sends that query and the call's in one, as the resource method does, also after a base URL's", async () => {
    const [resource, path] = await both(
      () => shapes['searchPlans']!({ q: 'a b' }),
      () => paths['GET']!('/search?kind=plan', { params: { query: { q: 'a b' } } }),
    );
    expect(resource.target).toBe('/search?kind=plan&q=a%20b');
    expect(path).toEqual(resource);
    const [bare, barePath] = await both(
      () => shapes['searchPlans']!(),
      () => paths['GET']!('/search?kind=plan'),
    );
    expect(bare.target).toBe('/search?kind=plan');
    expect(barePath).toEqual(bare);
    const { client, paths: viaPaths } = clientWith({
      baseURL: `${server.url}/api/?api-version=1`,
      maxRetries: 0,
    });
    const [based, basedPath] = await both(
      () => client['shapes']!['searchPlans']!({ q: 'x' }),
      () => viaPaths['GET']!('/search?kind=plan', { params: { query: { q: 'x' } } }),
    );
    expect(based.target).toBe('/api/search?kind=plan&api-version=1&q=x');
    expect(basedPath).toEqual(based);
  });
});
