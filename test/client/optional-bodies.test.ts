/**
 * An optional request body (`requestBody.required` absent or false) the caller leaves out is not
 * sent: no body, no `Content-Type` (a PATCH with `application/merge-patch+json` and `{}` would
 * mean "change nothing", but an empty request may mean something else to the server). Every
 * kind of body: JSON, a form, multipart (their properties sit in a flat params object), text,
 * bytes and a JSON array (under `body`). A required body is still sent when empty. A real server
 * on 127.0.0.1 reads what arrives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';
import { diagnostics, specPackage } from '../faults/package.ts';

const object = { type: 'object', properties: { name: { type: 'string' } } };

function operation(
  method: string,
  id: string,
  content: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    [method]: {
      operationId: id,
      'x-sdk-method': `items.${id}`,
      tags: ['items'],
      requestBody: { content, ...extra },
      responses: { '204': { description: 'Done' } },
    },
  };
}

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Bodies', version: '1.0.0' },
  paths: {
    '/merge': operation('patch', 'merge', { 'application/merge-patch+json': { schema: object } }),
    '/form': operation('post', 'form', { 'application/x-www-form-urlencoded': { schema: object } }),
    '/multipart': operation('post', 'multipart', { 'multipart/form-data': { schema: object } }),
    '/text': operation('put', 'text', { 'text/plain': { schema: { type: 'string' } } }),
    '/bytes': operation('put', 'bytes', { 'application/octet-stream': {} }),
    '/list': operation('post', 'list', {
      'application/json': { schema: { type: 'array', items: { type: 'string' } } },
    }),
    '/declined': operation(
      'patch',
      'declined',
      { 'application/json': { schema: object } },
      { required: false },
    ),
    '/required': operation(
      'put',
      'required',
      { 'application/json': { schema: object } },
      { required: true },
    ),
    // helper-133 7: an optional body with a required property: `strict()` did not compile.
    '/strict': operation(
      'put',
      'strict',
      { 'application/json': { schema: { ...object, required: ['name'] } } },
      { required: false },
    ),
    '/strict-query': {
      put: {
        ...(operation('put', 'strictQuery', {
          'application/json': { schema: { ...object, required: ['name'] } },
        })['put'] as object),
        parameters: [{ name: 'dryRun', in: 'query', schema: { type: 'boolean' } }],
      },
    },
    '/with-query/{id}': {
      patch: {
        ...(operation('patch', 'withQuery', { 'application/json': { schema: object } })[
          'patch'
        ] as object),
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'dryRun', in: 'query', schema: { type: 'boolean' } },
        ],
      },
    },
  },
};

type Call = (...args: unknown[]) => Promise<unknown>;
let server: TestServer;
let items: Record<string, Call>;

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('bodies-'), 'sdk');
  await generate({ spec, out, name: 'bodies-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Bodies: new (options: Record<string, unknown>) => { items: typeof items };
  };
  items = new exports.Bodies({ baseURL: server.url, maxRetries: 0 }).items;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function sent(call: () => Promise<unknown>): Promise<{ body: string; type: unknown }> {
  server.requests.length = 0;
  await call();
  const request = server.requests[0];
  return { body: request?.body ?? '', type: request?.headers['content-type'] };
}

describe('an optional body left out', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['JSON (merge patch), flat params', () => items['merge']!()],
    ['JSON, required: false', () => items['declined']!()],
    ['JSON beside a query parameter', () => items['withQuery']!('1', { dryRun: true })],
    ['JSON with a required property', () => items['strict']!()],
    ['JSON with a required property, beside a query parameter', () => items['strictQuery']!()],
    ['a form', () => items['form']!()],
    ['multipart', () => items['multipart']!()],
    ['text', () => items['text']!()],
    ['bytes', () => items['bytes']!()],
    ['a JSON array', () => items['list']!()],
  ])('%s: no body, no Content-Type', async (_case, call) => {
    expect(await sent(call)).toEqual({ body: '', type: undefined });
  });

  it('a property that is undefined is no body either', async () => {
    expect(await sent(() => items['merge']!({ name: undefined }))).toEqual({
      body: '',
      type: undefined,
    });
  });
});

describe('a body given', () => {
  it('an optional one is sent', async () => {
    expect(await sent(() => items['merge']!({ name: 'x' }))).toEqual({
      body: '{"name":"x"}',
      type: 'application/merge-patch+json',
    });
  });

  it('a required one is sent even when empty', async () => {
    expect(await sent(() => items['required']!())).toEqual({
      body: '{}',
      type: 'application/json',
    });
  });
});

describe('an optional body with required properties (helper-133 7, note24)', () => {
  it('may be left out, and must be whole when given', async () => {
    // Sent first: the compile below takes seconds, past the server's keep-alive timeout.
    expect(
      await sent(() => items['strictQuery']!({ query: { dryRun: true }, body: { name: 'x' } })),
    ).toEqual({ body: '{"name":"x"}', type: 'application/json' });
    expect(await sent(() => items['strictQuery']!({ query: { dryRun: true } }))).toEqual({
      body: '',
      type: undefined,
    });
    const pkg = await specPackage(SPEC);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import { Bodies } from './index.js';
const items = new Bodies().items;
void items.strict();
void items.strict({ name: 'x' });
void items.strictQuery();
// Beside a query parameter the params are nested, so that the query can go without the body.
void items.strictQuery({ query: { dryRun: true } });
void items.strictQuery({ query: { dryRun: true }, body: { name: 'x' } });
// @ts-expect-error a body given needs its required property
void items.strict({});
// @ts-expect-error so does one beside a query parameter
void items.strictQuery({ body: {} });
// A required body still needs its params.
void items.required();
`,
      }),
    ).toEqual([]);
  });
});
