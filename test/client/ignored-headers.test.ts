/**
 * Header parameters named Accept, Content-Type or Authorization are ignored, as OpenAPI says
 * (3.1 §4.8.12.2): a warning names each, the SDK method does not take them, and the request a
 * real server on 127.0.0.1 receives carries the client's own headers (the token of the security
 * scheme, the body's media type), which such a parameter would otherwise override.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../generator/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { specClient, type Methods } from './spec-client.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const item = { type: 'object', properties: { id: { type: 'string' } } };
const ok = { description: 'OK', content: { 'application/json': { schema: item } } };
const header = (name: string) => ({
  name,
  in: 'header',
  required: true,
  schema: { type: 'string', enum: ['text/plain'] },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Gadgets', version: '1.0.0' },
  components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
  security: [{ token: [] }],
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        'x-sdk-method': 'items.get',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          header('authorization'),
          header('Accept'),
        ],
        responses: { '200': ok },
      },
    },
    '/items': {
      post: {
        operationId: 'createItem',
        'x-sdk-method': 'items.create',
        parameters: [header('Content-Type')],
        requestBody: { required: true, content: { 'application/json': { schema: item } } },
        responses: { '200': ok },
      },
    },
  },
};

let server: TestServer;
let items: Methods;
let result: GenerateResult;

beforeAll(async () => {
  server = await startServer(() => json(200, { id: 'a1' }));
  const made = await specClient(SPEC, 'Gadgets', {
    baseURL: server.url,
    maxRetries: 0,
    token: 'secret',
  });
  result = made.result;
  items = made.client['items']!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('Accept, Content-Type and Authorization header parameters', () => {
  it('are each a warning at their name, saying what sets the header instead', () => {
    const warning = result.warnings.find((w) => w.key === 'parameter:ignored-header');
    expect(warning?.places.map((place) => [place.location.pointer, place.hint])).toEqual([
      ['#/paths/~1items~1{id}/get/parameters/1/name', expect.stringMatching(/security scheme/)],
      ['#/paths/~1items~1{id}/get/parameters/2/name', expect.stringMatching(/responses' media/)],
      ['#/paths/~1items/post/parameters/0/name', expect.stringMatching(/request body's media/)],
    ]);
    expect(warning?.problem).toMatch(/header parameter "authorization" is ignored/);
  });

  it('are not taken by the method: the client sends its token and Accept', async () => {
    await expect(items['get']!('a1')).resolves.toEqual({ id: 'a1' });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['authorization']).toBe('Bearer secret');
    expect(seen.headers['accept']).toMatch(/^application\/json/);
  });

  it('leave the body its own media type', async () => {
    await expect(items['create']!({ id: 'a2' })).resolves.toEqual({ id: 'a1' });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.body).toBe('{"id":"a2"}');
  });
});
