/**
 * Header parameters that fetch sets or refuses itself (Host, Content-Length, and the headers of the
 * connection: Connection, Keep-Alive, Transfer-Encoding, Upgrade, Expect) are left out of the SDK
 * method with a warning at their name. Taken as parameters, none reached the server: Node's fetch
 * replaces Host and drops Content-Length without a word, and rejects a call carrying one of the
 * others ("fetch failed"); browsers drop them all (Fetch standard, forbidden request-headers). A
 * required one made every call of the method fail. The request a real server on 127.0.0.1
 * receives carries the operation's other headers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../generator/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { specClient, type Methods } from './spec-client.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const MANAGED = [
  'Host',
  'content-length',
  'Connection',
  'Keep-Alive',
  'Transfer-Encoding',
  'Upgrade',
  'Expect',
];
const header = (name: string) => ({
  name,
  in: 'header',
  required: true,
  schema: { type: 'string' },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Gadgets', version: '1.0.0' },
  paths: {
    '/items/{id}': {
      parameters: [header('Host')],
      get: {
        operationId: 'getItem',
        'x-sdk-method': 'items.get',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ...MANAGED.slice(1).map(header),
          header('X-Trace'),
        ],
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  },
};

let server: TestServer;
let items: Methods;
let result: GenerateResult;
let out: string;

beforeAll(async () => {
  server = await startServer(() => json(200, { id: 'a1' }));
  const made = await specClient(SPEC, 'Gadgets', { baseURL: server.url, maxRetries: 0 });
  ({ result, out } = made);
  items = made.client['items']!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('header parameters fetch sets or refuses itself', () => {
  it('are each a warning at their name, saying what happens to the header', () => {
    const warning = result.warnings.find((w) => w.key === 'parameter:fetch-managed-header');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items~1{id}/parameters/0/name',
      ...MANAGED.slice(1).map(
        (_, index) => `#/paths/~1items~1{id}/get/parameters/${index + 1}/name`,
      ),
    ]);
    expect(warning?.problem).toMatch(/header parameter "Host" is left out: fetch sets Host/);
    expect(warning?.places.map((place) => place.hint)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/servers/),
        expect.stringMatching(/remove the parameter/),
      ]),
    );
  });

  it('are not parameters of the method, whose other headers reach the server', async () => {
    const resource = await readFile(join(out, 'src/resources/items.ts'), 'utf8');
    for (const name of MANAGED) expect(resource).not.toMatch(new RegExp(`'?${name}'?\\??:`, 'i'));
    await expect(items['get']!('a1', { 'X-Trace': 't1' })).resolves.toEqual({ id: 'a1' });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['x-trace']).toBe('t1');
    expect(seen.headers['host']).toBe(new URL(server.url).host);
  });
});
