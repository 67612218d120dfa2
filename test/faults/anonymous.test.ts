/**
 * An operation whose `security` is `[]` takes no credential (OpenAPI 3.1 §4.8.10): the generated
 * client does not send its token there, while the operations that take it still get it
 * (test/fixtures/faults/anonymous-operations.yaml, an API key in the query). Against a real HTTP
 * server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { diagnostics, faultPackage, specPackage, type FaultPackage } from './package.ts';

type Resource = Record<string, () => Promise<unknown>>;

describe('operations that take no credential', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let server: TestServer;
  let client: Record<string, Resource>;

  beforeAll(async () => {
    pkg = await faultPackage('anonymous-operations.yaml');
    written = await writePackage(pkg.files);
    server = await startServer(() => json(200, { id: 'ses_1' }));
    const { AnonymousOperations } = (await import(`${written.dir}/src/index.ts`)) as {
      AnonymousOperations: new (options: {
        baseURL: string;
        token: string;
      }) => Record<string, Resource>;
    };
    client = new AnonymousOperations({ baseURL: server.url, token: 'key-123' });
  });
  afterAll(async () => {
    await server.close();
    await written.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('are marked in the model: a list of empty requirements only, not one beside others', () => {
    expect(pkg.model.operations.map((op) => [op.operationId, op.anonymous])).toEqual([
      ['createSession', true],
      ['retrieveSession', false],
      ['getHealth', true],
      ['getStatus', false],
    ]);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('get no token; the others do', async () => {
    await client.sessions!.create!();
    await client.sessions!.retrieve!();
    // Tagged Sessions like the others, so it is in `sessions`.
    await client.sessions!.getHealth!();
    await client.sessions!.getStatus!();
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /sessions',
      'GET /sessions/current?api_key=key-123',
      'GET /health',
      'GET /status?api_key=key-123',
    ]);
  });

  it('get no token through the typed path client either', async () => {
    const { pathsClient } = (await import(`${written.dir}/src/index.ts`)) as {
      pathsClient: (client: unknown) => {
        POST: (path: string) => Promise<unknown>;
        GET: (path: string) => Promise<unknown>;
      };
    };
    await pathsClient(client).POST('/sessions');
    await pathsClient(client).GET('/sessions/current');
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /sessions',
      'GET /sessions/current?api_key=key-123',
    ]);
  });
});

describe.each([
  // No root security; the operation without its own takes no credential.
  [
    'per-operation-security.yaml',
    'PerOperationSecurity',
    ['GET /pets/1?api_key=key-123', 'DELETE /pets/1'],
  ],
  // Security required nowhere: the token goes everywhere, as the client was given it.
  ['security-nowhere.yaml', 'SecurityNowhere', ['GET /pets/1 key-123']],
])('%s', (fixture, clientName, expected) => {
  it('sends the credential only where an operation requires one', async () => {
    const pkg = await faultPackage(fixture);
    const written = await writePackage(pkg.files);
    const server = await startServer(() => ({ status: 204, headers: {}, body: '' }));
    try {
      const module = (await import(`${written.dir}/src/index.ts`)) as Record<
        string,
        new (options: { baseURL: string; token: string }) => Record<string, Resource>
      >;
      const client = new module[clientName]!({ baseURL: server.url, token: 'key-123' });
      for (const method of ['get', 'delete']) {
        const call = (
          client.pets as unknown as Record<string, ((id: string) => Promise<unknown>) | undefined>
        )[method];
        if (call !== undefined) await call.call(client.pets, '1');
      }
      expect(
        server.requests.map(
          (request) =>
            `${request.method} ${request.url}${request.headers['x-api-key'] === undefined ? '' : ` ${String(request.headers['x-api-key'])}`}`,
        ),
      ).toEqual(expected);
    } finally {
      await server.close();
      await written.remove();
    }
  });
});

describe('a credential every operation makes optional (`security: [{}, bearer]`)', () => {
  it('is no option the client needs: sent when given, left out otherwise (helper-114 3)', async () => {
    const pkg = await faultPackage('optional-credential.yaml');
    expect(pkg.model.tokenOptional).toBe(true);
    expect(diagnostics(pkg)).toEqual([]);
    expect(pkg.files.get('README.md')).toMatch(/`token`: `OPTIONAL_CREDENTIAL_TOKEN`\. Optional/);
    const written = await writePackage(pkg.files);
    const server = await startServer(() => json(200, ['a']));
    const previous = process.env['OPTIONAL_CREDENTIAL_TOKEN'];
    delete process.env['OPTIONAL_CREDENTIAL_TOKEN'];
    try {
      const { OptionalCredential } = (await import(`${written.dir}/src/index.ts`)) as {
        OptionalCredential: new (options: { baseURL: string; token?: string }) => {
          items: { list: () => Promise<string[]> };
        };
      };
      expect(await new OptionalCredential({ baseURL: server.url }).items.list()).toEqual(['a']);
      await new OptionalCredential({ baseURL: server.url, token: 'tok' }).items.list();
      expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
        undefined,
        'Bearer tok',
      ]);
    } finally {
      if (previous !== undefined) process.env['OPTIONAL_CREDENTIAL_TOKEN'] = previous;
      await server.close();
      await written.remove();
    }
  });
});

// helper-122 6: an operation whose security is `[{}, { apiKey }]` got the client's bearer token, a
// credential it does not list, without a word.
describe('an optional credential of another kind than the token (`security: [{}, apiKey]`)', () => {
  it('goes without the token, or with that credential where the client has it; one that lists the token gets it', async () => {
    const op = (id: string, security?: unknown[]) => ({
      get: {
        operationId: id,
        'x-sdk-method': `items.${id}`,
        tags: ['items'],
        ...(security === undefined ? {} : { security }),
        responses: { '204': { description: 'Done.' } },
      },
    });
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Optional other', version: '1.0.0' },
      security: [{ bearer: [] }],
      paths: {
        '/key': op('key', [{}, { keyH: [] }]),
        '/optional': op('optional', [{}, { bearer: [] }]),
        '/root': op('root'),
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          keyH: { type: 'apiKey', in: 'header', name: 'X-Key' },
        },
      },
    });
    expect(
      pkg.model.operations.map((o) => [o.operationId, o.anonymous, o.credentialAlternatives]),
    ).toEqual([
      // The key is a credential the client takes (`credentials.keyH`), so nothing is unmet.
      ['key', false, [[], ['keyH']]],
      ['optional', false, [[], ['bearer']]],
      ['root', false, undefined],
    ]);
    expect(pkg.model.warnings).toEqual([]);
    const written = await writePackage(pkg.files);
    const server = await startServer(() => ({ status: 204, headers: {}, body: '' }));
    try {
      const { OptionalOther } = (await import(`${written.dir}/src/index.ts`)) as {
        OptionalOther: new (options: {
          baseURL: string;
          token: string;
          credentials?: { keyH: string };
        }) => {
          items: Record<'key' | 'optional' | 'root', () => Promise<unknown>>;
        };
      };
      const client = new OptionalOther({ baseURL: server.url, token: 'tok' });
      for (const id of ['key', 'optional', 'root'] as const) await client.items[id]();
      expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
        undefined,
        'Bearer tok',
        'Bearer tok',
      ]);
      server.requests.length = 0;
      const withKey = new OptionalOther({
        baseURL: server.url,
        token: 'tok',
        credentials: { keyH: 'k-1' },
      });
      for (const id of ['key', 'optional'] as const) await withKey.items[id]();
      expect(
        server.requests.map((request) => [
          request.headers['authorization'],
          request.headers['x-key'],
        ]),
      ).toEqual([
        [undefined, 'k-1'],
        ['Bearer tok', undefined],
      ]);
    } finally {
      await server.close();
      await written.remove();
    }
  });
});
