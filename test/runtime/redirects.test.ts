/**
 * Redirects between two real servers on 127.0.0.1 (two ports: two origins). Whatever the scheme
 * carries the credential in (a bearer or Basic `Authorization`, an API key in a header, the query
 * or a cookie) and whatever else the caller adds (cookies, default and per-call headers, the
 * idempotency key), nothing of it reaches the other origin, and no request body ever does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore, type Auth } from '../../templates/runtime/core.ts';
import { APIError, SDKError } from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { json, startServer, type Reply, type SeenRequest, type TestServer } from './server.ts';

const TOKEN = 'sk_test_REDIRECT_SECRET';
/** The API. */
let api: TestServer;
/** Another origin (same host, other port). */
let other: TestServer;
let apiReply: (request: SeenRequest) => Reply;

beforeAll(async () => {
  [api, other] = await Promise.all([
    startServer((request) => apiReply(request)),
    startServer(() => json(200, { from: 'other' })),
  ]);
});
afterAll(async () => {
  await Promise.all([api.close(), other.close()]);
});
beforeEach(() => {
  api.requests.length = 0;
  other.requests.length = 0;
});

const to = (status: number, location: string): Reply => ({
  status,
  headers: { location },
  body: '',
});

function coreWith(auth: Auth, extra: Record<string, unknown> = {}): ClientCore {
  return new ClientCore({
    baseURL: api.url,
    token: TOKEN,
    auth,
    defaultHeaders: { Cookie: 'session=s3cr3t', 'X-Tenant-Secret': 'tenant-key' },
    ...extra,
  });
}

/** Every header and the URL of a request, as one string to search for secrets. */
function seen(request: SeenRequest): string {
  return `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
}

const SCHEMES: [string, Auth][] = [
  ['a bearer token', { in: 'header', name: 'Authorization', scheme: 'Bearer' }],
  ['Basic credentials', { in: 'header', name: 'Authorization', scheme: 'Basic' }],
  ['an API key header', { in: 'header', name: 'X-API-Key' }],
  ['an API key in the query', { in: 'query', name: 'api_key' }],
  ['an API key cookie', { in: 'cookie', name: 'key' }],
];

describe('to another origin', () => {
  describe.each(SCHEMES)('with %s', (_name, auth) => {
    it.each([301, 302, 303, 307, 308])(
      'a GET answered %i is followed with no credential, cookie, custom header or key',
      async (status) => {
        apiReply = () => to(status, `${other.url}/elsewhere?x=1`);
        const core = coreWith(auth);
        const data = await core.request(
          { method: 'get', path: '/start', idempotencyHeader: 'Idempotency-Key' },
          { headers: { 'X-Call-Secret': 'call-key' } },
        );
        expect(data).toEqual({ from: 'other' });
        // The API got everything…
        expect(seen(api.requests[0]!)).toMatch(/s3cr3t/);
        // … the other origin nothing of it.
        expect(other.requests).toHaveLength(1);
        const request = other.requests[0]!;
        expect(request.url).toBe('/elsewhere?x=1');
        for (const secret of [
          TOKEN,
          Buffer.from(TOKEN).toString('base64'),
          's3cr3t',
          'tenant-key',
          'call-key',
        ])
          expect(seen(request)).not.toContain(secret);
        expect(request.headers['authorization']).toBeUndefined();
        expect(request.headers['cookie']).toBeUndefined();
        expect(request.headers['idempotency-key']).toBeUndefined();
        expect(request.headers['accept']).toBe('application/json');
      },
    );
  });

  it('a query credential the server copied into the Location is removed', async () => {
    apiReply = () => to(302, `${other.url}/elsewhere?api_key=${TOKEN}&x=1`);
    await coreWith({ in: 'query', name: 'api_key' }).request({ method: 'get', path: '/start' });
    expect(other.requests[0]?.url).toBe('/elsewhere?x=1');
  });

  it('so is every query credential of the alternative a call sent, beside the token', async () => {
    apiReply = () => to(302, `${other.url}/elsewhere?app_key=k-2&x=1&api_key=${TOKEN}`);
    const core = coreWith(
      { in: 'query', name: 'api_key' },
      {
        tokenScheme: 'token',
        credentialSchemes: [{ scheme: 'app', auth: { in: 'query', name: 'app_key' } }],
        credentials: { app: 'k-2' },
      },
    );
    await core.request({ method: 'get', path: '/start', security: [['app', 'token']] });
    expect(api.requests[0]?.url).toBe(`/start?app_key=k-2&api_key=${TOKEN}`);
    expect(other.requests[0]?.url).toBe('/elsewhere?x=1');
  });

  it.each([307, 308])(
    'a POST with a body answered %i is not followed: APIError, nothing reaches the other origin',
    async (status) => {
      apiReply = () => to(status, `${other.url}/elsewhere`);
      const error = await coreWith(SCHEMES[0]![1])
        .request({ method: 'post', path: '/start', body: { card: '4242' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status });
      expect((error as Error).message).toBe(
        `${status} redirect of POST /start to ${other.url}/elsewhere not followed: the client never sends a request body to another origin (${other.url}).`,
      );
      expect(other.requests).toHaveLength(0);
    },
  );

  it.each([301, 302, 303])(
    'a POST answered %i becomes a GET without the body or its headers, and without credentials',
    async (status) => {
      apiReply = () => to(status, `${other.url}/result`);
      await coreWith(SCHEMES[2]![1]).request({
        method: 'post',
        path: '/start',
        body: { card: '4242' },
      });
      const request = other.requests[0]!;
      expect(request.method).toBe('GET');
      expect(request.body).toBe('');
      expect(request.headers['content-type']).toBeUndefined();
      expect(request.headers['x-api-key']).toBeUndefined();
    },
  );

  it('another host name for the same address is another origin too', async () => {
    // http://127.0.0.1:port and http://localhost:port are different origins as well.
    apiReply = () => to(302, `${other.url.replace('127.0.0.1', 'localhost')}/x`);
    await coreWith(SCHEMES[0]![1]).request({ method: 'get', path: '/start' });
    expect(other.requests[0]?.headers['authorization']).toBeUndefined();
  });
});

describe('on the same origin', () => {
  it.each([307, 308])(
    'a POST answered %i is re-sent with its body and credentials',
    async (status) => {
      apiReply = (request) =>
        request.url === '/start' ? to(status, '/moved') : json(200, { ok: 1 });
      await coreWith(SCHEMES[2]![1]).request({ method: 'post', path: '/start', body: { a: 1 } });
      const moved = api.requests[1]!;
      expect(moved).toMatchObject({ method: 'POST', url: '/moved', body: '{"a":1}' });
      expect(moved.headers['x-api-key']).toBe(TOKEN);
      expect(moved.headers['cookie']).toBe('session=s3cr3t');
    },
  );

  it('a GET answered 302 keeps its credentials', async () => {
    apiReply = (request) => (request.url === '/start' ? to(302, '/moved') : json(200, { ok: 1 }));
    await coreWith(SCHEMES[0]![1]).request({ method: 'get', path: '/start' });
    expect(api.requests[1]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('a stream body is not sent twice: a 307 of it is refused', async () => {
    apiReply = () => to(307, '/moved');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('bytes'));
        controller.close();
      },
    });
    const error = await coreWith(SCHEMES[0]![1])
      .request({
        method: 'put',
        path: '/start',
        body,
        contentType: 'application/octet-stream',
        encode: (value) => ({ body: value as BodyInit, contentType: 'application/octet-stream' }),
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('not followed: the request body was a stream');
    expect(api.requests).toHaveLength(1);
  });
});

describe('redirects not followed', () => {
  it('more than 20 in a row: APIError for the last one', async () => {
    apiReply = (request) => to(302, `/loop/${Number(request.url.split('/')[2] ?? 0) + 1}`);
    const error = await coreWith(SCHEMES[0]![1])
      .request({ method: 'get', path: '/loop/0' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('not followed: it is redirect number 21 in a row');
    expect(api.requests).toHaveLength(21);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,x'])(
    'to %s',
    async (location) => {
      apiReply = () => to(302, location);
      const error = await coreWith(SCHEMES[0]![1])
        .request({ method: 'get', path: '/start' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect((error as Error).message).toMatch(/not followed: it leads to a [a-z]+: URL/);
    },
  );

  it.each([
    ['the same origin', () => `http://user:pa55word@${api.url.slice('http://'.length)}/next`],
    ['another origin', () => `http://user:pa55word@${other.url.slice('http://'.length)}/next`],
    ['a user name alone', () => `http://someone@${api.url.slice('http://'.length)}/next`],
  ])(
    'to a URL with a user name or password in it (%s): an APIError, sent nowhere, the password not in the message',
    async (_name, location) => {
      apiReply = () => to(302, location());
      const error = await coreWith(SCHEMES[0]![1], { maxRetries: 2 })
        .request({ method: 'get', path: '/start' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status: 302 });
      const { message } = error as Error;
      expect(message).toContain('not followed: its URL carries a user name or password');
      expect(message).not.toContain('pa55word');
      expect(api.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
    },
  );

  it.each(['http://127.0.0.1:6000/x', 'http://127.0.0.1:25/x'])(
    'to a port fetch refuses (%s): an APIError for the 302, not a connection error retried (helper-135 6)',
    async (location) => {
      apiReply = () => to(302, location);
      const error = await coreWith(SCHEMES[0]![1], { maxRetries: 2 })
        .request({ method: 'get', path: '/start' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status: 302 });
      expect((error as Error).message).toContain(
        `not followed: it leads to port ${new URL(location).port}, which fetch refuses to connect to (the Fetch standard's port blocking)`,
      );
      expect(api.requests).toHaveLength(1);
    },
  );

  it('a Location of 5,000 characters is cut to 500 in the message', async () => {
    const location = `data:text/plain,${'x'.repeat(5_000)}`;
    apiReply = () => to(302, location);
    const error = await coreWith(SCHEMES[0]![1])
      .request({ method: 'get', path: '/start' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `302 redirect of GET /start to ${location.slice(0, 500)}… not followed: it leads to a data: URL.`,
    );
  });

  it('a 3xx without Location is the answer: an APIError for its status', async () => {
    apiReply = () => ({ status: 300, body: '' });
    const error = await coreWith(SCHEMES[0]![1])
      .request({ method: 'get', path: '/start' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 300 });
  });
});

describe('the typed path client', () => {
  it('follows the same rules: no credential to another origin', async () => {
    apiReply = () => to(302, `${other.url}/elsewhere`);
    const client = createPathsClient<{
      '/start': { get: { responses: { 200: { content: { 'application/json': unknown } } } } };
    }>(coreWith(SCHEMES[2]![1]));
    const { data } = await client.GET('/start');
    expect(data).toEqual({ from: 'other' });
    expect(other.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect(other.requests[0]?.headers['cookie']).toBeUndefined();
    expect(api.requests[0]?.headers['x-api-key']).toBe(TOKEN);
  });
});

describe('where a DOM shim or another fetch makes the runtime look like a browser', () => {
  /** Runs `body` with `globalThis.document` defined, as jsdom, happy-dom and Electron define it. */
  async function withDocument<T>(body: () => Promise<T>): Promise<T> {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'document');
    Object.defineProperty(globalThis, 'document', {
      value: {},
      configurable: true,
      writable: true,
    });
    try {
      return await body();
    } finally {
      if (saved === undefined) delete (globalThis as Record<string, unknown>)['document'];
      else Object.defineProperty(globalThis, 'document', saved);
    }
  }

  // helper-115 1: with a `document` global the client left redirects to Node's fetch, which
  // strips `Authorization` and cookies only: the other origin got the `X-API-Key`.
  it.each([307, 302])(
    'Node with a `document` global still follows a %i itself: no API key to another origin',
    async (status) => {
      apiReply = () => to(status, `${other.url}/elsewhere`);
      const data = await withDocument(() =>
        coreWith(SCHEMES[2]![1]).request({ method: 'get', path: '/start' }),
      );
      expect(data).toEqual({ from: 'other' });
      expect(api.requests[0]?.headers['x-api-key']).toBe(TOKEN);
      expect(other.requests).toHaveLength(1);
      expect(seen(other.requests[0]!)).not.toMatch(/REDIRECT_SECRET|tenant-key|s3cr3t/);
    },
  );

  /** A fetch that hides redirects from `manual` as a browser's does: an opaque answer. */
  function hidingFetch(sent: { url: string; redirect: RequestRedirect | undefined }[]) {
    return (input: string | Request, init?: RequestInit): Promise<Response> => {
      const url = typeof input === 'string' ? input : input.url;
      sent.push({ url, redirect: init?.redirect });
      if (init?.redirect === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(opaque, 'status', { value: 0 });
        return Promise.resolve(opaque);
      }
      return Promise.resolve(
        new Response('{"followed":true}', { headers: { 'content-type': 'application/json' } }),
      );
    };
  }

  it('a GET whose redirect the fetch hides is sent again for fetch to follow, and so are later calls', async () => {
    const sent: { url: string; redirect: RequestRedirect | undefined }[] = [];
    const core = coreWith(SCHEMES[0]![1], { fetch: hidingFetch(sent) });
    expect(await core.request({ method: 'get', path: '/start' })).toEqual({ followed: true });
    expect(await core.request({ method: 'get', path: '/again' })).toEqual({ followed: true });
    expect(sent.map((s) => [new URL(s.url).pathname, s.redirect])).toEqual([
      ['/start', 'manual'],
      ['/start', undefined],
      ['/again', undefined],
    ]);
  });

  it('a POST whose redirect the fetch hides is not sent twice: an SDKError says why', async () => {
    const sent: { url: string; redirect: RequestRedirect | undefined }[] = [];
    const core = coreWith(SCHEMES[0]![1], { fetch: hidingFetch(sent) });
    const error = await core
      .request({ method: 'post', path: '/orders', body: { a: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(
      /^The POST to http:\/\/127\.0\.0\.1:\d+\/orders was answered with a redirect that this fetch hides .* following it would send the POST again\./,
    );
    expect(sent).toHaveLength(1);
  });
});
