/**
 * Parameters described by `content` instead of `schema` (OpenAPI 3.1.1 §4.8.12.2.3): a JSON media
 * type (`application/json`, `…+json`) means the value goes as its JSON text, then percent-encoded
 * for the query, never spread as `form` pairs. A string is taken as that text already. Resource
 * methods and the typed path client alike; a real server on 127.0.0.1 reads what arrives.
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
  GET(url: string, init: { params: { query: Record<string, unknown> } }): Promise<unknown>;
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
    ['a string, as the JSON text it is', { coordinates: '{"lat":1.5,"long":-2}' }, COORDINATES],
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
});

describe('a path parameter with content: application/json', () => {
  it.each<[string, unknown]>([
    ['an object, as its JSON text, encoded as one segment', { lat: 1.5, long: -2 }],
    ['a string, as the JSON text it is', '{"lat":1.5,"long":-2}'],
  ])('%s', async (_case, value) => {
    server.requests.length = 0;
    await client.places.at(value);
    expect(server.requests[0]?.url).toBe(`/at/${COORDINATES}`);
  });
});
