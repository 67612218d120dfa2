/**
 * Request headers against a real server: header parameters in OpenAPI's `simple` style (arrays
 * comma-joined, RFC 9110 §5.3), values with CR/LF refused at once (never sent, never retried),
 * and the User-Agent that names the SDK and the runtime.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIConnectionError, SDKError } from '../../templates/runtime/errors.ts';
import { headerParams } from '../../templates/runtime/internal/headers.ts';
import { serverRuntime } from '../../templates/runtime/internal/platform.ts';
import { json, startServer, type SeenRequest, type TestServer } from './server.ts';

const TOKEN = 'sk_test_HEADER_SECRET';
let server: TestServer;

beforeAll(async () => {
  server = await startServer(() => json(200, { ok: true }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function only(): SeenRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('header parameters (style simple)', () => {
  it.each<[string, unknown, string | undefined, boolean?]>([
    ['a string', 'a', 'a'],
    ['a number', 7, '7'],
    ['a boolean', false, 'false'],
    ['an array, comma-joined', ['a', 'b', 'c'], 'a,b,c'],
    ['an array of numbers', [1, 2], '1,2'],
    ['an object', { role: 'admin', first: 'Alex' }, 'role,admin,first,Alex'],
    ['an exploded object', { role: 'admin', first: 'Alex' }, 'role=admin,first=Alex', true],
    ['a date', new Date('2024-01-02T03:04:05Z'), '2024-01-02T03:04:05.000Z'],
    ['undefined (left out)', undefined, undefined],
    ['null (left out)', null, undefined],
    // RFC 6570 `simple`: an empty list or object is undefined, so no header (as the query leaves it out).
    ['an empty array (left out)', [], undefined],
    ['an object without a property set (left out)', { role: undefined, first: null }, undefined],
    ['an object with a null property', { role: null, first: 'Alex' }, 'first,Alex'],
  ])('%s', async (_name, value, want, exploded = false) => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    await core.request({
      method: 'get',
      path: '/x',
      headers: headerParams({ 'X-Values': value }, exploded ? ['X-Values'] : []),
    });
    expect(only().headers['x-values']).toBe(want);
  });

  it('serialises without a server too', () => {
    expect(headerParams({ A: ['x', 'y'], B: undefined })).toEqual({ A: 'x,y' });
  });

  it('sends a JSON header parameter in ASCII, its other characters as JSON escapes', async () => {
    // helper-108: `é` went as the Latin-1 byte e9 (fetch's ByteString), `€` was refused.
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const filter = { city: 'Zürich', price: '€5', note: 'a"b' };
    await core.request({
      method: 'get',
      path: '/x',
      headers: headerParams({ 'X-Filter': filter }, [], ['X-Filter']),
    });
    const sent = only().headers['x-filter'];
    expect(sent).toBe('{"city":"Z\\u00FCrich","price":"\\u20AC5","note":"a\\"b"}');
    expect(JSON.parse(sent as string)).toEqual(filter);
  });
});

describe('CR, LF and NUL in headers fail at once', () => {
  it.each([
    ['a header parameter', { headers: headerParams({ 'X-Note': 'a\r\nX-Injected: 1' }) }, {}],
    ['a per-call header', {}, { headers: { 'X-Note': 'line\nbreak' } }],
    ['an idempotency key', { idempotencyHeader: 'Idempotency-Key' }, { idempotencyKey: 'k\r\n' }],
    ['a NUL', {}, { headers: { 'X-Note': 'a\0b' } }],
  ])('in %s: a clear SDKError, nothing sent, no retry', async (_name, request, options) => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN, maxRetries: 3 });
    const error = await core
      .request({ method: 'get', path: '/x', ...request }, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(
      /header value has a line break or NUL, which HTTP forbids; nothing was sent/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('in an invalid header name', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    await expect(
      core.request({ method: 'get', path: '/x' }, { headers: { 'Bad Name': 'v' } }),
    ).rejects.toThrow('"bad name" is not a valid header name.');
    expect(server.requests).toHaveLength(0);
  });

  it('in the token: at construction, without the token in the message, the stack or an inspection', () => {
    const token = `${TOKEN}\r\nX-Injected: 1`;
    let error: unknown;
    try {
      new ClientCore({ baseURL: server.url, token });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toContain('"authorization" header value has a line break');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it('in a default header: at construction', () => {
    expect(
      () => new ClientCore({ baseURL: server.url, defaultHeaders: { 'X-A': 'a\nb' } }),
    ).toThrow(SDKError);
  });
});

// helper-117 F10, F15: the simple style encodes nothing in a header (OpenAPI 3.1.1 Appendix D), so
// a comma inside a part read as two parts, and Latin-1 text went as bytes a UTF-8 server misreads.
describe('header parameters: parts with commas and text outside ASCII fail at once', () => {
  it.each<[string, Record<string, unknown>, boolean, RegExp]>([
    ['a list item with a comma', { 'X-Tags': ['a,b', 'c'] }, false, /has a comma in item 0,/],
    ['an object value with a comma', { 'X-F': { a: 'x,y' } }, false, /in the value of "a",/],
    ['an exploded object key with a comma', { 'X-F': { 'a,b': 1 } }, true, /in the key "a,b",/],
    ['Latin-1 text', { 'X-Name': 'café' }, false, /outside ASCII \(U\+00E9 at index 3\)/],
    ['a list item above U+00FF', { 'X-Name': ['Zoe', '✓'] }, false, /\(U\+2713 at index 4\)/],
    // helper-121 V6: what an HTTP list parser reads otherwise than written.
    ['an empty list item', { 'X-Tags': ['', 'a'] }, false, /has an empty string in item 0,/],
    [
      'whitespace at an item edge',
      { 'X-Tags': ['a ', 'b'] },
      false,
      /whitespace at the edge in item 0,/,
    ],
    ['a quote in an item', { 'X-Tags': ['"a', 'b"'] }, false, /a double quote in item 0,/],
    ['an = in an exploded key', { 'X-F': { 'a=b': 1 } }, true, /an `=` in the key "a=b",/],
  ])('%s: an SDKError naming the parameter, nothing sent', async (_name, params, explode, why) => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN, maxRetries: 3 });
    const names = explode ? Object.keys(params) : [];
    const error = await core
      .request(() => ({ method: 'get', path: '/x', headers: headerParams(params, names) }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(/^Header parameter "X-[A-Za-z]+" has /);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toMatch(/nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  it('a single value keeps its commas, and a JSON header parameter its non-ASCII text, escaped', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const headers = headerParams({ 'X-Note': 'a, b', 'X-Json': { name: 'café' } }, [], ['X-Json']);
    await core.request({ method: 'get', path: '/x', headers });
    expect(only().headers['x-note']).toBe('a, b');
    expect(only().headers['x-json']).toBe('{"name":"caf\\u00E9"}');
  });
});

describe('characters a header cannot carry (RFC 9110 §5.5) fail at once', () => {
  // A field value holds tab, space, visible ASCII and obs-text (0x80-0xFF) only. fetch refuses a
  // character above U+00FF with a TypeError and undici refuses other control characters with one,
  // which read like connection errors (and were retried); here they fail before anything is sent.
  const NOT_SENDABLE =
    /"[^"]+" header value has a character HTTP cannot carry .*; nothing was sent/;
  it.each([
    ['a per-call header above U+00FF', {}, { headers: { 'x-name': 'Zoë ✓' } }],
    [
      'an idempotency key above U+00FF',
      { idempotencyHeader: 'Idempotency-Key' },
      { idempotencyKey: 'clé-€' },
    ],
    ['a control character', {}, { headers: { 'X-Note': 'a\x01b' } }],
    ['DEL', {}, { headers: { 'X-Note': 'a\x7fb' } }],
    ['a lone surrogate', {}, { headers: { 'X-Note': 'a\ud800b' } }],
  ])('%s: a clear SDKError, nothing sent, no retry', async (_name, request, options) => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN, maxRetries: 3 });
    const error = await core
      .request({ method: 'get', path: '/x', ...request }, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(NOT_SENDABLE);
    expect(server.requests).toHaveLength(0);
  });

  it('names the character by its code point, an emoji too (not its first UTF-16 half)', async () => {
    const core = new ClientCore({ baseURL: server.url });
    const message = (value: string) =>
      core
        .request({ method: 'get', path: '/x' }, { headers: { 'x-s': value } })
        .catch((e: unknown) => (e as Error).message);
    expect(await message('ok 🎉')).toMatch(/\(U\+1F389 at index 3\)/);
    expect(await message('a\ud800b')).toMatch(/\(U\+D800 at index 1\)/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a bearer token', { token: 'tök€n' }, 'authorization'],
    [
      'an API key in a header',
      { token: 'k€y', auth: { in: 'header', name: 'X-API-Key' } },
      'x-api-key',
    ],
    ['an API key in a cookie', { token: 'k€y', auth: { in: 'cookie', name: 'session' } }, 'cookie'],
    ['a default header', { defaultHeaders: { 'X-Team': 'Zoë ✓' } }, 'x-team'],
    ['the SDK in the User-Agent', { sdk: 'sdk-✓/1.0.0' }, 'user-agent'],
  ])('%s: at construction, naming the header and not the value', (_name, options, header) => {
    let error: unknown;
    try {
      new ClientCore({ baseURL: server.url, ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(NOT_SENDABLE);
    expect((error as Error).message).toContain(`"${header}"`);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toMatch(/tök€n|k€y/);
  });

  it('Basic credentials above U+00FF are fine: they travel as base64 of UTF-8 (RFC 7617)', async () => {
    const core = new ClientCore({
      baseURL: server.url,
      token: 'zoë:pässwörd€',
      auth: { in: 'header', name: 'Authorization', scheme: 'Basic' },
    });
    await core.request({ method: 'get', path: '/x' });
    const sent = only().headers['authorization'] ?? '';
    expect(Buffer.from(sent.replace('Basic ', ''), 'base64').toString('utf8')).toBe(
      'zoë:pässwörd€',
    );
  });

  it('tab, space and Latin-1 (obs-text) still go as they are', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    await core.request({ method: 'get', path: '/x' }, { headers: { 'X-Name': 'Zoë\tMüller' } });
    expect(only().headers['x-name']).toBe('Zoë\tMüller');
  });
});

describe('User-Agent: the SDK and the runtime', () => {
  it('names both on a server runtime (Node here)', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN, sdk: 'gigs-sdk/1.2.3' });
    await core.request({ method: 'get', path: '/x' });
    expect(only().headers['user-agent']).toBe(
      `gigs-sdk/1.2.3 node/${process.versions.node} (${process.platform}; ${process.arch})`,
    );
  });

  it('gives way to a User-Agent of the caller', async () => {
    const core = new ClientCore({
      baseURL: server.url,
      sdk: 'gigs-sdk/1.2.3',
      defaultHeaders: { 'User-Agent': 'my-app/2' },
    });
    await core.request({ method: 'get', path: '/x' });
    expect(only().headers['user-agent']).toBe('my-app/2');
  });

  it.each<[string, Record<string, unknown>, string | undefined]>([
    [
      'Node 20 (no navigator)',
      { process: { versions: { node: '20.19.0' }, platform: 'linux', arch: 'x64' } },
      'node/20.19.0 (linux; x64)',
    ],
    [
      'Node 22 (whose navigator names only the major version)',
      {
        navigator: { userAgent: 'Node.js/22' },
        process: { versions: { node: '22.3.0' }, platform: 'linux', arch: 'arm64' },
      },
      'node/22.3.0 (linux; arm64)',
    ],
    [
      'Deno',
      {
        navigator: { userAgent: 'Deno/2.1.4' },
        process: { versions: { node: '20.11.1' }, platform: 'linux', arch: 'x64' },
      },
      'Deno/2.1.4 (linux; x64)',
    ],
    [
      'Bun',
      {
        navigator: { userAgent: 'Bun/1.1.38' },
        process: { versions: { node: '22.6.0', bun: '1.1.38' }, platform: 'darwin', arch: 'arm64' },
      },
      'Bun/1.1.38 (darwin; arm64)',
    ],
    [
      'Cloudflare Workers',
      { navigator: { userAgent: 'Cloudflare-Workers' } },
      'Cloudflare-Workers',
    ],
    [
      'a browser page (no header: it would need a CORS preflight)',
      { navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' }, document: {} },
      undefined,
    ],
    [
      'a browser worker',
      { navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' } },
      undefined,
    ],
    [
      'a browser page with a process polyfill',
      { process: { versions: { node: '20' } }, document: {} },
      undefined,
    ],
    ['nothing to tell', {}, undefined],
  ])('detects %s', (_name, globals, want) => {
    const saved = new Map<string, PropertyDescriptor | undefined>();
    const names = ['process', 'navigator', 'document'];
    for (const name of names) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, {
        value: globals[name],
        configurable: true,
        writable: true,
      });
    }
    try {
      expect(serverRuntime()).toBe(want);
    } finally {
      for (const name of names) {
        const descriptor = saved.get(name);
        if (descriptor === undefined) delete (globalThis as Record<string, unknown>)[name];
        else Object.defineProperty(globalThis, name, descriptor);
      }
    }
  });
});

describe('header names that are members of every object (helper-154 4)', () => {
  it('an error keeps the response headers named __proto__ and constructor; a call sends its constructor header', async () => {
    const { createServer } = await import('node:http');
    const seen: string[][] = [];
    const echo = createServer((request, response) => {
      seen.push(request.rawHeaders);
      response.writeHead(404, [
        ['__proto__', 'from the server'],
        ['constructor', 'c'],
        ['content-type', 'application/json'],
      ] as unknown as Record<string, string>);
      response.end('{}');
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = echo.address() as { port: number };
      const core = new ClientCore({
        baseURL: `http://127.0.0.1:${port}`,
        maxRetries: 0,
        defaultHeaders: JSON.parse('{"__proto__": "sent"}') as Record<string, string>,
      });
      const error = (await core
        .request({ method: 'get', path: '/x' }, { headers: { constructor: 'too' } })
        .catch((e: unknown) => e)) as { headers: Record<string, string> };
      // (Node's fetch itself drops a request header named __proto__: only `constructor` arrives.)
      const raw = seen[0] ?? [];
      expect(raw[raw.indexOf('constructor') + 1]).toBe('too');
      expect(Object.getOwnPropertyDescriptor(error.headers, '__proto__')?.value).toBe(
        'from the server',
      );
      expect(Object.hasOwn(error.headers, 'constructor')).toBe(true);
      expect(({} as Record<string, unknown>)['from the server']).toBeUndefined();
    } finally {
      echo.closeAllConnections();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
