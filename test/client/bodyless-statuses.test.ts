/**
 * A 204 or 205 has no body by definition (RFC 9110 §15.3.5-6). A spec that declares content on one
 * gets a warning naming it, and the method resolves to undefined when a real server on 127.0.0.1
 * answers that status, instead of failing every call with "answered 204 without a body".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../generator/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
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
      delete: {
        operationId: 'deleteItem',
        'x-sdk-method': 'items.delete',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Deleted', content } },
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
};

let server: TestServer;
let items: Methods;
let result: GenerateResult;

beforeAll(async () => {
  server = await startServer((request) => ({ status: request.method === 'DELETE' ? 204 : 205 }));
  const made = await specClient(SPEC, 'Bodyless', { baseURL: server.url, maxRetries: 0 });
  result = made.result;
  items = made.client['items']!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('a 204 or 205 declared with content', () => {
  it('is a warning at that content, once for the kind, naming each place', () => {
    const warning = result.warnings.find((w) => w.key === 'response:bodyless-content');
    expect(warning?.location.pointer).toBe('#/paths/~1items~1{id}/delete/responses/204/content');
    expect(warning?.problem).toMatch(
      /a 204 response has no body .*declares content \(application\/json\)/,
    );
    expect(warning?.hint).toMatch(/remove `content`; to answer with a body, use 200/);
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items~1{id}/delete/responses/204/content',
      '#/paths/~1form/post/responses/205/content',
    ]);
  });

  it('resolves to undefined when the server answers 204', async () => {
    await expect(items['delete']!('a1')).resolves.toBeUndefined();
    expect(server.requests.at(-1)?.method).toBe('DELETE');
  });

  it('resolves to undefined when the server answers 205', async () => {
    await expect(items['reset']!()).resolves.toBeUndefined();
  });
});
