/**
 * A required query or header parameter the caller leaves out (from JavaScript, or past the types
 * with `as`) fails at once with an `SDKError` that names it and where to pass it, before any
 * request, as a missing path parameter does. Optional ones left out send nothing. Flat and nested
 * params objects; a real server on 127.0.0.1 counts the requests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const string = { type: 'string' };
const parameters = [
  { name: 'q', in: 'query', required: true, schema: string },
  { name: 'limit', in: 'query', schema: { type: 'integer' } },
  { name: 'X-Tenant', in: 'header', required: true, schema: string },
  { name: 'X-Trace', in: 'header', schema: string },
];

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Demands', version: '1.0.0' },
  paths: {
    '/search': {
      get: {
        operationId: 'search',
        'x-sdk-method': 'things.search',
        tags: ['things'],
        parameters,
        responses: { '204': { description: 'Done' } },
      },
    },
    '/notes': {
      put: {
        operationId: 'note',
        'x-sdk-method': 'things.note',
        tags: ['things'],
        parameters,
        requestBody: { required: true, content: { 'text/plain': { schema: string } } },
        responses: { '204': { description: 'Done' } },
      },
    },
  },
};

type Call = (params?: unknown) => Promise<unknown>;
let server: TestServer;
let things: { search: Call; note: Call };

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('required-'), 'sdk');
  await generate({ spec, out, name: 'required-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Demands: new (options: Record<string, unknown>) => { things: typeof things };
  };
  things = new exports.Demands({ baseURL: server.url, maxRetries: 0 }).things;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function failure(call: () => Promise<unknown>): Promise<string> {
  server.requests.length = 0;
  const error = (await call().then(
    () => new Error('resolved'),
    (caught: unknown) => caught,
  )) as Error;
  expect(error.name).toBe('SDKError');
  expect(server.requests).toHaveLength(0);
  return error.message;
}

describe('a required parameter left out', () => {
  it.each<[string, () => Promise<unknown>, string]>([
    ['flat: the query parameter', () => things.search({ 'X-Tenant': 't' }), 'query parameter "q"'],
    ['flat: the header', () => things.search({ q: 'x' }), 'header "X-Tenant"'],
    ['flat: no params at all', () => things.search(), 'query parameter "q"'],
    [
      'nested: the query parameter',
      () => things.note({ body: 'b', headers: { 'X-Tenant': 't' } }),
      'query parameter "q"',
    ],
    [
      'nested: the header',
      () => things.note({ body: 'b', query: { q: 'x' } }),
      'header "X-Tenant"',
    ],
  ])('%s: an SDKError naming it, nothing sent', async (_case, call, named) => {
    const message = await failure(call);
    expect(message).toContain(named);
    expect(message).toMatch(/GET \/search|PUT \/notes/);
  });

  it('null is a value left out too', async () => {
    expect(await failure(() => things.search({ q: null, 'X-Tenant': 't' }))).toContain('"q"');
  });
});

describe('optional parameters left out', () => {
  it('send nothing', async () => {
    server.requests.length = 0;
    await things.search({ q: 'x', 'X-Tenant': 't' });
    await things.note({ body: 'b', query: { q: 'x' }, headers: { 'X-Tenant': 't' } });
    expect(server.requests.map((request) => request.url)).toEqual(['/search?q=x', '/notes?q=x']);
    for (const request of server.requests) {
      expect(request.headers['x-tenant']).toBe('t');
      expect(request.headers['x-trace']).toBeUndefined();
    }
  });
});
