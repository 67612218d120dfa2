/**
 * Security requirements that need more than one credential, or another one than the token
 * (test/fixtures/faults/multiple-credentials.yaml; OpenAPI 3.1.1 §4.8.30): the client takes each
 * other scheme's credential in its `credentials` option, and a call sends the first alternative
 * of its operation's `security` the client has every credential of. Against a real HTTP server,
 * through the resource methods and the typed path client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { json, startServer, type SeenRequest, type TestServer } from '../runtime/server.ts';
import { constructClient } from '../../generator/emit/code-samples.ts';
import { curlSample } from '../../generator/emit/curl-sample.ts';
import { diagnostics, faultPackage, specPackage, type FaultPackage } from './package.ts';

type Call = () => Promise<unknown>;
type Client = { items: Record<string, Call> };
type ClientClass = new (options: {
  baseURL: string;
  token?: string;
  credentials?: Record<string, string>;
  maxRetries?: number;
}) => Client;
type PathsClient = (client: Client) => Record<string, (path: string) => Promise<unknown>>;

/** What a request carried of each credential. */
function sent(request: SeenRequest): string {
  const { authorization, cookie } = request.headers;
  const appId = request.headers['x-app-id'];
  return [
    `${request.method} ${request.url}`,
    ...(authorization === undefined ? [] : [`authorization=${authorization}`]),
    ...(appId === undefined ? [] : [`x-app-id=${String(appId)}`]),
    ...(cookie === undefined ? [] : [`cookie=${cookie}`]),
  ].join(' ');
}

describe('operations that take other credentials than the token', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let server: TestServer;
  let MultipleCredentials: ClientClass;
  let pathsClient: PathsClient;

  beforeAll(async () => {
    pkg = await faultPackage('multiple-credentials.yaml');
    written = await writePackage(pkg.files);
    server = await startServer((request) =>
      request.url.startsWith('/reports') && request.headers['x-app-id'] === 'wrong'
        ? json(401, { message: `unknown app ${String(request.url)}` })
        : { status: 204, headers: {}, body: '' },
    );
    ({ MultipleCredentials, pathsClient } = (await import(`${written.dir}/src/index.ts`)) as {
      MultipleCredentials: ClientClass;
      pathsClient: PathsClient;
    });
  });
  afterAll(async () => {
    await server.close();
    await written.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('are modelled: one credential per other way, each operation its alternatives by them', () => {
    expect(pkg.model.tokenAuth?.schemeName).toBe('bearer');
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual([
      'appId',
      'appKey',
      'basic',
      'session',
    ]);
    expect(
      pkg.model.operations.map((op) => [op.operationId, op.credentialAlternatives ?? null]),
    ).toEqual([
      // The token only: what every call sends anyway, so nothing is written for it.
      ['listItems', null],
      ['getReport', [['appId', 'appKey'], ['bearer']]],
      ['getAdmin', [['basic']]],
      ['getSession', [['session'], []]],
      // Digest is no credential the client can send: the call goes as any other, and is warned.
      ['getLegacy', null],
      // Bearer and Basic together: both in the Authorization header, so no request meets it.
      ['getSigned', null],
    ]);
    const unmet = pkg.model.warnings.filter((warning) => warning.key.startsWith('security:unmet:'));
    expect(unmet.map((w) => w.key)).toEqual([
      'security:unmet:digest',
      'security:unmet:basic,bearer',
    ]);
    expect(unmet[1]!.problem).toBe(
      'operation "getSigned" requires the security "bearer" and "basic", but the client sends only its token, as "bearer", and its credentials "appId", "appKey", "basic", "session" ("bearer" and "basic" both send their credential in the Authorization header, and a request carries one)',
    );
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('the client types its credentials option by scheme name, with their TSDoc', () => {
    const client = pkg.files.get('src/client.ts')!;
    expect(client).toContain('credentials?:');
    // The scheme's description, then where it goes, as one TSDoc block.
    expect(client).toContain(
      "    /**\n     * The application's ID.\n     *\n     * The credential of the `appId` security scheme, sent in the `X-App-Id` header.",
    );
    expect(client).toContain('sent as the `app_key` query parameter');
  });

  it('the README and the curl samples show each credential as the client sends it', () => {
    const readme = pkg.files.get('README.md')!;
    expect(readme).toContain(
      "- `credentials.appKey`: `MULTIPLE_CREDENTIALS_APP_KEY`. The credential of the `appKey` security scheme (the `app_key` query parameter), sent where an operation's `security` requires it.",
    );
    expect(readme).toContain('security scheme (HTTP Basic, `username:password`)');
    // The Configure example gives the credentials the operations' first alternatives take.
    expect(readme).toContain(
      "  credentials: {\n    appId: 'YOUR_APP_ID',\n    appKey: 'YOUR_APP_KEY',\n    basic: 'YOUR_BASIC',\n    session: 'YOUR_SESSION',\n  },",
    );
    const curl = (operationId: string) =>
      curlSample(
        pkg.model.operations.find((op) => op.operationId === operationId)!,
        pkg.model,
      );
    expect(curl('getReport')).toContain(
      `--header 'X-App-Id: '"$MULTIPLE_CREDENTIALS_APP_ID" \\\n  --url-query 'app_key='"$MULTIPLE_CREDENTIALS_APP_KEY"`,
    );
    expect(curl('getReport')).not.toContain('Authorization');
    expect(curl('getAdmin')).toContain('--user "$MULTIPLE_CREDENTIALS_BASIC"');
    expect(curl('listItems')).toContain(
      '--header "Authorization: Bearer $MULTIPLE_CREDENTIALS_TOKEN"',
    );
    // The TypeScript sample names the variables the client reads for that operation.
    const report = pkg.model.operations.find((op) => op.operationId === 'getReport')!;
    expect(constructClient(pkg.model, report)).toContain(
      '// Reads MULTIPLE_CREDENTIALS_TOKEN, MULTIPLE_CREDENTIALS_APP_ID and MULTIPLE_CREDENTIALS_APP_KEY from the environment.',
    );
  });

  it('sends both keys of an alternative together, and the other schemes each where they go', async () => {
    const client = new MultipleCredentials({
      baseURL: server.url,
      token: 'tok-1',
      credentials: { appId: 'app-1', appKey: 'key-1', basic: 'ana:pw', session: 'ses-1' },
    });
    for (const method of ['list', 'getReport', 'getAdmin', 'getSession', 'getLegacy'])
      await client.items[method]!();
    expect(server.requests.map(sent)).toEqual([
      'GET /items authorization=Bearer tok-1',
      // The first alternative the client meets: both API keys, and not the token.
      'GET /reports?app_key=key-1 x-app-id=app-1',
      `GET /admin authorization=Basic ${btoa('ana:pw')}`,
      'GET /session cookie=session=ses-1',
      'GET /legacy authorization=Bearer tok-1',
    ]);
  });

  it('with the token only: the alternative it meets, and none where none is one', async () => {
    const client = new MultipleCredentials({ baseURL: server.url, token: 'tok-1' });
    for (const method of ['getReport', 'getSession', 'getAdmin']) await client.items[method]!();
    expect(server.requests.map(sent)).toEqual([
      'GET /reports authorization=Bearer tok-1',
      'GET /session',
      // Met by none: the call goes as any other, with the token (the server decides).
      'GET /admin authorization=Bearer tok-1',
    ]);
  });

  it('takes each credential from its environment variable when the options give none', async () => {
    process.env['MULTIPLE_CREDENTIALS_APP_ID'] = 'env-app';
    process.env['MULTIPLE_CREDENTIALS_APP_KEY'] = 'env-key';
    try {
      const client = new MultipleCredentials({
        baseURL: server.url,
        token: 'tok-1',
        credentials: { appKey: 'own-key' },
      });
      await client.items.getReport!();
    } finally {
      delete process.env['MULTIPLE_CREDENTIALS_APP_ID'];
      delete process.env['MULTIPLE_CREDENTIALS_APP_KEY'];
    }
    expect(server.requests.map(sent)).toEqual(['GET /reports?app_key=own-key x-app-id=env-app']);
  });

  it('one key of two is no alternative: the token is sent instead', async () => {
    const client = new MultipleCredentials({
      baseURL: server.url,
      token: 'tok-1',
      credentials: { appId: 'app-1' },
    });
    await client.items.getReport!();
    expect(server.requests.map(sent)).toEqual(['GET /reports authorization=Bearer tok-1']);
  });

  it('the typed path client sends the same credentials', async () => {
    const client = new MultipleCredentials({
      baseURL: server.url,
      token: 'tok-1',
      credentials: { appId: 'app-1', appKey: 'key-1', session: 'ses-1' },
    });
    const paths = pathsClient(client);
    for (const path of ['/items', '/reports', '/session']) await paths.GET!(path);
    expect(server.requests.map(sent)).toEqual([
      'GET /items authorization=Bearer tok-1',
      'GET /reports?app_key=key-1 x-app-id=app-1',
      'GET /session cookie=session=ses-1',
    ]);
  });

  it('redacts every credential from errors, as the token', async () => {
    const client = new MultipleCredentials({
      baseURL: server.url,
      token: 'tok-1',
      credentials: { appId: 'wrong', appKey: 'secret-app-key-1' },
      maxRetries: 0,
    });
    const error = (await client.items.getReport!().catch((e: unknown) => e)) as Error & {
      body?: unknown;
    };
    expect(error.message).toContain('unknown app');
    expect(JSON.stringify(error.body)).toContain('[redacted]');
    expect(`${error.message} ${JSON.stringify(error.body)}`).not.toContain('secret-app-key-1');
  });

  it('refuses a credential that is not a string, naming its scheme', () => {
    expect(
      () =>
        new MultipleCredentials({
          baseURL: server.url,
          token: 'tok-1',
          credentials: { appKey: 42 as unknown as string },
        }),
    ).toThrow('The option credentials["appKey"] must be a string, got a number.');
    expect(
      () =>
        new MultipleCredentials({
          baseURL: server.url,
          token: 'tok-1',
          credentials: { appKey: ['k-1'] as unknown as string },
        }),
    ).toThrow('The option credentials["appKey"] must be a string, got an array.');
    // A Map's entries are no properties: refused rather than silently never sent.
    expect(
      () =>
        new MultipleCredentials({
          baseURL: server.url,
          token: 'tok-1',
          credentials: new Map([['appKey', 'k-1']]) as unknown as Record<string, string>,
        }),
    ).toThrow('The option credentials must be an object of credentials by security scheme name');
  });
});

describe('a token no operation needs where other credentials meet every one', () => {
  it('is optional: the client is made without it', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Either key', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ bearer: [] }, { key: [] }, { token: [] }],
      paths: {
        '/things': {
          get: { operationId: 'listThings', responses: { '204': { description: 'Listed.' } } },
        },
        // One that takes no credential at all (`security: []`) needs no token either (helper-147 1).
        '/time': {
          get: {
            operationId: 'getTime',
            security: [],
            responses: { '204': { description: 'The time.' } },
          },
        },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          key: { type: 'apiKey', in: 'header', name: 'X-Key' },
          token: { type: 'apiKey', in: 'query', name: 'token' },
        },
      },
    });
    expect(pkg.model.tokenOptional).toBe(true);
    // `EITHER_KEY_TOKEN` is the token's variable: the `token` scheme's credential takes none.
    expect(pkg.model.credentials.map((scheme) => [scheme.schemeName, scheme.envVar])).toEqual([
      ['key', 'EITHER_KEY_KEY'],
      ['token', undefined],
    ]);
    const written = await writePackage(pkg.files);
    const server = await startServer(() => ({ status: 204, headers: {}, body: '' }));
    try {
      const { EitherKey } = (await import(`${written.dir}/src/index.ts`)) as {
        EitherKey: ClientClass;
      };
      const client = new EitherKey({ baseURL: server.url, credentials: { key: 'k-1' } });
      await (client as unknown as { things: Record<string, Call> }).things.list!();
      expect(server.requests.map((request) => request.headers['x-key'])).toEqual(['k-1']);
    } finally {
      await server.close();
      await written.remove();
    }
  });
});

describe('credentials of schemes with names no identifier has', () => {
  it('are typed, documented and listed with their keys as written, and the package compiles', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Odd names', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ bearer: [] }],
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            security: [{ ['__proto__']: [] }, { 'new\nline': [], 'a"b*/c': [] }, { '': [] }],
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          ['__proto__']: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Proto',
            description: 'Line one.\nLine two with */ in it.',
          },
          'new\nline': { type: 'apiKey', in: 'query', name: 'q' },
          'a"b*/c': { type: 'apiKey', in: 'cookie', name: 'c$HOME' },
          '': { type: 'apiKey', in: 'header', name: 'X-Empty' },
        },
      },
    });
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual([
      '__proto__',
      'new\nline',
      'a"b*/c',
      '',
    ]);
    const client = pkg.files.get('src/client.ts')!;
    // A plain `__proto__:` in an object literal sets the prototype: the TSDoc says how to give it.
    expect(client).toContain("Give it with a computed key, `{ ['__proto__']: '…' }`.");
    expect(pkg.files.get('README.md')).toContain("credentials: { ['__proto__']: 'YOUR_PROTO' },");
    expect(client).toContain('     * Line two with *\\/ in it.');
    expect(client).toContain('The credential of the "new\\nline" security scheme');
    const readme = pkg.files.get('README.md')!;
    expect(readme).toContain('- `credentials["new\\nline"]`: `ODD_NAMES_NEW_LINE`.');
    expect(readme).toContain(
      '- `credentials[""]`: no environment variable: pass it in `credentials`.',
    );
    expect(diagnostics(pkg)).toEqual([]);
  });
});

describe('which schemes the client takes credentials for (helper-147)', () => {
  const op = (operationId: string, security: Record<string, string[]>[]) => ({
    get: { operationId, security, responses: { '204': { description: 'ok' } } },
  });
  const spec = (root: Record<string, string[]>[], paths: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 'Schemes', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    security: root,
    paths,
    components: {
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
        header: { type: 'apiKey', in: 'header', name: 'X-Key' },
        appId: { type: 'apiKey', in: 'header', name: 'X-App-Id' },
      },
    },
  });

  it('the token is an API key in a header before one in a cookie, which browsers do not let scripts set', async () => {
    const pkg = await specPackage(
      spec([{ cookie: [] }, { header: [] }], {
        '/a': op('getA', [{ cookie: [] }, { header: [] }]),
      }),
    );
    expect(pkg.model.tokenAuth?.schemeName).toBe('header');
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual(['cookie']);
  });

  it('a scheme only the root names, which every operation overrides, takes none: it is never sent', async () => {
    const pkg = await specPackage(
      spec([{ appId: [], header: [] }], {
        '/a': op('getA', [{ header: [] }]),
        '/b': op('getB', []),
      }),
    );
    expect(pkg.model.tokenAuth?.schemeName).toBe('header');
    expect(pkg.model.credentials).toEqual([]);
  });
});
