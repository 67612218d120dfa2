/**
 * A function, a symbol, or an object where a header takes one value has no text on the wire: a
 * query or header sent `String()` of it (a function's source code, `Symbol(x)`, `[object
 * Object]`), and JSON left a function or a symbol out of a body without a word (or wrote `null` in
 * a list). Each is refused before anything is sent, with an SDKError naming the parameter, or the
 * place in the body as a JSON pointer (helper-154 2).
 */
import { describe, expect, it } from 'vitest';
import { ClientCore, type APIRequest } from '../../templates/runtime/core.ts';
import type { RequestOptions } from '../../templates/runtime/request-options.ts';
import { refusalsOn } from './refusals.ts';
import { json, serverForTests } from './server.ts';

const server = serverForTests(() => json(200, { ok: true }));
const refused = refusalsOn(server);

const call = (request: () => APIRequest, options?: RequestOptions) => (core: ClientCore) =>
  core.request(request, options);

const secretFunction = () => 'the source of this function';

describe('values without text, refused before sending', () => {
  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    [
      'a function as a query parameter',
      call(() => ({ method: 'get', path: '/plans', query: { status: secretFunction } })),
      /^Query parameter "status" is a function, which no request can carry.*nothing was sent\. Pass the value it stands for/,
    ],
    [
      'a symbol as a query parameter',
      call(() => ({ method: 'get', path: '/plans', query: { status: Symbol('active') } })),
      /^Query parameter "status" is a symbol, which no request can carry/,
    ],
    [
      'a symbol in a query list',
      call(() => ({ method: 'get', path: '/plans', query: { status: ['a', Symbol('b')] } })),
      /^Query parameter "status" holds a symbol at \/1, which no request can carry/,
    ],
    [
      'a function in a JSON body',
      call(() => ({ method: 'post', path: '/plans', body: { name: 'x', price: secretFunction } })),
      /^The request body holds a function at \/price, which no request can carry: JSON leaves it out/,
    ],
    [
      'a symbol in a JSON list',
      call(() => ({ method: 'post', path: '/plans', body: { tags: [Symbol('t')] } })),
      /^The request body holds a symbol at \/tags\/0/,
    ],
    [
      'a function as a per-call header',
      call(() => ({ method: 'get', path: '/plans' }), {
        headers: { 'x-trace': secretFunction as unknown as string },
      }),
      /^The "x-trace" header is a function, which no request can carry/,
    ],
    [
      'an object as a per-call header',
      call(() => ({ method: 'get', path: '/plans' }), {
        headers: { 'x-trace': { id: 1 } as unknown as string },
      }),
      /^The "x-trace" header is an object, not text: a header value is a string, a number or a boolean; nothing was sent\./,
    ],
  ])('%s', async (_name, send, message) => {
    expect(await refused(send)).toMatch(message);
  });

  it('an object as a default header fails at construction', () => {
    expect(
      () =>
        new ClientCore({
          baseURL: server.url,
          token: 't',
          defaultHeaders: { 'x-app': ['a'] as unknown as string },
        }),
    ).toThrow(/^The "x-app" header is an array, not text/);
  });

  it('a function on a class instance (its prototype) is no member: the body is sent', async () => {
    class Plan {
      name = 'x';
      describe(): string {
        return this.name;
      }
    }
    const core = new ClientCore({ baseURL: server.url, token: 't', maxRetries: 0 });
    await core.request({ method: 'post', path: '/plans', body: new Plan() });
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"x"}']);
  });
});
