/**
 * `application/x-www-form-urlencoded` request bodies as OpenAPI 3.1.1 §4.8.14 and the Encoding
 * Object say: a property with `style`, `explode` or `allowReserved` is serialised like a query
 * parameter of that style; one without them by its `contentType` (default: JSON text for an
 * object, the text of a primitive, arrays by their items, repeated); spaces as `+` (RFC 1866).
 * A real server on 127.0.0.1 reads the body.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const strings = { type: 'array', items: { type: 'string' } };
const color = { type: 'object', properties: { R: { type: 'integer' }, G: { type: 'integer' } } };
const address = {
  type: 'object',
  properties: { street: { type: 'string' }, zip: { type: 'string' } },
};

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Forms', version: '1.0.0' },
  paths: {
    '/forms': {
      post: {
        operationId: 'submit',
        'x-sdk-method': 'forms.submit',
        tags: ['forms'],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  quoted: { type: 'string' },
                  address,
                  tags: strings,
                  csv: strings,
                  pipes: strings,
                  deep: color,
                  flat: color,
                  kept: { type: 'string' },
                },
              },
              encoding: {
                quoted: { contentType: 'application/json' },
                csv: { style: 'form', explode: false },
                pipes: { style: 'pipeDelimited' },
                deep: { style: 'deepObject', explode: true },
                flat: { explode: true },
                kept: { allowReserved: true },
              },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
  },
};

let server: TestServer;
let client: { forms: { submit(body: Record<string, unknown>): Promise<unknown> } };

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('forms-'), 'sdk');
  await generate({ spec, out, name: 'forms-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ ...json(204, {}), body: '' }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Forms: new (options: { baseURL: string; maxRetries: number }) => typeof client;
  };
  client = new exports.Forms({ baseURL: server.url, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function sent(body: Record<string, unknown>): Promise<string> {
  server.requests.length = 0;
  await client.forms.submit(body);
  expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  return server.requests[0]?.body ?? '';
}

describe('an x-www-form-urlencoded body', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'the specification example: an object as JSON text, spaces as +, + encoded',
      { id: 'f81d4fae', address: { street: '123 Example Dr.', zip: '99999+1234' } },
      'id=f81d4fae&address=%7B%22street%22%3A%22123+Example+Dr.%22%2C%22zip%22%3A%2299999%2B1234%22%7D',
    ],
    ['contentType application/json: a string as JSON', { quoted: 'f81d' }, 'quoted=%22f81d%22'],
    ['an array without encoding: repeated', { tags: ['a b', 'c'] }, 'tags=a+b&tags=c'],
    ['style form, explode false: comma-separated', { csv: ['a', 'b'] }, 'csv=a,b'],
    ['style pipeDelimited', { pipes: ['a', 'b'] }, 'pipes=a%7Cb'],
    ['style deepObject', { deep: { R: 100, G: 200 } }, 'deep%5BR%5D=100&deep%5BG%5D=200'],
    [
      'explode true (style form by default): the pairs',
      { flat: { R: 100, G: 200 } },
      'R=100&G=200',
    ],
    ['allowReserved', { kept: 'a/b:c' }, 'kept=a/b:c'],
  ])('%s', async (_case, body, want) => {
    expect(await sent(body)).toBe(want);
  });
});
