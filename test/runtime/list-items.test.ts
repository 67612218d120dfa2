/**
 * helper-117 F9: a list sent as a query, header or cookie parameter, a form field or multipart
 * parts with a `null` or `undefined` item is refused before anything is sent (internal/finite.ts
 * `assertListItems`). OpenAPI's styles have no text for a missing item, and leaving it out moved
 * every item after it (`['a', null, 'b']` went as `a,b`). JSON keeps its `null`s.
 */
import { describe, expect, it } from 'vitest';
import { ClientCore, type APIRequest } from '../../templates/runtime/core.ts';
import { formBody, multipartBody } from '../../templates/runtime/internal/body.ts';
import { headerParams } from '../../templates/runtime/internal/headers.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { refusalsOn } from './refusals.ts';
import { json, serverForTests } from './server.ts';

const server = serverForTests(() => json(200, { ok: true }));

const refused = refusalsOn(server);

const call = (request: () => APIRequest) => (core: ClientCore) => core.request(request);

describe('a list with a missing item', () => {
  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    [
      'a query parameter (form, exploded)',
      call(() => ({ method: 'get', path: '/x', query: { tag: ['a', null, 'b'] } })),
      /^Query parameter "tag" has null as item 1, which a list here cannot carry: .*nothing was sent\. Remove the item from the list, or pass a value in its place\.$/,
    ],
    [
      'a query parameter (pipeDelimited)',
      call(() => ({
        method: 'get',
        path: '/x',
        query: { tag: ['a', undefined] },
        queryStyles: { tag: { style: 'pipeDelimited', explode: false } },
      })),
      /^Query parameter "tag" has undefined as item 1/,
    ],
    [
      'a list inside a deepObject query parameter',
      call(() => ({
        method: 'get',
        path: '/x',
        query: { filter: { ids: [null, 1] } },
        queryStyles: { filter: { style: 'deepObject' } },
      })),
      /^Query parameter "filter\[ids\]" has null as item 0/,
    ],
    // helper-121 V7: an item that writes nothing vanished, and the items after it moved.
    ...[{}, [], { a: null }].map(
      (item): [string, (core: ClientCore) => Promise<unknown>, RegExp] => [
        `a deepObject list holding ${JSON.stringify(item)}`,
        call(() => ({
          method: 'get',
          path: '/x',
          query: { filter: { ids: [{ a: 1 }, item, { a: 2 }] } },
          queryStyles: { filter: { style: 'deepObject' } },
        })),
        /^Query parameter "filter\[ids\]" has an item with nothing set \(item 1: /,
      ],
    ),
    [
      'a header parameter',
      call(() => ({ method: 'get', path: '/x', headers: headerParams({ 'X-Ids': [1, null] }) })),
      /^Header parameter "X-Ids" has null as item 1/,
    ],
    [
      'a form field',
      call(() => ({
        method: 'post',
        path: '/x',
        body: { tags: ['a', null] },
        contentType: 'application/x-www-form-urlencoded',
        encode: formBody,
      })),
      /^The form body's field "tags" has null as item 1/,
    ],
    [
      'multipart parts',
      call(() => ({
        method: 'post',
        path: '/x',
        body: { files: [new Blob(['a']), null] },
        contentType: 'multipart/form-data',
        encode: multipartBody,
      })),
      /^The multipart part "files" has null as item 1/,
    ],
  ])('in %s: an SDKError naming the list and the item, nothing sent', async (_n, send, message) => {
    expect(await refused(send)).toMatch(message);
  });

  it('a cookie parameter of the typed path client', async () => {
    interface paths {
      '/x': {
        get: {
          parameters: { cookie: { ids: (string | null)[] } };
          responses: { 200: { content: { 'application/json': unknown } } };
        };
      };
    }
    const message = await refused((core) =>
      createPathsClient<paths>(core).GET('/x', { params: { cookie: { ids: ['a', null] } } }),
    );
    expect(message).toMatch(/^Cookie parameter "ids" has null as item 1/);
  });

  // helper-121 V5, V12: an object's unset members went as text, an object in a list as
  // `[object Object]`, and a name with `; ` set a second cookie.
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'an object in a list',
      { ids: ['a', { b: 1 }] },
      /^Cookie parameter "ids" holds an object inside its list \(item 1\)/,
    ],
    [
      'a list in an object',
      { f: { a: ['x'] } },
      /^Cookie parameter "f" holds a list inside its object/,
    ],
    [
      'a name that is no token',
      { 'a=b; admin': 'x' },
      /^Cookie parameter "a=b; admin" is not a cookie name/,
    ],
  ])(
    'a cookie parameter of the typed path client with %s: refused',
    async (_name, cookie, message) => {
      interface paths {
        '/x': {
          get: {
            parameters: { cookie: Record<string, unknown> };
            responses: { 200: { content: { 'application/json': unknown } } };
          };
        };
      }
      expect(
        await refused((core) => createPathsClient<paths>(core).GET('/x', { params: { cookie } })),
      ).toMatch(message);
    },
  );

  it("an object cookie's unset members are left out, as the form style leaves them", async () => {
    interface paths {
      '/x': {
        get: {
          parameters: { cookie: { c: Record<string, string | null | undefined> } };
          responses: { 200: { content: { 'application/json': unknown } } };
        };
      };
    }
    const core = new ClientCore({ baseURL: server.url, token: 't' });
    await createPathsClient<paths>(core).GET('/x', {
      params: { cookie: { c: { a: 'x', b: undefined, d: null } } },
    });
    expect(server.requests.map((r) => r.headers['cookie'])).toEqual(['c=a,x']);
  });

  it('JSON keeps null items, a query leaves out a null parameter, and an object its null members', async () => {
    const core = new ClientCore({ baseURL: server.url, token: 't' });
    await core.request({
      method: 'post',
      path: '/x',
      query: { gone: null, color: { R: 1, G: null } },
      queryStyles: { color: { style: 'form', explode: false } },
      body: { tags: ['a', null] },
    });
    expect(server.requests.map((r) => [r.url, r.body])).toEqual([
      ['/x?color=R,1', '{"tags":["a",null]}'],
    ]);
  });
});
