/**
 * `allowReserved: true` on a query parameter (OpenAPI 3.1 §4.8.12.4): the reserved characters of
 * RFC 3986 a query may hold (`:/?@!$&'()*+,;=`) and percent-encoded triples go into the query as
 * they are, in every query style, from the resource methods and the typed path client alike; `#`
 * (it would end the URL), `[` and `]`, a lone `%` and the characters a query cannot hold are still
 * percent-encoded (OpenAPI 3.1.1 §4.8.12.2.2). A parameter without it is encoded
 * whole. A real server on 127.0.0.1 reads the raw request target.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const query = (name: string, schema: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'query',
  schema,
  ...extra,
});
const reserved = { allowReserved: true };
const strings = { type: 'array', items: { type: 'string' } };
const pair = { type: 'object', properties: { k: { type: 'string' } } };

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Reserved', version: '1.0.0' },
  paths: {
    '/find': {
      get: {
        operationId: 'find',
        'x-sdk-method': 'things.find',
        tags: ['things'],
        parameters: [
          query('res', { type: 'string' }, reserved),
          query('plain', { type: 'string' }),
          query('list', strings, { ...reserved, explode: false }),
          query('each', strings, reserved),
          query('pipes', strings, { ...reserved, style: 'pipeDelimited', explode: false }),
          query('obj', pair, { ...reserved, explode: false }),
          query('deep', pair, { ...reserved, style: 'deepObject' }),
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: {} } } },
        },
      },
    },
  },
};

const RESERVED = 'a/b?c=d&e#f';
// `'` is left to the URL standard, which percent-encodes it in the query of an http(s) URL;
// `[` and `]`, reserved but not allowed in a query (RFC 3986 §3.4), are encoded like `#`.
const ALL = ':/?@!$&()*+,;=';

type Find = (params: Record<string, unknown>) => Promise<unknown>;
let server: TestServer;
let client: { things: { find: Find } };
let paths: {
  GET(url: string, init: { params: { query: Record<string, unknown> } }): Promise<unknown>;
};

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('reserved-'), 'sdk');
  await generate({ spec, out, name: 'reserved-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => json(200, {}));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Reserved: new (options: { baseURL: string; maxRetries: number }) => typeof client;
    pathsClient(c: unknown): typeof paths;
  };
  client = new exports.Reserved({ baseURL: server.url, maxRetries: 0 });
  paths = exports.pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function sent(params: Record<string, unknown>): Promise<{ method: string; query: string }[]> {
  server.requests.length = 0;
  await client.things.find(params);
  await paths.GET('/find', { params: { query: params } });
  return server.requests.map((request) => ({
    method: request.method,
    query: request.url.slice('/find?'.length),
  }));
}

describe('allowReserved: true', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'the example: reserved characters as they are, # encoded',
      { res: RESERVED },
      'res=a/b?c=d&e%23f',
    ],
    ['every reserved character a query may hold', { res: ALL }, `res=${ALL}`],
    ['[ and ] encoded (OpenAPI 3.1.1 §4.8.12.2.2)', { res: 'a[0]' }, 'res=a%5B0%5D'],
    ['percent-encoded triples kept, a lone % encoded', { res: 'x%2By%' }, 'res=x%2By%25'],
    [
      '% and what a query cannot hold, encoded',
      { res: '50% <a b>"' },
      'res=50%25%20%3Ca%20b%3E%22',
    ],
    ['a parameter without it, encoded whole', { plain: RESERVED }, 'plain=a%2Fb%3Fc%3Dd%26e%23f'],
    ['form, not exploded', { list: ['a/b', 'c:d'] }, 'list=a/b,c:d'],
    ['form, exploded', { each: ['a/b', 'c@d'] }, 'each=a/b&each=c@d'],
    ['pipeDelimited (its `|` encoded)', { pipes: ['a/b', 'c'] }, 'pipes=a/b%7Cc'],
    ['an object, not exploded', { obj: { k: 'a/b:c' } }, 'obj=k,a/b:c'],
    ['deepObject', { deep: { k: 'a/b' } }, 'deep%5Bk%5D=a/b'],
  ])('%s', async (_case, params, want) => {
    const requests = await sent(params);
    expect(requests).toEqual([
      { method: 'GET', query: want },
      { method: 'GET', query: want },
    ]);
  });
});
