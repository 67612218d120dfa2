/**
 * Every error of a call that got no usable answer names the request it belongs to: its method and
 * path, never its query (which may carry the credential) and never the token. A log line "401
 * Unauthorized" or "Connection error: fetch failed (other side closed)" from a service that makes
 * hundreds of kinds of calls says nothing about which one failed; the answer that was not valid
 * (InvalidResponseError) already said `GET /plans`, the status, the connection and the timeout
 * errors did not. Served by a real server on 127.0.0.1 that answers by path.
 */
import { describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
} from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { json, RESET, serverForTests, type Reply, type SeenRequest } from './server.ts';

const TOKEN = 'sk_test_WHERE_SECRET_42';

const server = serverForTests((request: SeenRequest): Reply => {
  const path = request.url.split('?')[0]!;
  if (path === '/plans/pln_404') return json(404, { message: 'The plan was not found.' });
  if (path === '/plans/pln_401') return { status: 401, body: '' };
  if (path === '/plans/pln_503') return json(503, { message: 'busy' });
  if (path === '/plans/pln_600') return { status: 600, reason: 'Odd', body: '' };
  if (path === '/plans/reset') return RESET;
  if (path === '/plans/slow') return { ...json(200, {}), delayMs: 2_000 };
  if (path === '/plans/away') return { status: 302, headers: { location: 'ftp://files/x' } };
  if (path === `/echo/${TOKEN}`) return json(404, { message: 'no such thing' });
  return json(200, {});
});

const core = (extra: Record<string, unknown> = {}): ClientCore =>
  new ClientCore({
    baseURL: server.url,
    token: TOKEN,
    auth: { in: 'query', name: 'api_key' },
    maxRetries: 0,
    backoff: { initialDelay: 1, maxDelay: 2 },
    logLevel: 'off',
    ...extra,
  });

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );

describe('the error of a call names its method and path', () => {
  it('an error status: after the status and reason, before what the body says', async () => {
    const error = await failure(
      core().request({ method: 'get', path: '/plans/pln_404', query: { expand: 'x' } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 Not Found (GET /plans/pln_404): The plan was not found.');
  });

  it('an error status without a body', async () => {
    const error = await failure(core().request({ method: 'delete', path: '/plans/pln_401' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 Unauthorized (DELETE /plans/pln_401)');
  });

  it('an error status after retries', async () => {
    const error = await failure(
      core({ maxRetries: 1 }).request({ method: 'get', path: '/plans/pln_503' }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(
      '503 Service Unavailable (GET /plans/pln_503): busy. Gave up after 2 attempts.',
    );
  });

  it('a status outside 100-599', async () => {
    const error = await failure(core().request({ method: 'get', path: '/plans/pln_600' }));
    expect(error.message).toBe(
      '600 Odd (not an HTTP status: RFC 9110 §15 defines 100-599) (GET /plans/pln_600)',
    );
  });

  it('a connection closed without an answer', async () => {
    const error = await failure(core().request({ method: 'post', path: '/plans/reset' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/^Connection error \(POST \/plans\/reset\): /);
  });

  it('a timeout, also after retries', async () => {
    const once = await failure(
      core().request({ method: 'get', path: '/plans/slow' }, { timeout: 40 }),
    );
    expect(once).toBeInstanceOf(APIConnectionTimeoutError);
    expect(once.message).toBe('Request timed out after 40 ms (GET /plans/slow).');
    const retried = await failure(
      core({ maxRetries: 1 }).request({ method: 'get', path: '/plans/slow' }, { timeout: 40 }),
    );
    expect(retried.message).toBe(
      'Request timed out after 40 ms (GET /plans/slow). Gave up after 2 attempts, each with its own timeout.',
    );
  });

  it('a redirect that is not followed', async () => {
    const error = await failure(core().request({ method: 'get', path: '/plans/away' }));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toBe(
      '302 redirect of GET /plans/away to ftp://files/x not followed: it leads to a ftp: URL.',
    );
  });

  it('never with the credential: not the query that carries it, not a path that echoes it', async () => {
    const error = await failure(core().request({ method: 'get', path: `/echo/${TOKEN}` }));
    expect(error.message).toBe('404 Not Found (GET /echo/[redacted]): no such thing');
    expect(server.requests[0]!.url).toContain(`api_key=${TOKEN}`);
  });
});

describe('the typed path client names the operation too', () => {
  interface paths {
    '/plans/{id}': {
      get: {
        parameters: { path: { id: string } };
        responses: { 200: { content: { 'application/json': object } } };
      };
    };
  }
  const paths = (extra: Record<string, unknown> = {}) => createPathsClient<paths>(core(extra));

  it('a connection closed without an answer', async () => {
    const error = await failure(paths().GET('/plans/{id}', { params: { path: { id: 'reset' } } }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/^Connection error \(GET \/plans\/\{id\}\): /);
  });

  it('a timeout', async () => {
    const error = await failure(
      paths({ timeout: 40 }).GET('/plans/{id}', { params: { path: { id: 'slow' } } }),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toBe('Request timed out after 40 ms (GET /plans/{id}).');
  });

  it('a redirect that is not followed', async () => {
    const error = await failure(paths().GET('/plans/{id}', { params: { path: { id: 'away' } } }));
    expect(error.message).toBe(
      '302 redirect of GET /plans/{id} to ftp://files/x not followed: it leads to a ftp: URL.',
    );
  });
});
