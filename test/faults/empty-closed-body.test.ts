/**
 * A JSON request body that allows no property at all (`type: object, properties: {},
 * additionalProperties: false`, as Open Banking's file-payment consents write their `File`) is
 * typed `Record<string, never>`. Its (no) properties beside the header and query parameters in one
 * params object made the params interface extend it, and every parameter clashed with the index
 * signature `never` (TS2411): the package did not compile. Such a body is passed as `body`, beside
 * `query` and `headers`, like any body that is not an object of known keys. Against a real HTTP server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { diagnostics, specPackage, type FaultPackage } from './package.ts';

afterAll(removeTempDirs);

interface Client {
  consents: {
    createFile: (
      consentId: string,
      params: {
        body: Record<string, never>;
        headers: { 'x-idempotency-key': string };
        query?: { trace?: string };
      },
    ) => Promise<unknown>;
  };
}
type ClientClass = new (options?: { baseURL?: string }) => Client;

const spec = {
  openapi: '3.0.3',
  info: { title: 'Empty body', version: '1.0.0' },
  'x-sdk': { clientName: 'Empty', envPrefix: 'EMPTY' },
  paths: {
    '/consents/{ConsentId}/file': {
      post: {
        'x-sdk-method': 'consents.createFile',
        parameters: [
          { name: 'ConsentId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'x-idempotency-key', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'trace', in: 'query', schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/File' } } },
        },
        responses: {
          '200': {
            description: 'Stored.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: { File: { type: 'object', properties: {}, additionalProperties: false } },
  },
};

describe('a request body that allows no property, beside parameters', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let Empty: ClientClass;
  let api: TestServer;

  beforeAll(async () => {
    pkg = await specPackage(spec);
    written = await writePackage(pkg.files);
    ({ Empty } = (await import(`${written.dir}/src/index.ts`)) as { Empty: ClientClass });
    api = await startServer(() => json(200, { ok: true }));
  });
  afterAll(async () => {
    await api.close();
    await written.remove();
  });

  it('compiles: the params do not extend `Record<string, never>`', () => {
    expect(diagnostics(pkg)).toEqual([]);
    const resource = [...pkg.files].find(([path]) => path.startsWith('src/resources/consents'));
    expect(resource?.[1]).not.toMatch(/extends File\b/);
  });

  it('sends the body as `body`, the parameters where they belong', async () => {
    const client = new Empty({ baseURL: api.url });
    await client.consents.createFile('c1', {
      body: {},
      headers: { 'x-idempotency-key': 'k1' },
      query: { trace: 't' },
    });
    const seen = api.requests.at(-1)!;
    expect(seen.url).toBe('/consents/c1/file?trace=t');
    expect(seen.headers['x-idempotency-key']).toBe('k1');
    expect(JSON.parse(seen.body)).toEqual({});
  });
});
