import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  SDKError,
} from '../../templates/runtime/errors.ts';
import { path } from '../../templates/runtime/internal/path.ts';
import { json, startServer, type Reply, type SeenRequest, type TestServer } from './server.ts';

const TOKEN = 'sk_test_SECRET_4f9a';

let server: TestServer;
let reply: (request: SeenRequest) => Reply;
let core: ClientCore;

beforeAll(async () => {
  server = await startServer((request) => reply(request));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  reply = () => json(200, { ok: true });
  core = new ClientCore({ baseURL: server.url, token: TOKEN });
});

function only(): SeenRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('requests', () => {
  it('sends the token as a Bearer Authorization header and asks for JSON', async () => {
    await core.request({ method: 'get', path: '/plans' });
    expect(only().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(only().headers['accept']).toBe('application/json');
  });

  it('uses another auth header when told to', async () => {
    core = new ClientCore({ baseURL: server.url, token: 'k', auth: { header: 'X-Api-Key' } });
    await core.request({ method: 'get', path: '/plans' });
    expect(only().headers['x-api-key']).toBe('k');
    expect(only().headers['authorization']).toBeUndefined();
  });

  it('sends a JSON body with its content type and the method in upper case', async () => {
    await core.request({ method: 'post', path: '/subscriptionChanges', body: { plan: 'pln_1', metadata: { a: null } } });
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
    core = new ClientCore({ baseURL: server.url, token: TOKEN, defaultHeaders: { 'X-Default': 'd', 'X-Gone': 'g' } });
    await core.request(
      { method: 'post', path: '/x', headers: { 'X-Op': 'o' }, idempotencyHeader: 'Idempotency-Key' },
      { idempotencyKey: 'key-1', headers: { 'x-gone': null, 'X-Call': 'c' } },
    );
    const { headers } = only();
    expect(headers['x-default']).toBe('d');
    expect(headers['x-op']).toBe('o');
    expect(headers['x-call']).toBe('c');
    expect(headers['idempotency-key']).toBe('key-1');
    expect(headers['x-gone']).toBeUndefined();
  });

  it('sends a plain object as multipart form data, and a form-urlencoded body as a query string', async () => {
    await core.request({ method: 'post', path: '/up', body: { file: 'abc', tags: ['x', 'y'] }, contentType: 'multipart/form-data' });
    expect(only().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(only().body.match(/name="tags"/g)).toHaveLength(2);
    expect(only().body).toContain('abc');
    server.requests.length = 0;
    await core.request({ method: 'post', path: '/form', body: { a: 'b c', n: 1 }, contentType: 'application/x-www-form-urlencoded' });
    expect(only().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(only().body).toBe('a=b%20c&n=1');
  });

  it('refuses a body it cannot encode for a media type, before sending', async () => {
    await expect(core.request({ method: 'post', path: '/x', body: { a: 1 }, contentType: 'application/octet-stream' })).rejects.toThrow(
      'Cannot send a object body as application/octet-stream',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('ignores an idempotency key on an operation that takes none', async () => {
    await core.request({ method: 'get', path: '/x' }, { idempotencyKey: 'key-1' });
    expect(only().headers['idempotency-key']).toBeUndefined();
  });
});

describe('responses', () => {
  it('resolves 2xx JSON to the parsed body', async () => {
    reply = () => json(200, { object: 'plan', id: 'pln_1' });
    await expect(core.request({ method: 'get', path: '/p' })).resolves.toEqual({ object: 'plan', id: 'pln_1' });
  });

  it('resolves 204 to undefined', async () => {
    reply = () => ({ status: 204 });
    await expect(core.request({ method: 'delete', path: '/p' })).resolves.toBeUndefined();
  });

  it('resolves a non-JSON 2xx body to its text', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await expect(core.request({ method: 'get', path: '/p' })).resolves.toBe('hello');
  });

  it('rejects a 2xx body that claims JSON but is not', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":' });
    await expect(core.request({ method: 'get', path: '/p' })).rejects.toThrow('not valid JSON');
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
    expect(apiError.message).toBe('404 Not Found: The plan was not found.');
    expect(apiError.name).toBe('NotFoundError');
  });

  it.each([
    [401, AuthenticationError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('picks the error class for %i', async (status, ErrorClass) => {
    reply = () => json(status, { message: 'no' });
    const error = await core.request({ method: 'get', path: '/p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as APIError).status).toBe(status);
  });

  it('keeps a non-JSON error body as text', async () => {
    reply = () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>bad gateway</h1>' });
    const error = (await core.request({ method: 'get', path: '/p' }).catch((e: unknown) => e)) as APIError;
    expect(error.body).toBe('<h1>bad gateway</h1>');
    expect(error.message).toBe('502 Bad Gateway: <h1>bad gateway</h1>');
  });
});

describe('the token stays secret', () => {
  it('is not in an error message, its string, its JSON or its inspection, even when the server echoes it', async () => {
    reply = (request) =>
      json(
        401,
        { message: `bad token ${request.headers['authorization']}`, details: [{ [TOKEN]: TOKEN }] },
        { 'x-echo': TOKEN },
      );
    const error = (await core.request({ method: 'get', path: '/p' }).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 Unauthorized: bad token Bearer [redacted]');
    expect(error.body).toEqual({ message: 'bad token Bearer [redacted]', details: [{ '[redacted]': '[redacted]' }] });
    expect(String(error)).not.toContain(TOKEN);
    expect(error.stack ?? '').not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it('is not in the client JSON or its inspection', () => {
    expect(JSON.stringify(core)).not.toContain(TOKEN);
    expect(inspect(core, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(String(core)).not.toContain(TOKEN);
  });

  it('is not in a connection error', async () => {
    const dead = new ClientCore({ baseURL: 'http://127.0.0.1:1', token: TOKEN });
    const error = (await dead.request({ method: 'get', path: '/p' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).not.toContain(TOKEN);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });
});

describe('timeouts and aborts', () => {
  it('gives up after the timeout with APIConnectionTimeoutError', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const error = await core.request({ method: 'get', path: '/slow' }, { timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('rejects with APIUserAbortError when the signal aborts', async () => {
    reply = () => ({ ...json(200, {}), delayMs: 2_000 });
    const controller = new AbortController();
    const pending = core.request({ method: 'get', path: '/slow' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('does not send at all when the signal is already aborted', async () => {
    await expect(core.request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('clientParam', () => {
  it('prefers the value given to the call, then the client value', () => {
    core = new ClientCore({ baseURL: server.url, clientParams: { project: { value: 'p1', hint: 'h' } } });
    expect(core.clientParam('project', 'p2')).toBe('p2');
    expect(core.clientParam('project', undefined)).toBe('p1');
  });

  it('says how to provide a missing value', () => {
    core = new ClientCore({
      baseURL: server.url,
      clientParams: { project: { value: undefined, hint: 'set `project` on the client or GIGS_PROJECT' } },
    });
    expect(() => core.clientParam('project', undefined)).toThrow(
      'Missing "project": pass it to this method, or set `project` on the client or GIGS_PROJECT.',
    );
  });
});
