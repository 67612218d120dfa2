/**
 * A fetch of the caller's own that resolves to something other than a Response (a mock that
 * forgot to return, a wrapper that returns the parsed body) is the caller's mistake: both clients
 * report it as an SDKError that says so, at once, not as a raw TypeError from deep inside the read
 * or as a connection error retried three times.
 */
import { describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIConnectionError, SDKError } from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';

interface paths {
  '/x': { get: { responses: { 200: { content: { 'application/json': { id: string } } } } } };
}

/** A fetch that counts its calls and resolves to `value`. */
function fetchResolvingTo(value: unknown): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  return {
    fetch: (() => {
      calls++;
      return Promise.resolve(value);
    }) as unknown as typeof fetch,
    calls: () => calls,
  };
}

const NOT_RESPONSES: [string, unknown, string][] = [
  ['undefined (a mock that forgot to return)', undefined, 'undefined'],
  ['a number', 42, 'the number 42'],
  ['the parsed body', { id: 'x' }, 'an object'],
  ['a string', '{"id":"x"}', 'the string "{\\"id\\":\\"x\\"}"'],
  ['an object with a status but no headers', { status: 200, ok: true }, 'an object'],
  [
    'a Response-like object whose body is a Node stream',
    { status: 200, ok: true, headers: new Headers(), body: { pipe: () => undefined } },
    'an object',
  ],
];

describe('a custom fetch that resolves to no Response', () => {
  it.each(NOT_RESPONSES)(
    'resource client: %s is an SDKError saying so, not retried',
    async (_name, value, shown) => {
      const { fetch, calls } = fetchResolvingTo(value);
      const core = new ClientCore({ baseURL: 'https://api.example.com', fetch, maxRetries: 2 });
      const error = await core.request({ method: 'get', path: '/x' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(SDKError);
      expect(error).not.toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toBe(
        `The fetch given in the client's options resolved to ${shown}, not a Response: a fetch must resolve to a Response (the Fetch standard's, with status, headers and a body that is null or a ReadableStream). Not retried.`,
      );
      expect(calls()).toBe(1);
    },
  );

  it.each(NOT_RESPONSES)('path client: %s is an SDKError saying so', async (_name, value) => {
    const { fetch, calls } = fetchResolvingTo(value);
    const client = createPathsClient<paths>(
      new ClientCore({ baseURL: 'https://api.example.com', fetch }),
      {},
    );
    const error = await client.GET('/x').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(
      /^The fetch given in the client's options resolved to/,
    );
    expect(calls()).toBe(1);
  });

  it('takes a Response of its own making', async () => {
    const { fetch } = fetchResolvingTo(Response.json({ id: 'x' }));
    const core = new ClientCore({ baseURL: 'https://api.example.com', fetch });
    await expect(core.request({ method: 'get', path: '/x' })).resolves.toEqual({ id: 'x' });
  });
});
