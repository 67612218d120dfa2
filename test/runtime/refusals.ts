/** Calls the client refuses before sending: what both the non-finite and list-item tests check. */
import { expect } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { SDKError } from '../../templates/runtime/errors.ts';
import type { TestServer } from './server.ts';

/**
 * `refused(send)`: the message of the `SDKError` the call fails with (a client with 3 retries, on
 * `server`); the server must have seen nothing, not even a retry.
 */
export function refusalsOn(
  server: TestServer,
): (send: (core: ClientCore) => Promise<unknown>) => Promise<string> {
  return async (send) => {
    const core = new ClientCore({ baseURL: server.url, token: 't', maxRetries: 3 });
    const error = await send(core).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(server.requests).toEqual([]);
    return (error as Error).message;
  };
}
