/**
 * A 200 whose JSON is `null` or a scalar where the operation declares an object, against a real
 * server: under response validation the call never resolves with a value its type lies about;
 * without it the value comes as sent, and a list call says what is wrong instead of a TypeError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidResponseError,
  responseGuards,
  ResponseValidationError,
} from '../../generated/src/index.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { gigsFor } from './harness.ts';

let server: TestServer;
let body: unknown;
beforeAll(async () => {
  server = await startServer(() => json(200, body));
});
afterAll(() => server.close());

describe.each([null, 42, 'text', true])('a 200 of JSON %j where an object is declared', (value) => {
  it("'throw': ResponseValidationError, for one object and for a list page", async () => {
    body = value;
    const gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
    await expect(gigs.plans.retrieve('pln_1')).rejects.toThrow(ResponseValidationError);
    await expect(gigs.plans.list()).rejects.toThrow(ResponseValidationError);
  });

  it("'off': one object comes as sent; a list call fails with an InvalidResponseError that says what came, never a TypeError", async () => {
    body = value;
    const gigs = gigsFor(server.url);
    await expect(gigs.plans.retrieve('pln_1')).resolves.toEqual(value);
    const calls: (() => Promise<unknown>)[] = [
      async () => gigs.plans.list(),
      async () => {
        for await (const _ of gigs.plans.list()) void _;
      },
    ];
    for (const call of calls) {
      const error = await Promise.resolve()
        .then(call)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toMatch(
        /^The server answered 200 for \/projects\/proj_1\/plans with JSON .* where the operation declares a list page: an object with an array in "items"/,
      );
    }
  });
});
