/**
 * A response under a media range (`*`/`*`, `application/*`) whose schema is raw bytes
 * (`format: binary`, OpenAPI 3.1.1 §4.8.14.3) is bytes whatever `Content-Type` the server labels
 * it with: a file served as `application/json` or `text/csv` came back parsed or as a string
 * while typed `Blob`, and failed response validation (helper-122 1). A real server on 127.0.0.1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const download = (id: string, type: string, schema: Record<string, unknown>) => ({
  get: {
    operationId: id,
    'x-sdk-method': `files.${id}`,
    tags: ['files'],
    responses: { '200': { description: 'The file.', content: { [type]: { schema } } } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Downloads', version: '1.0.0' },
  paths: {
    '/any': download('any', '*/*', { type: 'string', format: 'binary' }),
    '/app': download('app', 'application/*', { $ref: '#/components/schemas/File' }),
    '/media': download('media', '*/*', { type: 'string', contentMediaType: 'image/png' }),
    // helper-123 1: bytes behind an allOf and a chain of $refs.
    '/wrapped': download('wrapped', '*/*', { allOf: [{ $ref: '#/components/schemas/Wrapped' }] }),
  },
  components: {
    schemas: {
      File: { type: 'string', format: 'binary' },
      Wrapped: { $ref: '#/components/schemas/File' },
    },
  },
};

let server: TestServer;
let answer: { type: string; body: string };
let files: Record<'any' | 'app' | 'media' | 'wrapped', () => Promise<unknown>>;

beforeAll(async () => {
  const out = join(await tempDir('wildcard-responses-'), 'sdk');
  await generate({ spec: await writeSpec(SPEC), out, name: 'downloads-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({
    status: 200,
    headers: { 'content-type': answer.type },
    body: answer.body,
  }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Downloads: new (options: Record<string, unknown>) => { files: typeof files };
  };
  const { responseGuards } = (await import(join(out, 'src/response-guards.ts'))) as {
    responseGuards: unknown;
  };
  files = new exports.Downloads({
    baseURL: server.url,
    maxRetries: 0,
    responseValidation: 'throw',
    responseGuards,
  }).files;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('a binary response under a media range', () => {
  it.each([
    ['application/json', '{"a":1}'],
    ['text/csv', 'a,b\n1,2\n'],
    ['application/json', 'not JSON at all'],
    ['application/pdf', '%PDF-1.7'],
  ])('served as %s: a Blob of the bytes sent, asked for with Accept: */*', async (type, body) => {
    answer = { type, body };
    for (const id of ['any', 'app', 'media', 'wrapped'] as const) {
      server.requests.length = 0;
      const result = await files[id]();
      expect(result, id).toBeInstanceOf(Blob);
      expect(await (result as Blob).text()).toBe(body);
      const accept = server.requests[0]?.headers['accept'];
      expect(accept, id).toBe(id === 'app' ? 'application/*' : '*/*');
    }
  });
});
