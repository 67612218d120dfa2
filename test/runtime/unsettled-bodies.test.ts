/**
 * Bodies whose stream never settles: a `cancel()` that never resolves (an MSW `HttpResponse` body,
 * a custom fetch's) and a body that stalls while fetch ignores the attempt's signal. A body the
 * client drops (no body declared, a HEAD, a redirect, an event stream left) is not waited for, and
 * the call's `timeout` ends an attempt whose body never comes: no call, no loop, no `cancel()`
 * ever hangs.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { ClientCore, type Fetch } from '../../templates/runtime/core.ts';
import { APIConnectionTimeoutError, APIUserAbortError } from '../../templates/runtime/errors.ts';
import { readNothing } from '../../templates/runtime/internal/read.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { readEventStream, type EventStream } from '../../templates/runtime/streaming.ts';

const BASE = 'https://api.test';

/** A body that gives `chunks`, then neither ends nor settles a `cancel()`. */
function stuck(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
    },
    cancel: () => new Promise<void>(() => undefined),
  });
}

/** A fetch that ignores the signal and answers `answer(url)`; the URLs it was called with. */
function fetchAnswering(answer: (url: string) => Response): Fetch & { urls: string[] } {
  const urls: string[] = [];
  const fetch = (input: string | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input.url;
    urls.push(url);
    return Promise.resolve(answer(url));
  };
  return Object.assign(fetch, { urls });
}

const client = (fetch: Fetch, timeout = 60_000): ClientCore =>
  new ClientCore({ baseURL: BASE, token: 't', fetch, timeout, maxRetries: 0 });

/** `promise`'s outcome, or 'pending' when it has not settled after `ms`. */
async function within(promise: Promise<unknown>, ms = 1_000): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([promise.catch((error: unknown) => error), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a body dropped unread, whose cancel() never settles, is not waited for', () => {
  it('an operation without a declared body answered with one', async () => {
    const fetch = fetchAnswering(() => new Response(stuck('{}'), { status: 200 }));
    const call = client(fetch).request({
      method: 'delete',
      path: '/things/1',
      read: readNothing,
      mayBeEmpty: true,
    });
    expect(await within(call)).toBeUndefined();
  });

  it('an MSW handler that answers such an operation with JSON', async () => {
    const server = setupServer(
      http.delete(`${BASE}/things/:id`, () => HttpResponse.json({ deleted: true })),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const call = new ClientCore({ baseURL: BASE, token: 't', maxRetries: 0 }).request({
        method: 'delete',
        path: '/things/1',
        read: readNothing,
        mayBeEmpty: true,
      });
      expect(await within(call)).toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('the body of an answer to HEAD', async () => {
    const fetch = fetchAnswering(() => new Response(stuck('{}'), { status: 200 }));
    const call = client(fetch).request({ method: 'head', path: '/things/1' });
    expect(await within(call)).toBeUndefined();
  });

  it('the body of a redirect that is followed', async () => {
    const fetch = fetchAnswering((url) =>
      url.endsWith('/old')
        ? new Response(stuck('moved'), { status: 302, headers: { location: '/new' } })
        : Response.json({ ok: true }),
    );
    const call = client(fetch).request({ method: 'get', path: '/old' });
    expect(await within(call)).toEqual({ ok: true });
    expect(fetch.urls).toEqual([`${BASE}/old`, `${BASE}/new`]);
  });

  it('an event stream left in the middle, or cancelled', async () => {
    const events = (): Promise<EventStream> =>
      client(
        fetchAnswering(
          () =>
            new Response(stuck('data: 1\n\n'), {
              headers: { 'content-type': 'text/event-stream' },
            }),
        ),
      ).request({ method: 'get', path: '/events', read: readEventStream });
    const left = (async () => {
      for await (const event of await events()) return event.data;
      return 'ended';
    })();
    expect(await within(left)).toBe('1');
    expect(await within((await events()).cancel())).toBeUndefined();
  });
});

describe("an attempt whose fetch ignores its signal ends at the call's timeout or signal", () => {
  const stalled = fetchAnswering(
    () => new Response(stuck('{"a'), { headers: { 'content-type': 'application/json' } }),
  );

  it('a JSON body that stops coming: APIConnectionTimeoutError', async () => {
    const call = client(stalled, 50).request({ method: 'get', path: '/things/1' });
    expect(await within(call)).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("the caller's signal: APIUserAbortError", async () => {
    const controller = new AbortController();
    const call = client(stalled).request(
      { method: 'get', path: '/things/1' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    expect(await within(call)).toBeInstanceOf(APIUserAbortError);
  });

  it('a fetch that never answers: APIConnectionTimeoutError', async () => {
    const never: Fetch = () => new Promise<Response>(() => undefined);
    const call = client(never, 50).request({ method: 'get', path: '/things/1' });
    expect(await within(call)).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('the typed path client: the same', async () => {
    interface paths {
      '/things/{id}': {
        get: {
          parameters: { path: { id: string } };
          responses: { 200: { content: { 'application/json': { a: string } } } };
        };
      };
    }
    const paths = createPathsClient<paths>(client(stalled, 50));
    const call = paths.GET('/things/{id}', { params: { path: { id: '1' } } });
    expect(await within(call)).toBeInstanceOf(APIConnectionTimeoutError);
    const controller = new AbortController();
    controller.abort();
    const aborted = createPathsClient<paths>(client(stalled)).GET('/things/{id}', {
      params: { path: { id: '1' } },
      signal: controller.signal,
    });
    expect(await within(aborted)).toBeInstanceOf(APIUserAbortError);
  });
});
