/**
 * Numbers in parameters and form fields are sent as plain decimals, whatever their size: a URI, a
 * header or a form field has no number syntax of its own, and a server reads `1e+21` as the
 * string it is (JSON Schema's `integer` 1000000000000000000000, `number` 0.0000001). JavaScript's
 * `String()` writes such values with an exponent; the runtime writes their digits (the shortest
 * ones that read back as the same number). Path (every style), query (every style), header,
 * `application/x-www-form-urlencoded` and `multipart/form-data` alike, through the resource
 * methods and the typed path client; a real server on 127.0.0.1 reads what arrives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const number = { type: 'number' };
const numbers = { type: 'array', items: number };
const point = { type: 'object', properties: { x: number } };
const ok = { '200': { description: 'OK', content: { 'application/json': { schema: {} } } } };
const fields = { type: 'object', properties: { n: number, list: numbers } };

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Numbers', version: '1.0.0' },
  paths: {
    '/simple/{n}': {
      get: {
        operationId: 'simple',
        'x-sdk-method': 'numbers.simple',
        tags: ['numbers'],
        parameters: [{ name: 'n', in: 'path', required: true, schema: number }],
        responses: ok,
      },
    },
    '/matrix/{n}': {
      get: {
        operationId: 'matrix',
        'x-sdk-method': 'numbers.matrix',
        tags: ['numbers'],
        parameters: [
          {
            name: 'n',
            in: 'path',
            required: true,
            schema: numbers,
            style: 'matrix',
            explode: true,
          },
        ],
        responses: ok,
      },
    },
    '/find': {
      get: {
        operationId: 'find',
        'x-sdk-method': 'numbers.find',
        tags: ['numbers'],
        parameters: [
          { name: 'n', in: 'query', schema: number },
          { name: 'list', in: 'query', schema: numbers, style: 'pipeDelimited', explode: false },
          { name: 'deep', in: 'query', schema: point, style: 'deepObject' },
          { name: 'X-N', in: 'header', schema: number },
        ],
        responses: ok,
      },
    },
    '/form': {
      post: {
        operationId: 'form',
        'x-sdk-method': 'numbers.form',
        tags: ['numbers'],
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: fields } },
        },
        responses: ok,
      },
    },
    '/multipart': {
      post: {
        operationId: 'multipart',
        'x-sdk-method': 'numbers.multipart',
        tags: ['numbers'],
        requestBody: { required: true, content: { 'multipart/form-data': { schema: fields } } },
        responses: ok,
      },
    },
  },
};

type Call = (...args: unknown[]) => Promise<unknown>;
let server: TestServer;
let client: { numbers: Record<'simple' | 'matrix' | 'find' | 'form' | 'multipart', Call> };
let paths: { GET(url: string, init: unknown): Promise<unknown> };

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('numbers-'), 'sdk');
  await generate({ spec, out, name: 'numbers-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => json(200, {}));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Numbers: new (options: { baseURL: string; maxRetries: number }) => typeof client;
    pathsClient(c: unknown): typeof paths;
  };
  client = new exports.Numbers({ baseURL: server.url, maxRetries: 0 });
  paths = exports.pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

const BIG = 1e21;
const SMALL = 1.5e-7;
const BIG_TEXT = '1000000000000000000000';
const SMALL_TEXT = '0.00000015';

async function last(call: () => Promise<unknown>) {
  server.requests.length = 0;
  await call();
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('numbers are sent as plain decimals', () => {
  it('in a path parameter, style simple', async () => {
    expect((await last(() => client.numbers.simple(BIG))).url).toBe(`/simple/${BIG_TEXT}`);
    expect((await last(() => client.numbers.simple(-SMALL))).url).toBe(`/simple/-${SMALL_TEXT}`);
  });

  it('in a path parameter, style matrix, exploded', async () => {
    expect((await last(() => client.numbers.matrix([BIG, 2.5e-10]))).url).toBe(
      `/matrix/;n=${BIG_TEXT};n=0.00000000025`,
    );
  });

  it('in the query (form, pipeDelimited, deepObject), from both clients', async () => {
    const query = { n: BIG, list: [SMALL, 1.25e22], deep: { x: 3e-9 } };
    const want = `/find?n=${BIG_TEXT}&list=${SMALL_TEXT}%7C12500000000000000000000&deep%5Bx%5D=0.000000003`;
    expect((await last(() => client.numbers.find(query))).url).toBe(want);
    expect((await last(() => paths.GET('/find', { params: { query } }))).url).toBe(want);
  });

  it('in a header parameter', async () => {
    const seen = await last(() => client.numbers.find({ 'X-N': -BIG }));
    expect(seen.headers['x-n']).toBe(`-${BIG_TEXT}`);
  });

  it('in a header given per call or to the client (`headers: { "X-N": 1e21 }`)', async () => {
    const seen = await last(() =>
      client.numbers.find({}, { headers: { 'X-Big': BIG, 'X-Small': -SMALL } }),
    );
    expect(seen.headers['x-big']).toBe(BIG_TEXT);
    expect(seen.headers['x-small']).toBe(`-${SMALL_TEXT}`);
  });

  it('in an application/x-www-form-urlencoded body', async () => {
    const seen = await last(() => client.numbers.form({ n: BIG, list: [SMALL] }));
    expect(seen.body).toBe(`n=${BIG_TEXT}&list=${SMALL_TEXT}`);
  });

  it('in a multipart/form-data body', async () => {
    const seen = await last(() => client.numbers.multipart({ n: BIG, list: [SMALL] }));
    expect(seen.body).toContain(`name="n"\r\n\r\n${BIG_TEXT}\r\n`);
    expect(seen.body).toContain(`name="list"\r\n\r\n${SMALL_TEXT}\r\n`);
  });

  it('numbers String() writes without an exponent stay as they are', async () => {
    const seen = await last(() => client.numbers.find({ n: 123.456, list: [0, -0.5, 1e20] }));
    expect(seen.url).toBe('/find?n=123.456&list=0%7C-0.5%7C100000000000000000000');
  });
});
