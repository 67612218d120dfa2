/**
 * A 204 or 205 has no body by definition (RFC 9110 §15.3.5-6), nor has a 304 (§15.4.5) or any
 * answer to HEAD (§9.3.2). A spec that declares content on one gets a warning naming it; the method
 * resolves to undefined when a real server on 127.0.0.1 answers that status, instead of failing
 * every call with "answered 204 without a body"; and the types, the resource client's and the path
 * client's both, promise no body there (a consumer file under strict tsc).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../generator/index.ts';
import { compile, removeTempDirs } from '../generator/helpers.ts';
import { specClient, type Methods } from './spec-client.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const content = {
  'application/json': {
    schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
  },
};

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Bodyless', version: '1.0.0' },
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      delete: {
        operationId: 'deleteItem',
        'x-sdk-method': 'items.delete',
        responses: { '204': { description: 'Deleted', content } },
      },
      // HEAD shares GET's response, body and all: the warning is at HEAD's $ref.
      head: {
        operationId: 'checkItem',
        'x-sdk-method': 'items.check',
        responses: { '200': { $ref: '#/components/responses/Item' } },
      },
      get: {
        operationId: 'getItem',
        'x-sdk-method': 'items.get',
        responses: {
          '200': { $ref: '#/components/responses/Item' },
          '304': {
            description: 'Not modified',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { stale: { type: 'boolean' } } },
              },
            },
          },
        },
      },
    },
    '/form': {
      post: {
        operationId: 'resetForm',
        'x-sdk-method': 'items.reset',
        responses: { '205': { description: 'Reset the view', content } },
      },
    },
  },
  components: { responses: { Item: { description: 'The item', content } } },
};

/** Uses the package as a consumer would: each bodyless answer is typed without a body. */
const USAGE = `import { Bodyless, pathsClient } from './index.js';

const client = new Bodyless();
const paths = pathsClient(client);

export async function usage(): Promise<void> {
  const deleted: void = await client.items.delete('a1');
  const checked: void = await client.items.check('a1');
  const item: { id: string } = await client.items.get('a1');
  // @ts-expect-error HEAD's answer has no body, whatever the shared response declares
  void (await client.items.check('a1')).id;
  const head = await paths.HEAD('/items/{id}', { params: { path: { id: 'a1' } } });
  // @ts-expect-error no data on HEAD
  void head.data.id;
  const gone = await paths.DELETE('/items/{id}', { params: { path: { id: 'a1' } } });
  // @ts-expect-error no data on a 204
  void gone.data.id;
  const got = await paths.GET('/items/{id}', { params: { path: { id: 'a1' } } });
  // @ts-expect-error a 304 has no body: the error is not its declared content
  void got.error.stale;
  void deleted, checked, item;
}
`;

let server: TestServer;
let items: Methods;
let result: GenerateResult;
let out: string;

const STATUS: Record<string, number> = { DELETE: 204, POST: 205, HEAD: 200, GET: 304 };

beforeAll(async () => {
  server = await startServer((request) => ({
    status: STATUS[request.method] ?? 500,
    // A HEAD's answer says what GET would send; node:http sends no body with it.
    headers: { 'content-type': 'application/json' },
  }));
  const made = await specClient(SPEC, 'Bodyless', { baseURL: server.url, maxRetries: 0 });
  ({ result, out } = made);
  items = made.client['items']!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('a 204, 205 or 304, or an answer to HEAD, declared with content', () => {
  it('is a warning at that content, once for the kind, naming each place', () => {
    const warning = result.warnings.find((w) => w.key === 'response:bodyless-content');
    // Operations in spec order, methods in HTTP's (GET first).
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items~1{id}/get/responses/304/content',
      '#/paths/~1items~1{id}/delete/responses/204/content',
      '#/paths/~1items~1{id}/head/responses/200',
      '#/paths/~1form/post/responses/205/content',
    ]);
    const [notModified, deleted, head, reset] = warning!.places;
    expect(deleted?.problem).toMatch(
      /a 204 response has no body .*declares content \(application\/json\)/,
    );
    expect(deleted?.hint).toMatch(/remove `content`; to answer with a body, use 200/);
    expect(reset?.problem).toMatch(/a 205 response has no body \(RFC 9110 §15\.3\.6\)/);
    expect(head?.problem).toMatch(/an answer to HEAD has no body \(RFC 9110 §9\.3\.2\)/);
    expect(head?.hint).toMatch(/its own response without `content` instead of the \$ref/);
    expect(notModified?.problem).toMatch(/a 304 response has no body \(RFC 9110 §15\.4\.5\)/);
    expect(notModified?.hint).not.toMatch(/use 200/);
  });

  it('is typed without a body, in the resource client and the path client', async () => {
    await writeFile(join(out, 'src/usage.ts'), USAGE);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);

  it('fails with an APIError without a body when the server answers 304', async () => {
    await expect(items['get']!('a1')).rejects.toMatchObject({ status: 304, body: undefined });
  });

  it('resolves to undefined when the server answers HEAD', async () => {
    await expect(items['check']!('a1')).resolves.toBeUndefined();
    expect(server.requests.at(-1)?.method).toBe('HEAD');
  });

  it('resolves to undefined when the server answers 204', async () => {
    await expect(items['delete']!('a1')).resolves.toBeUndefined();
    expect(server.requests.at(-1)?.method).toBe('DELETE');
  });

  it('resolves to undefined when the server answers 205', async () => {
    await expect(items['reset']!()).resolves.toBeUndefined();
  });
});
