/**
 * The generated Gigs client (generated/src) when things go wrong, against a real HTTP server:
 * rate limits, outages, resets, timeouts, aborts, bodies that are not what the spec says, and
 * the typed errors with what the server said. Backoff is milliseconds; every wait is bounded.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
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
  responseGuards,
  ResponseValidationError,
  SDKError,
  UnprocessableEntityError,
  type Gigs,
} from '../../generated/src/index.ts';
import { ResponseGuards } from '../../generated/src/runtime/validation.ts';
import { json, RESET, startServer, type Reply, type TestServer } from '../runtime/server.ts';
import { recordingLogger } from '../helpers/logger.ts';
import { gigsFor, responseExample, TOKEN, UUID } from './harness.ts';

let server: TestServer;
let replies: Reply[];
let gigs: Gigs;
const plan = responseExample('retrievePlan').body;

beforeAll(async () => {
  server = await startServer(() => replies.shift() ?? json(200, plan));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  replies = [];
  gigs = gigsFor(server.url);
});

async function failure(pending: PromiseLike<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('retries', () => {
  it('429 with Retry-After: waits as asked, then succeeds', async () => {
    replies = [
      json(
        429,
        { object: 'error', type: 'rateLimited', message: 'Slow down.' },
        { 'retry-after': '0.2' },
      ),
    ];
    const started = Date.now();
    await expect(gigs.plans.retrieve('pln_1')).resolves.toEqual(plan);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(2);
  });

  it('429 that persists: RateLimitError after maxRetries (2) retries', async () => {
    replies = [json(429, {}), json(429, {}), json(429, { message: 'still' })];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(
      '429 Too Many Requests (GET /projects/proj_1/plans/pln_1): still. Gave up after 3 attempts.',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('429 asking for a longer wait than maxRetryAfter: fails at once, and says it was not retried and why', async () => {
    replies = [json(429, { message: 'Come back in an hour.' }, { 'retry-after': '3600' })];
    const started = Date.now();
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(
      '429 Too Many Requests (GET /projects/proj_1/plans/pln_1): Come back in an hour. Not retried: the server asked to wait 3600000 ms (Retry-After), more than maxRetryAfter (2000 ms).',
    );
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('503 then success', async () => {
    replies = [
      json(503, { object: 'error', type: 'unavailable', message: 'Try again.' }),
      json(200, responseExample('listPlans').body),
    ];
    await expect(gigs.plans.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
    expect(server.requests).toHaveLength(2);
  });

  it('a connection reset, then success', async () => {
    replies = [RESET];
    await expect(gigs.addons.retrieve('add_1')).resolves.toEqual(plan);
    expect(server.requests).toHaveLength(2);
  });

  it('a POST with a generated key is retried with the same key', async () => {
    replies = [json(503, {}), RESET];
    await gigs.plans.archive('pln_1');
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
  });

  it('a POST or a PATCH without a key is not retried: not on 503, not on a reset', async () => {
    gigs = gigsFor(server.url, { autoIdempotencyKeys: false });
    replies = [json(503, { message: 'down' })];
    const error = (await failure(
      gigs.subscriptionChanges.create({ subscription: 'sub_1', plan: 'pln_1' }),
    )) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.idempotencyKey).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined();
    replies = [RESET];
    await expect(gigs.plans.update('pln_1', { name: 'Max' })).rejects.toMatchObject({
      name: 'APIConnectionError',
    });
    expect(server.requests).toHaveLength(2);
    // DELETE is idempotent (RFC 9110 §9.2.2): retried without a key.
    replies = [RESET];
    await gigs.subscriptionChanges.delete('sch_1').catch(() => undefined);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'DELETE', 'DELETE']);
  });

  it("a POST with the caller's key is retried even with automatic keys off", async () => {
    gigs = gigsFor(server.url, { autoIdempotencyKeys: false });
    replies = [json(503, {})];
    await gigs.subscriptionChanges.create(
      { subscription: 'sub_1', plan: 'pln_1' },
      { idempotencyKey: 'mine' },
    );
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['mine', 'mine']);
  });

  it('maxRetries: 0 on the client sends once', async () => {
    gigs = gigsFor(server.url, { maxRetries: 0 });
    replies = [json(500, {})];
    await expect(gigs.plans.retrieve('pln_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('a status above 599 is no server error (RFC 9110 §15): an APIError at once, not retried', async () => {
    replies = [json(600, { message: 'weird' }), json(200, plan)];
    const error = await failure(gigs.plans.retrieve('pln_1'));
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(600);
    expect((error as Error).message).toContain('not an HTTP status');
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('a timeout: each attempt gets the timeout, then APIConnectionTimeoutError', async () => {
    replies = [
      { ...json(200, plan), delayMs: 5_000 },
      { ...json(200, plan), delayMs: 5_000 },
    ];
    gigs = gigsFor(server.url, { timeout: 50, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(gigs.plans.retrieve('pln_1'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    // The call took two timeouts and a pause: the message says so.
    expect((error as Error).message).toBe(
      'Request timed out after 50 ms (GET /projects/proj_1/plans/pln_1). Gave up after 2 attempts, each with its own timeout.',
    );
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a per-call timeout wins over the client's, and a slow attempt then succeeds on retry", async () => {
    replies = [{ ...json(200, plan), delayMs: 5_000 }];
    await expect(gigs.plans.retrieve('pln_1', {}, { timeout: 50 })).resolves.toEqual(plan);
    expect(server.requests).toHaveLength(2);
  });

  it('an abort in the middle of a retry wait stops at once, without another request', async () => {
    replies = [json(503, {}, { 'retry-after': '1.5' })];
    const controller = new AbortController();
    const started = Date.now();
    const pending = gigs.plans.retrieve('pln_1', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 80);
    const error = (await failure(pending)) as APIUserAbortError;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it('an abort of a POST names its idempotency key, so the caller can retry it safely', async () => {
    replies = [{ ...json(200, plan), delayMs: 5_000 }];
    const controller = new AbortController();
    const pending = gigs.plans.publish('pln_1', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = (await failure(pending)) as APIUserAbortError;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.idempotencyKey).toBe(server.requests[0]?.headers['idempotency-key']);
    expect(error.idempotencyKey).toMatch(UUID);
  });
});

describe('bodies that are not what the spec says', () => {
  it('malformed JSON in a 200: InvalidResponseError, not retried', async () => {
    replies = [
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"object":"plan","id":',
      },
    ];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toContain('invalid JSON where JSON was expected');
    expect(server.requests).toHaveLength(1);
  });

  it('malformed JSON in an error: the APIError says the text, and has no typed body', async () => {
    replies = [
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: '{"type":"malformed",',
      },
    ];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body).toBeUndefined();
    expect(error.message).toBe(
      '400 Bad Request (GET /projects/proj_1/plans/pln_1): {"type":"malformed",',
    );
  });

  it('an empty 200 where the spec declares a plan: InvalidResponseError, not undefined', async () => {
    replies = [{ status: 200, headers: { 'content-type': 'application/json' }, body: '' }];
    const error = await failure(gigs.plans.retrieve('pln_1'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server answered 200 with an empty body where the operation declares one.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('an empty 200 fails under response validation too', async () => {
    gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
    replies = [{ status: 200, body: '' }];
    await expect(gigs.plans.retrieve('pln_1')).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('an HTML error page from a proxy: retried as a 5xx, then InternalServerError with the page as text', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>'.repeat(100)}</body></html>`;
    const proxy: Reply = { status: 502, headers: { 'content-type': 'text/html' }, body: page };
    replies = [proxy, proxy, proxy];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(error.body).toBeUndefined();
    expect(
      error.message.startsWith('502 Bad Gateway (GET /projects/proj_1/plans/pln_1): <html>'),
    ).toBe(true);
    expect(error.message.length).toBeLessThan(650);
    expect(server.requests).toHaveLength(3);
  });

  it('an HTML page with 200 where JSON was due: InvalidResponseError', async () => {
    replies = [
      {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html>Please log in to the proxy</html>',
      },
    ];
    const error = await failure(gigs.plans.retrieve('pln_1'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server answered 200 with text/html where JSON was expected: <html>Please log in to the proxy</html>',
    );
  });
});

describe('a 200 whose body fails its guard, in each validation mode', () => {
  const broken = { ...plan, price: { amount: -5, currency: 'usd' }, status: 42 };

  it("'off' (the default) returns the body as it came", async () => {
    replies = [json(200, broken)];
    await expect(gigs.plans.retrieve('pln_1')).resolves.toEqual(broken);
  });

  it("'warn' returns the body and logs where it fails", async () => {
    const logger = recordingLogger();
    gigs = gigsFor(server.url, { responseValidation: 'warn', responseGuards, logger });
    replies = [json(200, broken, { 'x-request-id': 'req_w' })];
    await expect(gigs.plans.retrieve('pln_1')).resolves.toEqual(broken);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^warn The response of GET \/projects\/proj_1\/plans\/pln_1 does not match Plan \(request req_w\): \/\w+/,
    );
  });

  it("'throw' rejects with ResponseValidationError: the schema, every issue with its path, the body", async () => {
    gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
    replies = [json(200, broken)];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.schema).toBe('Plan');
    expect(error.body).toEqual(broken);
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['/status']));
    expect(error.message).toContain(
      'The response of GET /projects/proj_1/plans/pln_1 does not match Plan: ',
    );
  });

  it("a body nested deeper than the call stack: ResponseValidationError under 'throw', logged under 'warn'", async () => {
    // A guard whose recursion runs out of stack before its depth limit (large frames).
    const overflowing = (value: unknown): never => {
      const deeper = (depth: number): number => deeper(depth + 1) + 1;
      deeper(0);
      throw new Error(`unreachable ${String(value)}`);
    };
    const guards = new ResponseGuards({ Plan: overflowing });
    gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards: guards });
    replies = [json(200, broken)];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toContain('found a value nested deeper than the call stack can follow');
    const logger = recordingLogger();
    gigs = gigsFor(server.url, { responseValidation: 'warn', responseGuards: guards, logger });
    replies = [json(200, broken)];
    await expect(gigs.plans.retrieve('pln_1')).resolves.toEqual(broken);
    expect(logger.lines[0]).toMatch(/does not match Plan: \(root\): expected a value nested/);
  });

  it("'throw' checks every page of a list", async () => {
    gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
    const list = responseExample('listPlans').body;
    replies = [
      json(200, { ...list, moreItemsAfter: 'pln_x' }),
      json(200, { ...list, items: [broken], moreItemsAfter: null }),
    ];
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const item of gigs.plans.list()) seen.push(item);
      })(),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(seen).toHaveLength((list['items'] as unknown[]).length);
  });

  it('a mode other than off without the guards fails at construction, saying what to pass', () => {
    expect(() => gigsFor(server.url, { responseValidation: 'throw' })).toThrow(
      `got "throw" without responseGuards`,
    );
  });
});

describe('typed errors', () => {
  const body = (type: string, extra: Record<string, unknown> = {}) => ({
    object: 'error',
    type,
    message: `It is ${type}.`,
    ...extra,
  });

  it.each([
    [400, BadRequestError, 'malformed'],
    [401, AuthenticationError, 'unauthenticated'],
    [403, PermissionDeniedError, 'permissionDenied'],
    [404, NotFoundError, 'notFound'],
    [409, ConflictError, 'conflict'],
    [422, UnprocessableEntityError, 'invalid'],
    [429, RateLimitError, 'rateLimited'],
    [500, InternalServerError, 'internal'],
    [501, InternalServerError, 'unsupported'],
  ])(
    '%i → %o with the parsed error body, typed as the spec declares it',
    async (status, ErrorClass, type) => {
      gigs = gigsFor(server.url, { maxRetries: 0 });
      replies = [
        json(
          status,
          body(type, {
            code: `${type}Code`,
            hint: 'Do better.',
            documentation: ['https://x.test/doc'],
            details: [{ property: 'plan' }],
          }),
          { 'x-request-id': 'req_e' },
        ),
      ];
      const error = (await failure(gigs.plans.update('pln_1', { name: 'n' }))) as APIError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(SDKError);
      expect(error).toMatchObject({
        status,
        body: {
          type,
          code: `${type}Code`,
          hint: 'Do better.',
          documentation: ['https://x.test/doc'],
          details: [{ property: 'plan' }],
        },
        requestID: 'req_e',
        headers: expect.objectContaining({ 'x-request-id': 'req_e' }),
      });
      // The body's type is the spec's Error schema: its fields type-check, a made-up one does not.
      const hint: string | undefined = error.body?.hint;
      expect(hint).toBe('Do better.');
      // @ts-expect-error the spec's error body has no `nonsense` field
      expect(error.body?.nonsense).toBeUndefined();
      expect(error.message).toMatch(new RegExp(`^${status} .*: It is ${type}\\.$`));
    },
  );

  it('the token never appears in a message, toString(), JSON or inspection, even when the server echoes it', async () => {
    gigs = gigsFor(server.url, { maxRetries: 0 });
    replies = [
      json(401, body('unauthenticated', { message: `Bad token Bearer ${TOKEN}`, hint: TOKEN }), {
        'www-authenticate': `Bearer ${TOKEN}`,
      }),
    ];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(
      '401 Unauthorized (GET /projects/proj_1/plans/pln_1): Bad token Bearer [redacted]',
    );
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      error.stack ?? '',
    ]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.stringify(gigs)).not.toContain(TOKEN);
    expect(inspect(gigs, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it('the token echoed into a body that fails validation is redacted from the message and every issue', async () => {
    gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
    replies = [json(200, { ...plan, status: `Bearer ${TOKEN}` })];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues.some((issue) => issue.found.includes('[redacted]'))).toBe(true);
    for (const text of [
      error.message,
      JSON.stringify(error.issues),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ])
      expect(text).not.toContain(TOKEN);
  });

  it('a per-call header with CR/LF fails at once, before sending and without a retry', async () => {
    const error = await failure(
      gigs.plans.retrieve(
        'pln_1',
        {},
        { headers: { 'X-Note': `a\r\nAuthorization: Bearer ${TOKEN}` } },
      ),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(0);
  });

  it('a per-call header or a token above U+00FF fails at once, before sending and without a retry', async () => {
    const error = await failure(
      gigs.plans.retrieve('pln_1', {}, { headers: { 'x-name': 'Zoë ✓' } }),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('"x-name" header value has a character HTTP cannot');
    expect(server.requests).toHaveLength(0);
    expect(() => gigsFor(server.url, { token: 'tök€n' })).toThrow(
      /"authorization" header value has a character HTTP cannot carry \(U\+20AC/,
    );
  });

  it('a one-letter token is taken out only where it stands alone, in the body, the message and the reason phrase', async () => {
    gigs = gigsFor(server.url, { token: 't' });
    replies = [
      {
        ...json(404, { object: 'error', type: 'notFound', message: 'Zoët: no such plan: t' }),
        reason: 'Not t Found',
      },
    ];
    const error = (await failure(gigs.plans.retrieve('pln_1'))) as NotFoundError;
    expect(error.body).toEqual({
      object: 'error',
      type: 'notFound',
      message: 'Zoët: no such plan: [redacted]',
    });
    expect(error.message).toBe(
      '404 Not [redacted] Found (GET /projects/proj_1/plans/pln_1): Zoët: no such plan: [redacted]',
    );
  });

  it('the token is not in the log lines of a retried call', async () => {
    const logger = recordingLogger();
    gigs = gigsFor(server.url, { logger, logLevel: 'debug' });
    replies = [json(503, { message: TOKEN })];
    await gigs.plans.retrieve(TOKEN);
    expect(logger.lines.length).toBeGreaterThanOrEqual(3);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });
});
