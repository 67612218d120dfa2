/**
 * Parameters described by `content` instead of `schema` (OpenAPI 3.1.1 §4.8.12.2.3): a JSON media
 * type (`application/json`, `…+json`) means the value goes as its JSON text, then percent-encoded
 * for the query, never spread as `form` pairs; a string is a JSON string, quoted (RFC 8259 §7),
 * as the same string in a JSON request body is. Resource methods and the typed path client alike;
 * a real server on 127.0.0.1 reads what arrives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const point = {
  type: 'object',
  properties: { lat: { type: 'number' }, long: { type: 'number' } },
};
const jsonContent = (schema: unknown, type = 'application/json') => ({ [type]: { schema } });

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Content', version: '1.0.0' },
  paths: {
    '/near': {
      get: {
        operationId: 'near',
        'x-sdk-method': 'places.near',
        tags: ['places'],
        parameters: [
          { name: 'coordinates', in: 'query', content: jsonContent(point) },
          {
            name: 'tags',
            in: 'query',
            content: jsonContent({ type: 'array' }, 'application/x+json'),
          },
          { name: 'X-Filter', in: 'header', content: jsonContent(point) },
          { name: 'where', in: 'cookie', content: jsonContent(point) },
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: {} } } },
        },
      },
    },
    '/at/{point}': {
      get: {
        operationId: 'at',
        'x-sdk-method': 'places.at',
        tags: ['places'],
        parameters: [{ name: 'point', in: 'path', required: true, content: jsonContent(point) }],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: {} } } },
        },
      },
    },
  },
};

type Near = (params: Record<string, unknown>) => Promise<unknown>;
let server: TestServer;
let client: { places: { near: Near; at(point: unknown): Promise<unknown> } };
let paths: {
  GET(
    url: string,
    init: { params: { query?: Record<string, unknown>; cookie?: Record<string, unknown> } },
  ): Promise<unknown>;
};

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('content-'), 'sdk');
  await generate({ spec, out, name: 'content-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => json(200, {}));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Content: new (options: { baseURL: string; maxRetries: number }) => typeof client;
    pathsClient(c: unknown): typeof paths;
  };
  client = new exports.Content({ baseURL: server.url, maxRetries: 0 });
  paths = exports.pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

const COORDINATES = '%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D';

describe('a query parameter with content: application/json', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an object, as its JSON text', { coordinates: { lat: 1.5, long: -2 } }, COORDINATES],
    // helper-108: a string went as raw text (`q=abc`), which is no JSON.
    ['a string, as a JSON string', { coordinates: 'abc' }, '%22abc%22'],
    ['an array under a +json type', { tags: ['a', 'b'] }, 'tags=%5B%22a%22%2C%22b%22%5D'],
  ])('%s', async (_case, params, want) => {
    server.requests.length = 0;
    await client.places.near(params);
    await paths.GET('/near', { params: { query: params } });
    const sent = server.requests.map((request) => request.url.slice('/near?'.length));
    const expected = want.includes('=') ? want : `coordinates=${want}`;
    expect(sent).toEqual([expected, expected]);
  });
});

describe('a header parameter with content: application/json', () => {
  it('sends an object as its JSON text', async () => {
    server.requests.length = 0;
    await client.places.near({ 'X-Filter': { lat: 1.5, long: -2 } });
    expect(server.requests[0]?.headers['x-filter']).toBe('{"lat":1.5,"long":-2}');
  });

  it('sends a string as a JSON string', async () => {
    server.requests.length = 0;
    await client.places.near({ 'X-Filter': 'abc' });
    expect(server.requests[0]?.headers['x-filter']).toBe('"abc"');
  });
});

describe('a cookie parameter with content: application/json (typed path client)', () => {
  it('sends an object as its JSON text, in cookie octets (helper-137 7)', async () => {
    server.requests.length = 0;
    await paths.GET('/near', { params: { cookie: { where: { lat: 1.5, long: -2 } } } });
    expect(server.requests[0]?.headers['cookie']).toBe('where={%22lat%22:1.5%2C%22long%22:-2}');
  });
});

describe('a path parameter with content: application/json', () => {
  it.each<[string, unknown]>([
    ['an object, as its JSON text, encoded as one segment', { lat: 1.5, long: -2 }],
  ])('%s', async (_case, value) => {
    server.requests.length = 0;
    await client.places.at(value);
    expect(server.requests[0]?.url).toBe(`/at/${COORDINATES}`);
  });

  it('a string, as a JSON string: quoted, then encoded', async () => {
    server.requests.length = 0;
    await client.places.at('abc');
    expect(server.requests[0]?.url).toBe('/at/%22abc%22');
  });
});
