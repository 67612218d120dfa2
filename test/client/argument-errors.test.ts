/**
 * Every error a method call can raise arrives as a rejection of the promise it returns, never as a
 * synchronous throw, so `.catch(…)` and `Promise.allSettled` see it; and nothing is sent. A client
 * generated from a small spec calls a real HTTP server on 127.0.0.1 with each kind of bad
 * argument: an empty path parameter, `.` and `..`, object and array path parameters that
 * serialise to nothing, a missing client parameter, a bad header value, a bad query value, on
 * plain and paginated methods. Path parameter errors name the parameter.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const ok = (content = 'application/json') => ({
  '200': {
    description: 'OK',
    content: { [content]: { schema: content === 'text/plain' ? { type: 'string' } : {} } },
  },
});
const op = (method: string, parameters: unknown[], extra: Record<string, unknown> = {}) => ({
  get: {
    operationId: method.replace('.', '_'),
    'x-sdk-method': method,
    tags: [method.split('.')[0]],
    parameters,
    responses: ok(),
    ...extra,
  },
});
const pathParam = (name: string, schema: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'path',
  required: true,
  schema,
  ...extra,
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Args', version: '1.0.0' },
  paths: {
    '/download/{name}': {
      get: {
        operationId: 'download',
        'x-sdk-method': 'download.download',
        tags: ['download'],
        parameters: [pathParam('name', { type: 'string' })],
        responses: ok('text/plain'),
      },
    },
    '/reports/{filter}': op('reports.retrieve', [
      pathParam('filter', {
        type: 'object',
        properties: { from: { type: 'string' }, to: { type: 'string' } },
      }),
    ]),
    '/labels/{ids}': op('labels.retrieve', [
      pathParam('ids', { type: 'array', items: { type: 'string' } }, { style: 'label' }),
    ]),
    '/tags/{tags}': op('tags.retrieve', [
      pathParam('tags', { type: 'array', items: { type: 'string' } }),
    ]),
    '/search': op('search.run', [
      { name: 'q', in: 'query', schema: { type: 'string' } },
      { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
    ]),
    '/owners/{owner}/items': op(
      'items.list',
      [
        pathParam('owner', { type: 'string' }),
        { name: 'after', in: 'query', schema: { type: 'string' } },
      ],
      {
        'x-sdk-pagination': {
          style: 'cursor',
          afterParam: 'after',
          itemsField: 'data',
          nextCursorField: 'next',
        },
        responses: {
          '200': {
            description: 'A page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data', 'next'],
                  properties: {
                    data: { type: 'array', items: {} },
                    next: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
      },
    ),
  },
};

type Call = (...args: unknown[]) => Promise<unknown>;
let server: TestServer;
let client: Record<string, Record<string, Call>>;
let paths: {
  GET: (url: string, init: { params: { path: Record<string, unknown> } }) => Promise<unknown>;
};

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('args-'), 'sdk');
  await generate({ spec, out, name: 'args-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => json(200, { data: [], next: null }));
  const { Args, pathsClient } = (await import(join(out, 'src/client.ts'))) as {
    Args: new (options: { baseURL: string; maxRetries: number }) => typeof client;
    pathsClient: (c: unknown) => typeof paths;
  };
  client = new Args({ baseURL: server.url, maxRetries: 0 });
  paths = pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

/** Calls the method; a synchronous throw fails the test, the rejection's message is returned. */
async function rejection(resource: string, method: string, ...args: unknown[]): Promise<string> {
  let promise: Promise<unknown> | undefined;
  expect(() => {
    promise = client[resource]![method]!(...args);
  }, `${resource}.${method} threw synchronously`).not.toThrow();
  const settled = await Promise.allSettled([promise]);
  expect(settled[0]?.status).toBe('rejected');
  const reason = (settled[0] as PromiseRejectedResult).reason as Error;
  expect(reason.name).toBe('SDKError');
  return reason.message;
}

describe('a bad argument rejects the returned promise, and nothing is sent', () => {
  it.each<[string, string, string, unknown[], RegExp]>([
    ['an empty path parameter', 'download', 'download', [''], /\{name\}.*cannot be empty/],
    ['"."', 'download', 'download', ['.'], /\{name\}.*cannot be "\."/],
    ['".."', 'download', 'download', ['..'], /\{name\}.*cannot be "\.\."/],
    [
      'an object path parameter with no properties',
      'reports',
      'retrieve',
      [{}],
      /\{filter\}.*empty/,
    ],
    [
      'an object path parameter with only undefined',
      'reports',
      'retrieve',
      [{ from: undefined }],
      /\{filter\}/,
    ],
    ['an empty array path parameter', 'tags', 'retrieve', [[]], /\{tags\}.*empty/],
    ['an empty label array', 'labels', 'retrieve', [[]], /\{ids\}/],
    ['a path parameter that is no string', 'download', 'download', [null], /\{name\}.*string/],
    [
      'a lone surrogate in a path parameter',
      'download',
      'download',
      ['\uD800'],
      /\{name\}.*Unicode/,
    ],
    ['a bad header value', 'search', 'run', [{ 'X-Trace': 'a\nb' }], /header/i],
    ['a lone surrogate in a query value', 'search', 'run', [{ q: '\uD800' }], /\bq\b.*Unicode/],
    [
      'an empty path parameter of a list method',
      'items',
      'list',
      [''],
      /\{owner\}.*cannot be empty/,
    ],
  ])('%s', async (_kind, resource, method, args, message) => {
    const before = server.requests.length;
    expect(await rejection(resource, method, ...args)).toMatch(message);
    expect(server.requests.length).toBe(before);
  });

  it('names the parameter and the fix', async () => {
    expect(await rejection('download', 'download', '')).toBe(
      'Path parameter {name} of /download/{name} cannot be empty: it would change the request path: style simple sends the empty string as nothing, so the path would end in "/", which names another resource (the parent, or the same path without the segment where a server ignores a trailing slash). Pass a non-empty value.',
    );
  });

  it('the typed path client rejects too, naming the parameter', async () => {
    const before = server.requests.length;
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = paths.GET('/download/{name}', { params: { path: { name: '..' } } });
    }).not.toThrow();
    await expect(promise).rejects.toThrow(
      'Path parameter {name} of /download/{name} cannot be ".."',
    );
    expect(server.requests.length).toBe(before);
  });

  it('a list method rejects when iterated too', async () => {
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of client['items']!['list']!(
          '..',
        ) as unknown as AsyncIterable<unknown>)
          seen.push(item);
      })(),
    ).rejects.toThrow(/\{owner\}/);
    expect(seen).toEqual([]);
  });

  it('good arguments still go through', async () => {
    await client['download']!['download']!('a/b');
    await client['reports']!['retrieve']!({ from: 'x' });
    expect(server.requests.slice(-2).map((request) => request.url)).toEqual([
      '/download/a%2Fb',
      '/reports/from,x',
    ]);
  });
});
