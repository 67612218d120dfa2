/**
 * Retries: the pure rules (internal/retry.ts) case by case, then the core's retry loop against a
 * real server. Backoff is configured in milliseconds so that nothing here waits for long; every
 * test's requests are counted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from '../../templates/runtime/errors.ts';
import {
  isRetryableMethod,
  isRetryableStatus,
  retryAfter,
  retryDelay,
  sleep,
} from '../../templates/runtime/internal/retry.ts';
import {
  json,
  RESET,
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from './server.ts';

const BACKOFF = { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 };
const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [599, true],
    // Permanent: the server cannot do this request as sent (RFC 9110 §15.6.2, §15.6.6).
    [501, false],
    [505, false],
    [400, false],
    [401, false],
    [404, false],
    [422, false],
  ])('%i → %s', (status, want) => {
    expect(isRetryableStatus(status)).toBe(want);
  });
});

describe('isRetryableMethod', () => {
  it.each<[string, boolean, boolean]>([
    // Idempotent (RFC 9110 §9.2.2): repeating them has the effect of one.
    ['get', false, true],
    ['head', false, true],
    ['options', false, true],
    ['trace', false, true],
    ['put', false, true],
    ['delete', false, true],
    // Not idempotent (RFC 9110 §9.3.3, RFC 5789 §2): only with a key.
    ['post', false, false],
    ['patch', false, false],
    ['post', true, true],
    ['patch', true, true],
  ])('%s with key %s → %s', (method, hasKey, want) => {
    expect(isRetryableMethod(method, hasKey)).toBe(want);
  });
});

describe('retryDelay', () => {
  it('doubles from initialDelay up to maxDelay, scaled by the random draw (full jitter)', () => {
    const top = (retry: number) => retryDelay(retry, undefined, BACKOFF, () => 1, NOW);
    expect([0, 1, 2, 3, 4, 5, 10].map(top)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
    expect(retryDelay(2, undefined, BACKOFF, () => 0.25, NOW)).toBe(500);
    expect(retryDelay(2, undefined, BACKOFF, () => 0, NOW)).toBe(0);
  });

  it.each<[string, Record<string, string>, number | undefined]>([
    ['Retry-After in seconds', { 'retry-after': '3' }, 3_000],
    ['Retry-After with a fraction', { 'retry-after': '0.5' }, 500],
    ['Retry-After as an HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }, 7_000],
    ['Retry-After as a date in the past', { 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }, 0],
    ['retry-after-ms, which wins', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    ['Retry-After at the cap', { 'retry-after': '60' }, 60_000],
    ['Retry-After beyond the cap: no retry', { 'retry-after': '61' }, undefined],
    [
      'a date beyond the cap: no retry',
      { 'retry-after': 'Wed, 01 Jan 2025 01:00:00 GMT' },
      undefined,
    ],
  ])('%s', (_name, headers, want) => {
    expect(retryDelay(0, new Headers(headers), BACKOFF, () => 1, NOW)).toBe(want);
  });

  it.each([['soon'], ['-3'], ['']])(
    'falls back to backoff on an unusable Retry-After %j',
    (value) => {
      expect(retryAfter(new Headers({ 'retry-after': value }), NOW)).toBeUndefined();
      expect(retryDelay(1, new Headers({ 'retry-after': value }), BACKOFF, () => 1, NOW)).toBe(
        1_000,
      );
    },
  );
});

describe('header values that are not a number of the grammar', () => {
  it.each([['5abc'], ['1e3'], ['-5'], ['soon'], ['Infinity'], ['0x10']])(
    'retry-after-ms %j is ignored: Retry-After, else backoff, decides',
    (value) => {
      expect(
        retryDelay(
          0,
          new Headers({ 'retry-after-ms': value, 'retry-after': '2' }),
          BACKOFF,
          () => 1,
          NOW,
        ),
      ).toBe(2_000);
      expect(retryDelay(1, new Headers({ 'retry-after-ms': value }), BACKOFF, () => 1, NOW)).toBe(
        1_000,
      );
    },
  );

  it('a Retry-After too long to be a number of seconds ends the retries, even with no cap', () => {
    const endless = { ...BACKOFF, maxRetryAfter: Infinity };
    const huge = new Headers({ 'retry-after': '9'.repeat(400) });
    expect(retryDelay(0, huge, endless, () => 1, NOW)).toBeUndefined();
    expect(
      retryDelay(0, new Headers({ 'retry-after-ms': '9'.repeat(400) }), endless, () => 1, NOW),
    ).toBeUndefined();
  });
});

describe('sleep', () => {
  it('waits, and rejects with APIUserAbortError as soon as the signal aborts', async () => {
    const started = Date.now();
    await sleep(5, undefined);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('waits longer than a timer can hold (2^31 - 1 ms, about 24.8 days)', () => {
  it('sleep keeps waiting instead of resolving at once', async () => {
    const controller = new AbortController();
    let settled = false;
    const pending = sleep(2 ** 31 + 10, controller.signal).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('a Retry-After of 25 days under maxRetryAfter: Infinity is waited for, not retried at once', async () => {
    const server = await startServer(() => ({
      status: 503,
      headers: { 'retry-after': String(25 * 24 * 3600) },
      body: '',
    }));
    try {
      const core = new ClientCore({
        baseURL: server.url,
        backoff: { initialDelay: 1, maxDelay: 1, maxRetryAfter: Infinity },
      });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await core
        .request({ method: 'get', path: '/r' }, { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('the retry loop', () => {
  let server: TestServer;
  let replies: Reply[];
  let core: ClientCore;

  beforeAll(async () => {
    server = await startServer(
      (_request: SeenRequest) => replies.shift() ?? json(200, { ok: true }),
    );
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    replies = [];
    core = new ClientCore({
      baseURL: server.url,
      token: 't',
      backoff: { initialDelay: 1, maxDelay: 4, maxRetryAfter: 1_000 },
    });
  });

  const get = { method: 'get', path: '/r' } as const;
  const post = {
    method: 'post',
    path: '/r',
    body: { a: 1 },
    idempotencyHeader: 'Idempotency-Key',
  } as const;

  it('retries a 503 and resolves with the next answer', async () => {
    replies = [json(503, { message: 'down' })];
    await expect(core.request(get)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    replies = [json(429, { message: 'slow down' }, { 'retry-after': '0.2' })];
    const started = Date.now();
    await expect(core.request(get)).resolves.toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After asks for longer than the cap', async () => {
    replies = [json(503, { message: 'maintenance' }, { 'retry-after': '3600' })];
    const error = await core.request(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset', async () => {
    replies = [RESET];
    await expect(core.request(get)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a timed-out attempt with a fresh timeout, then fails with APIConnectionTimeoutError', async () => {
    replies = [
      { ...json(200, {}), delayMs: 5_000 },
      { ...json(200, {}), delayMs: 5_000 },
    ];
    const started = Date.now();
    const error = await core.request(get, { timeout: 40, maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops after maxRetries and throws the last error', async () => {
    replies = [
      json(500, { message: 'a' }),
      json(502, { message: 'b' }),
      json(503, { message: 'c' }),
      json(504, { message: 'd' }),
    ];
    const error = (await core.request(get).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('takes maxRetries per call', async () => {
    replies = [json(503, {}), json(503, {})];
    await expect(core.request(get, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a 4xx other than 408, 409 and 429', async () => {
    replies = [json(400, { message: 'bad' })];
    await expect(core.request(get)).rejects.toMatchObject({ status: 400 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries 408 and 409', async () => {
    replies = [json(408, {}), json(409, {})];
    await expect(core.request(get)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('retries a POST with its idempotency key, sending the same key and body every time', async () => {
    replies = [json(503, {}), RESET];
    await expect(core.request(post)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it('never retries a POST or a PATCH without a key: not on 503, not on a reset', async () => {
    const keyless = new ClientCore({
      baseURL: server.url,
      autoIdempotencyKeys: false,
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    replies = [json(503, {})];
    await expect(keyless.request(post)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    replies = [RESET];
    await expect(keyless.request(post)).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
    // helper-111: a PATCH was sent three times after a 503, and applied three times.
    replies = [json(503, {})];
    await expect(
      keyless.request({ method: 'patch', path: '/r', body: { a: 1 } }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
    replies = [RESET];
    await expect(
      keyless.request({ method: 'patch', path: '/r', body: { a: 1 } }),
    ).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(4);
  });

  it('retries a DELETE without a key (idempotent), and never a 501 or a 505', async () => {
    const keyless = new ClientCore({
      baseURL: server.url,
      autoIdempotencyKeys: false,
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    replies = [json(503, {}), json(503, {}), json(200, {})];
    await expect(keyless.request({ method: 'delete', path: '/r' })).resolves.toEqual({});
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
    for (const status of [501, 505]) {
      replies = [json(status, {})];
      const before = server.requests.length;
      await expect(keyless.request(get)).rejects.toMatchObject({ status });
      expect(server.requests.length - before).toBe(1);
    }
  });

  it('stops at once when the signal aborts during the wait before a retry', async () => {
    replies = [json(429, {}, { 'retry-after': '0.9' })];
    const controller = new AbortController();
    const started = Date.now();
    const pending = core.request(get, { signal: controller.signal });
    setTimeout(() => controller.abort('shutting down'), 60);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).message).toBe('Request was aborted: shutting down');
    expect(Date.now() - started).toBeLessThan(600);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry after an abort during the request', async () => {
    replies = [{ ...json(200, {}), delayMs: 5_000 }];
    const controller = new AbortController();
    const pending = core.request(get, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives the error the idempotency key of the call', async () => {
    replies = [json(429, {}), json(429, {}), json(429, {})];
    const error = (await core
      .request(post, { idempotencyKey: 'k-429' })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.idempotencyKey).toBe('k-429');
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'k-429',
      'k-429',
      'k-429',
    ]);
  });
});
