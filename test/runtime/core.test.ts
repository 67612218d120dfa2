import { createServer, type AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClientCore, coreOf, DEFAULTS, linkCore, type Auth } from '../../templates/runtime/core.ts';
import {
  ResponseValidationError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from '../../templates/runtime/errors.ts';
import { path } from '../../templates/runtime/internal/path.ts';
import { ResponseGuards, type GuardResult } from '../../templates/runtime/validation.ts';
import { recordingLogger } from '../helpers/logger.ts';
import { json, type Reply, type SeenRequest, serverForTests } from './server.ts';

const TOKEN = 'sk_test_SECRET_4f9a';
/** Backoff in milliseconds, so that retries take no time. */
const FAST = { initialDelay: 1, maxDelay: 2 };

const server = serverForTests((request) => reply(request));
let reply: (request: SeenRequest) => Reply;
let core: ClientCore;

beforeEach(() => {
  reply = () => json(200, { ok: true });
  core = new ClientCore({ baseURL: server.url, token: TOKEN, backoff: FAST });
});

function only(): SeenRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/**
 * The one request the server saw for `url`. For tests whose earlier neighbour timed out: its
 * request can reach the server after that test ended (a busy machine), among this test's requests.
 */
function onlyTo(url: string): SeenRequest {
  const seen = server.requests.filter((request) => request.url === url);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('requests', () => {
  it('sends the token as a Bearer Authorization header and asks for JSON', async () => {
    await core.request({ method: 'get', path: '/plans' });
    expect(only().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(only().headers['accept']).toBe('application/json');
  });

  it.each<[string, Auth, (seen: SeenRequest) => unknown, unknown]>([
    [
      'an API key header',
      { in: 'header', name: 'X-Api-Key' },
      (r) => r.headers['x-api-key'],
      'k:1',
    ],
    [
      'an API key in the query',
      { in: 'query', name: 'api_key' },
      (r) => r.url,
      '/plans?limit=1&api_key=k%3A1',
    ],
    [
      'an API key cookie',
      { in: 'cookie', name: 'session' },
      (r) => r.headers['cookie'],
      'session=k:1',
    ],
    [
      'Basic credentials (RFC 7617, UTF-8)',
      { in: 'header', name: 'Authorization', scheme: 'Basic' },
      (r) => r.headers['authorization'],
      `Basic ${Buffer.from('k:1').toString('base64')}`,
    ],
  ])('sends the token as %s when the scheme says so', async (_name, auth, read, want) => {
    core = new ClientCore({ baseURL: server.url, token: 'k:1', auth });
    await core.request({ method: 'get', path: '/plans', query: { limit: 1 } });
    expect(read(only())).toEqual(want);
    if (auth.name !== 'Authorization') expect(only().headers['authorization']).toBeUndefined();
  });

  it("a query credential fills a parameter of its name only where the call gives none: the call's own value is sent, as its own headers are (helper-147 4)", async () => {
    core = new ClientCore({
      baseURL: server.url,
      token: 'k1',
      auth: { in: 'query', name: 'api_key' },
    });
    await core.request({ method: 'get', path: '/plans', query: { api_key: 'own', limit: 1 } });
    await core.request({ method: 'get', path: '/plans', query: { api_key: undefined, limit: 1 } });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/plans?api_key=own&limit=1',
      '/plans?api_key=k1&limit=1',
    ]);
  });

  it.each<[string, Auth]>([
    ['a Bearer header', { in: 'header', name: 'Authorization', scheme: 'Bearer' }],
    ['an API key header', { in: 'header', name: 'X-Api-Key' }],
    ['an API key in the query', { in: 'query', name: 'api_key' }],
    ['an API key cookie', { in: 'cookie', name: 'session' }],
  ])(
    'sends no credential (%s) to an operation that takes none, and the default headers still',
    async (_name, auth) => {
      core = new ClientCore({
        baseURL: server.url,
        token: 'k:1',
        auth,
        defaultHeaders: { Cookie: 'theme=dark', 'X-Tenant': 't1' },
      });
      await core.request({ method: 'get', path: '/plans', query: { limit: 1 }, anonymous: true });
      const seen = only();
      expect(seen.url).toBe('/plans?limit=1');
      expect(seen.headers['authorization']).toBeUndefined();
      expect(seen.headers['x-api-key']).toBeUndefined();
      expect(seen.headers['cookie']).toBe('theme=dark');
      expect(seen.headers['x-tenant']).toBe('t1');
      expect(JSON.stringify(seen)).not.toContain('k:1');
      // The next operation, which takes the credential, still gets it.
      server.requests.length = 0;
      await core.request({ method: 'get', path: '/plans' });
      expect(JSON.stringify(only())).toMatch(/k:1|k%3A1|Bearer k:1/);
    },
  );

  it('adds a cookie credential to the cookies of the default headers', async () => {
    core = new ClientCore({
      baseURL: server.url,
      token: 'k',
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark' },
    });
    await core.request({ method: 'get', path: '/plans' });
    expect(only().headers['cookie']).toBe('theme=dark; session=k');
  });

  it.each(['tok en', 'a;admin=1', 'a,b', 'say "hi"', 'back\\slash'])(
    'refuses a cookie credential a cookie value cannot hold (%j), naming the cookie, never the value',
    (token) => {
      // helper-117 F8: `tok en;admin=1` went out raw, a second cookie injected.
      let error: unknown;
      try {
        new ClientCore({ baseURL: server.url, token, auth: { in: 'cookie', name: 'session' } });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SDKError);
      expect((error as Error).message).toMatch(
        /^The "session" cookie credential has a character a cookie value cannot hold \(U\+00[0-9A-F]{2} at index \d+\)/,
      );
      expect((error as Error).message).not.toContain(token);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("joins a call's own cookies to the client's, rather than dropping its credential; null takes them off", async () => {
    // The cookie parameter warning says to send one per call in `headers: { cookie }`: that
    // replaced the Cookie header, and with it the cookie credential.
    core = new ClientCore({
      baseURL: server.url,
      token: 'k',
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark' },
    });
    await core.request({ method: 'get', path: '/plans' }, { headers: { Cookie: 'tz=UTC' } });
    expect(only().headers['cookie']).toBe('theme=dark; session=k; tz=UTC');
    server.requests.length = 0;
    await core.request(
      { method: 'get', path: '/plans', anonymous: true },
      { headers: { cookie: 'tz=UTC' } },
    );
    expect(only().headers['cookie']).toBe('theme=dark; tz=UTC');
    server.requests.length = 0;
    await core.request({ method: 'get', path: '/plans' }, { headers: { cookie: null } });
    expect(only().headers['cookie']).toBeUndefined();
  });

  it("a call's own cookie of a name the client sends too wins: the client's is left out (helper-152 3)", async () => {
    // Both went, the client's first, and servers read the first of two cookies of one name.
    core = new ClientCore({
      baseURL: server.url,
      token: 'k',
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark; lang=en' },
    });
    await core.request(
      { method: 'get', path: '/plans' },
      { headers: { Cookie: 'session=mine; theme=light' } },
    );
    expect(only().headers['cookie']).toBe('lang=en; session=mine; theme=light');
  });

  it('sends a JSON body with its content type and the method in upper case', async () => {
    await core.request({
      method: 'post',
      path: '/subscriptionChanges',
      body: { plan: 'pln_1', metadata: { a: null } },
    });
    expect(only().method).toBe('POST');
    expect(only().headers['content-type']).toBe('application/json');
    expect(JSON.parse(only().body)).toEqual({ plan: 'pln_1', metadata: { a: null } });
  });

  it('sends no body and no content type without a body', async () => {
    await core.request({ method: 'delete', path: '/x' });
    expect(only().body).toBe('');
    expect(only().headers['content-type']).toBeUndefined();
  });

  it('serialises the query with each parameter style', async () => {
    await core.request({
      method: 'get',
      path: '/plans',
      query: { status: ['available', 'archived'], limit: 20, after: undefined },
      queryStyles: { status: { style: 'form', explode: false } },
    });
    expect(only().url).toBe('/plans?status=available,archived&limit=20');
  });

  it('keeps the base URL path and joins with exactly one slash', async () => {
    core = new ClientCore({ baseURL: `${server.url}/v1/`, token: TOKEN });
    await core.request({ method: 'get', path: path`/plans/${'p'}` });
    expect(only().url).toBe('/v1/plans/p');
  });

  it('layers headers: defaults, operation headers, idempotency key, per-call headers (null removes)', async () => {
    core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      defaultHeaders: { 'X-Default': 'd', 'X-Gone': 'g' },
    });
    await core.request(
      {
        method: 'post',
        path: '/x',
        headers: { 'X-Op': 'o' },
        idempotencyHeader: 'Idempotency-Key',
      },
      { idempotencyKey: 'key-1', headers: { 'x-gone': null, 'X-Call': 'c' } },
    );
    const { headers } = only();
    expect(headers['x-default']).toBe('d');
    expect(headers['x-op']).toBe('o');
    expect(headers['x-call']).toBe('c');
    expect(headers['idempotency-key']).toBe('key-1');
    expect(headers['x-gone']).toBeUndefined();
  });

  it('makes an idempotency key where crypto.randomUUID is missing (a page outside a secure context)', async () => {
    // helper-118 D8: every call that got an automatic key threw a TypeError there.
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      await core.request({ method: 'post', path: '/x', idempotencyHeader: 'Idempotency-Key' });
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
    expect(only().headers['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('ignores an idempotency key on an operation that takes none', async () => {
    await core.request({ method: 'get', path: '/x' }, { idempotencyKey: 'key-1' });
    expect(only().headers['idempotency-key']).toBeUndefined();
  });
});

describe('responses', () => {
  it('resolves 2xx JSON to the parsed body', async () => {
    reply = () => json(200, { object: 'plan', id: 'pln_1' });
    await expect(core.request({ method: 'get', path: '/p' })).resolves.toEqual({
      object: 'plan',
      id: 'pln_1',
    });
  });

  it('resolves 204 to undefined when the operation declares a response without a body', async () => {
    reply = () => ({ status: 204 });
    await expect(
      core.request({ method: 'delete', path: '/p', mayBeEmpty: true }),
    ).resolves.toBeUndefined();
  });

  it('parses JSON that comes without a content type', async () => {
    reply = () => ({ status: 200, body: '{"id":"x"}' });
    await expect(core.request({ method: 'get', path: '/p' })).resolves.toEqual({ id: 'x' });
  });

  it('rejects a 2xx body that claims JSON but is not, with InvalidResponseError, without retrying', async () => {
    reply = () => ({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' },
      body: '{"a":',
    });
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(
      'The server answered 200 with invalid JSON where JSON was expected: {"a":',
    );
    expect(error).toMatchObject({ status: 200, requestID: 'req_1', body: '{"a":' });
    expect(server.requests).toHaveLength(1);
  });

  it('an error status whose body is not the gzip it is labelled keeps its class and its retries (helper-135 2)', async () => {
    const mislabelled = (status: number): Reply => ({
      status,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"message":"plain"}',
    });
    let answers = 0;
    reply = () => (++answers < 3 ? mislabelled(503) : json(200, { id: 'pln_1' }));
    await expect(core.request({ method: 'get', path: '/p' })).resolves.toEqual({ id: 'pln_1' });
    expect(server.requests).toHaveLength(3);
    server.requests.length = 0;
    reply = () => mislabelled(404);
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(
      /Its body was not read: it is not valid gzip \(Content-Encoding: gzip\): .+\.$/,
    );
    expect(server.requests).toHaveLength(1);
    // A 2xx so labelled is still no answer the client can use.
    reply = () => mislabelled(200);
    await expect(core.request({ method: 'get', path: '/p' })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('rejects an HTML page where JSON was due (a proxy answering 200)', async () => {
    reply = () => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Sign in to the Wi-Fi</body></html>',
    });
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(
      'The server answered 200 with text/html where JSON was expected: <html><body>Sign in to the Wi-Fi</body></html>',
    );
  });

  it('throws a NotFoundError (an APIError) on 404 with status, parsed body and headers', async () => {
    const body = { object: 'error', type: 'notFound', message: 'The plan was not found.' };
    reply = () => json(404, body, { 'x-trace': 'abc' });
    const error = await core.request({ method: 'get', path: '/p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(SDKError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(404);
    expect(apiError.body).toEqual(body);
    expect(apiError.headers['x-trace']).toBe('abc');
    expect(apiError.requestID).toBeUndefined();
    expect(apiError.message).toBe('404 Not Found (GET /p): The plan was not found.');
    expect(apiError.name).toBe('NotFoundError');
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('picks the error class for %i', async (status, ErrorClass) => {
    reply = () => json(status, { message: 'no' });
    const error = await core
      .request({ method: 'get', path: '/p' }, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as APIError).status).toBe(status);
  });

  it('carries the whole body, typed by the spec, and the request id; reads no field of it by name', async () => {
    const body = {
      object: 'error',
      type: 'invalid',
      code: 'subscriptionChangeAllowanceDecrease',
      message: 'The allowance cannot decrease.',
      hint: 'Pick a plan with a larger allowance.',
    };
    reply = () => json(422, body, { 'x-request-id': 'req_42' });
    const error = (await core
      .request({ method: 'post', path: '/x' })
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      body,
      requestID: 'req_42',
      message: '422 Unprocessable Entity (POST /x): The allowance cannot decrease.',
    });
    expect(Object.keys(error)).not.toContain('hint');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'UnprocessableEntityError',
      status: 422,
      requestID: 'req_42',
      body,
    });
  });

  it('reads the request id from request-id too', async () => {
    reply = () => json(400, { message: 'no' }, { 'request-id': 'r-2' });
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as APIError;
    expect(error.requestID).toBe('r-2');
  });

  it.each([
    ['message', { message: 'm' }, 'm'],
    ['error.message (nested)', { error: { message: 'nested', type: 'x' } }, 'nested'],
    [
      'error (OAuth 2, RFC 6749)',
      { error: 'invalid_grant', error_description: 'd' },
      'invalid_grant',
    ],
    ['detail (problem details, RFC 9457)', { type: 'about:blank', title: 'T', detail: 'D' }, 'D'],
    ['title alone', { title: 'T' }, 'T'],
    ['nothing it knows: the JSON', { code: 7 }, '{"code":7}'],
  ])('words the message from %s', async (_name, body, said) => {
    reply = () => json(400, body);
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as APIError;
    expect(error.message).toBe(`400 Bad Request (GET /p): ${said}`);
  });

  it('puts a non-JSON error body into the message only; body is the parsed JSON, so undefined here', async () => {
    reply = () => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<h1>bad gateway</h1>',
    });
    const error = (await core
      .request({ method: 'get', path: '/p' }, { maxRetries: 0 })
      .catch((e: unknown) => e)) as APIError;
    expect(error.body).toBeUndefined();
    expect(error.message).toBe('502 Bad Gateway (GET /p): <h1>bad gateway</h1>');
  });
});

describe('the token stays secret', () => {
  it('is not in an error message, its string, its JSON or its inspection, even when the server echoes it', async () => {
    reply = (request) =>
      json(
        401,
        {
          message: `bad token ${request.headers['authorization']!}`,
          details: [{ [TOKEN]: TOKEN }],
        },
        { 'x-echo': TOKEN },
      );
    const error = (await core
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 Unauthorized (GET /p): bad token Bearer [redacted]');
    expect(error.body).toEqual({
      message: 'bad token Bearer [redacted]',
      details: [{ '[redacted]': '[redacted]' }],
    });
    expect(String(error)).not.toContain(TOKEN);
    expect(error.stack ?? '').not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it('is not in the client JSON or its inspection', () => {
    expect(JSON.stringify(core)).not.toContain(TOKEN);
    expect(inspect(core, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what String() shows is the point
    expect(String(core)).not.toContain(TOKEN);
  });

  it('is not in a connection error', async () => {
    // Port 1 is one fetch never connects to, which the client now refuses when it is made.
    const dead = new ClientCore({
      baseURL: `http://127.0.0.1:${await closedPort()}`,
      token: TOKEN,
      maxRetries: 0,
    });
    const error = (await dead
      .request({ method: 'get', path: '/p' })
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });
});

describe('timeouts and aborts', () => {
  it('gives up after the timeout with APIConnectionTimeoutError', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const error = await core
      .request({ method: 'get', path: '/slow/timeout' }, { timeout: 50, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 50 ms (GET /slow/timeout).');
  });

  it('after retries, the connection error says how many attempts the call made', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const timedOut = await core
      .request({ method: 'get', path: '/slow/retried' }, { timeout: 30, maxRetries: 2 })
      .catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(APIConnectionTimeoutError);
    expect((timedOut as Error).message).toBe(
      'Request timed out after 30 ms (GET /slow/retried). Gave up after 3 attempts, each with its own timeout.',
    );
    // Nothing listens on a port just closed: each attempt is refused.
    const refused = await new ClientCore({
      baseURL: `http://127.0.0.1:${await closedPort()}`,
      maxRetries: 1,
      backoff: FAST,
    })
      .request({ method: 'get', path: '/x' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(APIConnectionError);
    expect((refused as Error).message).toMatch(/ Gave up after 2 attempts\.$/);
  });

  it('without a signal, cancels a timed-out attempt at the deadline: the server sees the connection close', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 5_000 });
    const started = Date.now();
    await expect(
      core.request({ method: 'get', path: '/slow/deadline' }, { timeout: 30, maxRetries: 0 }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    for (let i = 0; i < 100 && onlyTo('/slow/deadline').closedBeforeReply !== true; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onlyTo('/slow/deadline').closedBeforeReply).toBe(true);
  });

  it('with a signal, cancels a timed-out attempt: the server sees the connection close', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 5_000 });
    const signal = new AbortController().signal;
    await expect(
      core.request({ method: 'get', path: '/slow/signal' }, { timeout: 30, maxRetries: 0, signal }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    for (let i = 0; i < 100 && onlyTo('/slow/signal').closedBeforeReply !== true; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onlyTo('/slow/signal').closedBeforeReply).toBe(true);
  });

  it('rejects with APIUserAbortError when the signal aborts', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const controller = new AbortController();
    const pending = core.request({ method: 'get', path: '/slow' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("says when the caller's signal was a deadline (AbortSignal.timeout), and keeps its reason", async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const deadline = (await core
      .request(
        { method: 'get', path: '/slow/deadline-signal' },
        { signal: AbortSignal.timeout(30) },
      )
      .catch((caught: unknown) => caught)) as APIUserAbortError;
    expect(deadline).toBeInstanceOf(APIUserAbortError);
    expect(deadline.message).toBe(
      "Request was aborted: the caller's signal timed out (AbortSignal.timeout), before the client's own timeout.",
    );
    expect((deadline.cause as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    controller.abort(new Error('the user left the page'));
    const reasoned = (await core
      .request({ method: 'get', path: '/x' }, { signal: controller.signal })
      .catch((caught: unknown) => caught)) as APIUserAbortError;
    expect(reasoned.message).toBe('Request was aborted: the user left the page');
    expect(reasoned.cause).toBe(controller.signal.reason);
    const plain = (await core
      .request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught)) as APIUserAbortError;
    expect(plain.message).toBe('Request was aborted.');
  });

  it('does not send at all when the signal is already aborted', async () => {
    await expect(
      core.request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('clientParam', () => {
  it('prefers the value given to the call, then the client value', () => {
    core = new ClientCore({
      baseURL: server.url,
      clientParams: { project: { value: 'p1', howToSet: 'h' } },
    });
    expect(core.clientParam('project', 'p2')).toBe('p2');
    expect(core.clientParam('project', undefined)).toBe('p1');
  });

  it('says how to provide a missing value', () => {
    core = new ClientCore({
      baseURL: server.url,
      clientParams: {
        project: { value: undefined, howToSet: 'set `project` on the client or GIGS_PROJECT' },
      },
    });
    expect(() => core.clientParam('project', undefined)).toThrow(
      'Missing "project": pass it to this method, or set `project` on the client or GIGS_PROJECT.',
    );
  });
});

describe('settings', () => {
  it('has the documented defaults: 60 s per attempt, 2 retries, backoff 0.5 s doubling to 8 s, Retry-After up to 60 s', () => {
    expect(DEFAULTS).toEqual({
      timeout: 60_000,
      maxRetries: 2,
      backoff: { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 },
      maxResponseSize: 64 * 1024 * 1024,
    });
    const plain = new ClientCore({ baseURL: server.url });
    expect(plain).toMatchObject({
      timeout: 60_000,
      maxRetries: 2,
      backoff: { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 },
      autoIdempotencyKeys: true,
      responseValidation: 'off',
    });
  });

  it('takes each setting, and backoff parts one by one', () => {
    const custom = new ClientCore({
      baseURL: server.url,
      timeout: 5,
      maxRetries: 0,
      backoff: { maxDelay: 9, initialDelay: undefined },
      autoIdempotencyKeys: false,
    });
    expect(custom).toMatchObject({
      timeout: 5,
      maxRetries: 0,
      backoff: { initialDelay: 500, maxDelay: 9, maxRetryAfter: 60_000 },
      autoIdempotencyKeys: false,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a negative timeout',
      { timeout: -1 },
      'timeout must be a positive number of milliseconds (Infinity for none), got -1.',
    ],
    [
      'a zero timeout, which would end every call before it starts',
      { timeout: 0 },
      'timeout must be a positive number of milliseconds (Infinity for none), got 0, which would end every call before it starts.',
    ],
    [
      'a timeout given as a string',
      { timeout: '5' },
      'timeout must be a positive number of milliseconds (Infinity for none), got the string "5".',
    ],
    [
      'a maxRetries given as a string',
      { maxRetries: '2' },
      'maxRetries must be a non-negative integer, got the string "2".',
    ],
    [
      'a fetch that is not a function',
      { fetch: 'https://proxy.example' },
      'The option fetch must be a function: (input, init) => Promise<Response>, got the string "https://proxy.example".',
    ],
    [
      'a numeric token',
      { token: 12345 },
      'The option token must be a string, got the number 12345.',
    ],
    [
      'a base URL that is not a string',
      { baseURL: 5 },
      'The option baseURL must be a string, got the number 5.',
    ],
    [
      'default headers that are a string',
      { defaultHeaders: 'X-A: 1' },
      'The option defaultHeaders must be an object of header names to values, a Headers, or a list of [name, value] pairs, got the string "X-A: 1".',
    ],
    [
      'a backoff that is a number',
      { backoff: 5 },
      'The option backoff must be an object, got the number 5.',
    ],
    [
      'autoIdempotencyKeys as a string',
      { autoIdempotencyKeys: 'no' },
      'The option autoIdempotencyKeys must be true or false, got the string "no".',
    ],
    ['a logger that is null', { logger: null }, 'The option logger must be an object, got null.'],
    [
      'a logger without its methods',
      { logger: { log: () => undefined } },
      'The option logger must have the methods error, warn, info, debug; it has no error, warn, info, debug.',
    ],
    [
      'response guards that are not the package’s',
      { responseGuards: {}, responseValidation: 'throw' },
      'The option responseGuards must have the methods check; it has no check.',
    ],
    [
      'an endless backoff, whose first retry would never start',
      { backoff: { initialDelay: Infinity, maxDelay: Infinity } },
      'backoff.initialDelay must be a finite number of milliseconds, got Infinity: the first retry would never start.',
    ],
    [
      'a client parameter that is not a string',
      { clientParams: { project: { value: 7, howToSet: 'set `project` on the client' } } },
      '"project" must be a string, got the number 7: set `project` on the client.',
    ],
    [
      'a fractional maxRetries',
      { maxRetries: 1.5 },
      'maxRetries must be a non-negative integer, got 1.5.',
    ],
    [
      'a NaN backoff',
      { backoff: { maxDelay: Number.NaN } },
      'backoff.maxDelay must be a non-negative number of milliseconds, got NaN.',
    ],
    [
      'an unknown validation mode',
      { responseValidation: 'loud' },
      `responseValidation must be 'off', or 'warn' or 'throw' with responseGuards (import { responseGuards } from the package); got "loud" without responseGuards.`,
    ],
    [
      'validation without guards',
      { responseValidation: 'warn' },
      `responseValidation must be 'off', or 'warn' or 'throw' with responseGuards (import { responseGuards } from the package); got "warn" without responseGuards.`,
    ],
    [
      'an unknown log level',
      { logLevel: 'loud' },
      'Unknown logLevel "loud": use one of off, error, warn, info, debug.',
    ],
  ])('refuses %s at once, saying what is allowed', (_name, options, message) => {
    const make = (): ClientCore => new ClientCore({ baseURL: server.url, ...options });
    expect(make).toThrow(SDKError);
    expect(make).toThrow(message);
  });

  it('refuses a bad per-call setting by rejecting the call, before sending', async () => {
    await expect(core.request({ method: 'get', path: '/x' }, { timeout: -5 })).rejects.toThrow(
      'timeout must be a positive number',
    );
    await expect(core.request({ method: 'get', path: '/x' }, { maxRetries: -1 })).rejects.toThrow(
      'maxRetries must be a non-negative integer',
    );
    // helper-135 1: read only once the answer came, a wrong maxResponseSize failed a POST the
    // server had acted on; a signal that is none failed as a TypeError naming no option (4).
    for (const maxResponseSize of [-1, Number.NaN, '10'])
      await expect(
        core.request(
          { method: 'post', path: '/x', body: { a: 1 } },
          { maxResponseSize: maxResponseSize as number },
        ),
      ).rejects.toThrow(/^maxResponseSize must be a non-negative number of bytes, got /);
    for (const signal of ['nope', {}, null])
      await expect(
        core.request({ method: 'post', path: '/x' }, { signal: signal as unknown as AbortSignal }),
      ).rejects.toThrow(
        /^signal must be an AbortSignal \(an AbortController's `signal`, or AbortSignal\.timeout\(ms\)\), got .*; nothing was sent\.$/,
      );
    expect(server.requests).toHaveLength(0);
  });

  it('links a client object to its core', () => {
    const client = {};
    linkCore(client, core);
    expect(coreOf(client)).toBe(core);
    expect(() => coreOf({})).toThrow(
      'Expected a client made with `new` of the generated client class.',
    );
  });
});

describe('idempotency keys', () => {
  const post = {
    method: 'post',
    path: '/subscriptionChanges',
    body: {},
    idempotencyHeader: 'Idempotency-Key',
  } as const;

  it('generates a UUID for an operation that declares the header, new for each call', async () => {
    await core.request(post);
    await core.request(post);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("sends the caller's key instead, or one given as a header", async () => {
    await core.request(post, { idempotencyKey: 'mine' });
    await core.request(post, { headers: { 'IDEMPOTENCY-KEY': 'from-header' } });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'mine',
      'from-header',
    ]);
  });

  it('sends none when automatic keys are off, unless the caller gives one', async () => {
    core = new ClientCore({ baseURL: server.url, autoIdempotencyKeys: false });
    await core.request(post);
    await core.request(post, { idempotencyKey: 'mine' });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([undefined, 'mine']);
  });

  it('shows the key used on the result and on errors', async () => {
    const { idempotencyKey } = await core.request(post, { idempotencyKey: 'k-1' }).withResponse();
    expect(idempotencyKey).toBe('k-1');
    reply = () => json(409, { type: 'conflict', message: 'busy' });
    const error = (await core
      .request(post, { maxRetries: 0 })
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.idempotencyKey).toBe(server.requests.at(-1)?.headers['idempotency-key']);
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(JSON.stringify(error)).idempotencyKey).toBe(error.idempotencyKey);
  });

  it('is not generated for an operation without the header', async () => {
    const { idempotencyKey } = await core.request({ method: 'post', path: '/x' }).withResponse();
    expect(idempotencyKey).toBeUndefined();
    expect(only().headers['idempotency-key']).toBeUndefined();
  });

  it('set by hand on an operation without the header, is sent but makes no unsafe call retryable (helper-135 5)', async () => {
    reply = () => json(503, { message: 'busy' });
    for (const options of [{ headers: { 'Idempotency-Key': 'hk' } }, { idempotencyKey: 'k1' }]) {
      server.requests.length = 0;
      const error = (await core
        .request({ method: 'patch', path: '/plans/p', body: {} }, options)
        .catch((e: unknown) => e)) as InternalServerError;
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.idempotencyKey).toBeUndefined();
      expect(server.requests).toHaveLength(1);
    }
    // The hand-set header goes as given; the option is for operations that declare the header.
    expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined();
    server.requests.length = 0;
    await core
      .request(
        { method: 'patch', path: '/plans/p', body: {} },
        { headers: { 'Idempotency-Key': 'hk' } },
      )
      .catch(() => undefined);
    expect(only().headers['idempotency-key']).toBe('hk');
  });
});

describe('a reason phrase of 10,000 characters', () => {
  it('is cut to 500 in the message, like the body', async () => {
    const reason = 'Overloaded '.repeat(1_000).trim();
    reply = () => ({ ...json(503, { message: 'busy' }), reason });
    const error = (await core
      .request({ method: 'get', path: '/r' }, { maxRetries: 0 })
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(`503 ${reason.slice(0, 500)}… (GET /r): busy`);
  });
});

describe('a call that fails before anything awaits it', () => {
  it('is no unhandled rejection: the error waits for whoever awaits the call (two calls awaited in turn)', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      reply = (request) =>
        request.url === '/slow' ? { ...json(200, { ok: 1 }), delayMs: 100 } : json(404, {});
      const slow = core.request({ method: 'get', path: '/slow' });
      const failing = core.request({ method: 'get', path: '/missing' });
      await expect(slow).resolves.toEqual({ ok: 1 });
      // The 404 came while `slow` was awaited: Node reports a rejection nobody handled by then.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(failing).rejects.toBeInstanceOf(NotFoundError);
      await expect(failing.withResponse()).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('withResponse()', () => {
  it('gives the data next to the raw Response and the request id', async () => {
    reply = () => json(201, { id: 'x' }, { 'x-request-id': 'req_7', 'x-extra': 'e' });
    const result = await core.request<{ id: string }>({ method: 'get', path: '/p' }).withResponse();
    expect(result.data).toEqual({ id: 'x' });
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response.status).toBe(201);
    expect(result.response.headers.get('x-extra')).toBe('e');
    expect(result.requestID).toBe('req_7');
    expect(result.idempotencyKey).toBeUndefined();
  });

  it('is a promise of the data too, sending the request once whichever way it is used', async () => {
    const pending = core.request<{ ok: boolean }>({ method: 'get', path: '/p' });
    expect(Object.prototype.toString.call(pending)).toBe('[object APIPromise]');
    expect(await pending).toEqual({ ok: true });
    expect((await pending.withResponse()).data).toEqual({ ok: true });
    await pending.finally(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects like the call', async () => {
    reply = () => json(404, { message: 'gone' });
    await expect(core.request({ method: 'get', path: '/p' }).withResponse()).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      core.request({ method: 'get', path: '/p' }).catch((e: unknown) => (e as Error).name),
    ).resolves.toBe('NotFoundError');
  });
});

describe('response validation', () => {
  /** A guard for `{ id: string }`, shaped like the generated validateX guards. */
  const guards = new ResponseGuards({
    Thing: (value): GuardResult =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { id?: unknown }).id === 'string'
        ? { ok: true }
        : { ok: false, issues: [{ path: '/id', expected: 'string', found: 'missing' }] },
  });
  const request = { method: 'get', path: '/things/t1', responseSchema: 'Thing' } as const;

  it("'off' (the default) runs no guard: a bad body is returned as it came", async () => {
    reply = () => json(200, { name: 'no id' });
    const off = new ClientCore({ baseURL: server.url, responseGuards: guards });
    await expect(off.request(request)).resolves.toEqual({ name: 'no id' });
  });

  it("'warn' logs the issues and returns the body", async () => {
    reply = () => json(200, { name: 'no id' }, { 'x-request-id': 'req_9' });
    const logger = recordingLogger();
    const warn = new ClientCore({
      baseURL: server.url,
      responseValidation: 'warn',
      responseGuards: guards,
      logger,
    });
    await expect(warn.request(request)).resolves.toEqual({ name: 'no id' });
    expect(logger.lines).toEqual([
      'warn The response of GET /things/t1 does not match Thing (request req_9): /id: expected string, found missing',
    ]);
  });

  it("'throw' rejects with ResponseValidationError carrying the schema, issues, status and body", async () => {
    reply = () => json(200, { name: 'no id' });
    const strict = new ClientCore({
      baseURL: server.url,
      responseValidation: 'throw',
      responseGuards: guards,
    });
    const error = (await strict
      .request(request)
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      schema: 'Thing',
      status: 200,
      body: { name: 'no id' },
      issues: [{ path: '/id', expected: 'string', found: 'missing' }],
      message:
        'The response of GET /things/t1 does not match Thing: /id: expected string, found missing',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('passes a valid body in every mode, and skips operations without a schema or a guard', async () => {
    const strict = new ClientCore({
      baseURL: server.url,
      responseValidation: 'throw',
      responseGuards: guards,
    });
    reply = () => json(200, { id: 't1' });
    await expect(strict.request(request)).resolves.toEqual({ id: 't1' });
    reply = () => json(200, { other: true });
    await expect(strict.request({ method: 'get', path: '/x' })).resolves.toEqual({ other: true });
    await expect(
      strict.request({ method: 'get', path: '/x', responseSchema: 'Unknown' }),
    ).resolves.toEqual({ other: true });
    await expect(
      strict.request({ method: 'get', path: '/x', responseSchema: 'toString' }),
    ).resolves.toEqual({ other: true });
  });
});

describe('JSON nested 100,000 levels deep (JSON.parse takes it; anything recursive overflows)', () => {
  const DEEP = 100_000;
  const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);
  const deepObject = `${'{"message":'.repeat(DEEP)}"x"${'}'.repeat(DEEP)}`;

  it.each([
    ['arrays', deepArray],
    ['objects', deepObject],
  ])(
    'an error body of nested %s: the APIError for its status, the body kept out, JSON.stringify(error) works',
    async (_name, text) => {
      reply = () => ({ status: 400, headers: { 'content-type': 'application/json' }, body: text });
      const error = (await core
        .request({ method: 'get', path: '/deep' })
        .catch((e: unknown) => e)) as APIError;
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.body).toBeUndefined();
      expect(error.message).toBe(`400 Bad Request (GET /deep): ${text.slice(0, 500)}…`);
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 400 });
      expect(only().url).toBe('/deep');
    },
  );

  it('an error body just under the limit is kept as parsed', async () => {
    const text = `${'{"error":'.repeat(999)}{"message":"deep"}${'}'.repeat(999)}`;
    reply = () => ({ status: 400, headers: { 'content-type': 'application/json' }, body: text });
    const error = (await core
      .request({ method: 'get', path: '/deep' })
      .catch((e: unknown) => e)) as APIError;
    expect(error.body).toEqual(JSON.parse(text));
  });

  it("a 2xx body under responseValidation 'throw': ResponseValidationError with the body, not a RangeError", async () => {
    const guards = new ResponseGuards({
      Thing: (): GuardResult => ({
        ok: false,
        issues: [{ path: '', expected: 'at most 2000 levels of nesting', found: 'more' }],
      }),
    });
    const strict = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      responseValidation: 'throw',
      responseGuards: guards,
    });
    reply = () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: deepArray,
    });
    const error = (await strict
      .request({ method: 'get', path: '/deep', responseSchema: 'Thing' })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    let depth = 0;
    for (let value: unknown = error.body; Array.isArray(value); value = value[0]) depth++;
    expect(depth).toBe(DEEP);
    // helper-135 7: a logger that writes the error as JSON overflowed the stack on its body.
    const written = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(written).toMatchObject({
      name: 'ResponseValidationError',
      status: 200,
      schema: 'Thing',
      body: "(a body nested deeper than 1000 levels, left out here; the error's `body` holds it)",
    });
    expect(written['message']).toBe(error.message);
  });
});

describe('logging', () => {
  it("logs every attempt at 'debug' and every retry at 'info', never the token", async () => {
    let calls = 0;
    reply = () => (++calls === 1 ? json(503, { message: `down ${TOKEN}` }) : json(200, {}));
    const logger = recordingLogger();
    const chatty = new ClientCore({
      baseURL: `${server.url}/${TOKEN}`,
      token: TOKEN,
      logger,
      logLevel: 'debug',
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    await chatty.request({ method: 'get', path: '/p' });
    expect(logger.lines).toHaveLength(3);
    expect(logger.lines[0]).toMatch(
      /^debug GET http:\/\/127\.0\.0\.1:\d+\/\[redacted\]\/p → 503 in \d+ ms$/,
    );
    expect(logger.lines[1]).toMatch(
      /^info GET http:\/\/127\.0\.0\.1:\d+\/\[redacted\]\/p: retrying in [01] ms \(retry 1 of 2\) after 503$/,
    );
    expect(logger.lines[2]).toMatch(/ → 200 in \d+ ms$/);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('a logger that throws changes nothing: the retried POST resolves with its answer, not the error of the logger (helper-154 3)', async () => {
    let calls = 0;
    reply = () => (++calls === 1 ? json(503, {}) : json(201, { id: 'pln_1' }));
    const failing = (): never => {
      throw new Error('the log file is full');
    };
    const broken = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      logger: { error: failing, warn: failing, info: failing, debug: failing },
      logLevel: 'debug',
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    const result = await broken.request({
      method: 'post',
      path: '/plans',
      body: { name: 'x' },
      idempotencyHeader: 'Idempotency-Key',
    });
    expect(result).toEqual({ id: 'pln_1' });
    expect(server.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it("writes nothing below 'warn' by default", async () => {
    const logger = recordingLogger();
    const quiet = new ClientCore({ baseURL: server.url, logger });
    await quiet.request({ method: 'get', path: '/p' });
    expect(logger.lines).toEqual([]);
  });
});

/** A port of 127.0.0.1 nothing listens on: one just closed, so every connection is refused. */
async function closedPort(): Promise<number> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return port;
}
