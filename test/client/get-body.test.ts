/**
 * A request body on GET or HEAD (helper-117 F2): OpenAPI allows one, fetch refuses to send it.
 * The generator warns and leaves it out of the resource method and of the typed path client's
 * types; the runtime refuses one with an SDKError before sending, never a connection error
 * retried for nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import type { GeneratorWarning } from '../../generator/warnings.ts';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIConnectionError, SDKError } from '../../templates/runtime/errors.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const BODY = {
  content: {
    'application/json': { schema: { type: 'object', properties: { q: { type: 'string' } } } },
  },
};
const OK = { '200': { description: 'OK', content: { 'application/json': { schema: {} } } } };

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Searches', version: '1.0.0' },
  paths: {
    '/search': {
      get: { operationId: 'search', requestBody: BODY, responses: OK },
      head: {
        operationId: 'probe',
        requestBody: BODY,
        responses: { '200': { description: 'OK' } },
      },
      post: { operationId: 'query', requestBody: BODY, responses: OK },
    },
  },
};

let out: string;
let warnings: GeneratorWarning[];
let server: TestServer;

beforeAll(async () => {
  out = join(await tempDir('get-body-'), 'sdk');
  ({ warnings } = await generate({ spec: await writeSpec(SPEC), out, name: 'get-body-sdk' }));
  server = await startServer(() => json(200, {}));
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

describe('a request body on GET or HEAD', () => {
  it('is left out of the method and of the typed path client, with a warning at each', async () => {
    const found = warnings.filter((warning) => warning.key === 'operation:body-on-get');
    expect(found.flatMap((w) => w.places.map((p) => p.location.pointer))).toEqual([
      '#/paths/~1search/get/requestBody',
      '#/paths/~1search/head/requestBody',
    ]);
    expect(found[0]!.problem).toContain('fetch cannot send');
    const resource = await readFile(join(out, 'src/resources/search.ts'), 'utf8');
    expect(resource).toMatch(/search\(options\?: RequestOptions\)/);
    expect(resource).toMatch(/query\(params: SearchQueryParams = \{\}/);
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    const operations = openapi.slice(openapi.indexOf('export interface operations'));
    const block = (id: string) =>
      operations.slice(operations.indexOf(`  ${id}: {`)).split('\n  };')[0]!;
    expect(block('search')).toMatch(/requestBody\?: never;/);
    expect(block('probe')).toMatch(/requestBody\?: never;/);
    expect(block('query')).toMatch(/requestBody\?: \{/);
  });

  it('is refused by the runtime before sending, as an SDKError that is not retried', async () => {
    const core = new ClientCore({ baseURL: server.url, maxRetries: 2 });
    for (const method of ['get', 'head'] as const) {
      const call = core.request({ method, path: '/search', body: { q: 'a' } });
      await expect(call).rejects.toThrow(SDKError);
      await expect(call).rejects.not.toThrow(APIConnectionError);
      await expect(call).rejects.toThrow(
        `A ${method.toUpperCase()} request cannot carry a body (fetch refuses one); nothing was sent.`,
      );
    }
    expect(server.requests).toHaveLength(0);
    await core.request({ method: 'get', path: '/search' });
    expect(server.requests).toHaveLength(1);
  });
});
