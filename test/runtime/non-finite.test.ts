/**
 * NaN, Infinity and -Infinity are refused before a request is sent (internal/finite.ts): JSON has
 * no such numbers (RFC 8259 §6), `JSON.stringify` writes them as `null`, and in a path, query or
 * header they went as the text "NaN". Each refusal is an SDKError naming the parameter, or the
 * place in the body as a JSON pointer, and no request reaches the server (nor a retry).
 */
import { describe, expect, it } from 'vitest';
import { ClientCore, type APIRequest } from '../../templates/runtime/core.ts';
import { formBody } from '../../templates/runtime/internal/body.ts';
import { headerParams } from '../../templates/runtime/internal/headers.ts';
import { jsonText, namedPath, pathStyle } from '../../templates/runtime/internal/path.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import type { RequestOptions } from '../../templates/runtime/request-options.ts';
import { refusalsOn } from './refusals.ts';
import { json, serverForTests } from './server.ts';

const server = serverForTests(() => json(200, { ok: true }));

/** The SDKError a call fails with; the server must have seen nothing. */
const refused = refusalsOn(server);

const call = (request: () => APIRequest, options?: RequestOptions) => (core: ClientCore) =>
  core.request(request, options);

describe('numbers that are not finite, in the resource client', () => {
  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    [
      'a path parameter',
      call(() => ({ method: 'get', path: namedPath('plan')`/plans/${NaN}` })),
      /^Path parameter \{plan\} of \/plans\/\{plan\} is NaN, which no request can carry: JSON has no NaN or Infinity \(RFC 8259 §6\)/,
    ],
    [
      'an item of a matrix path parameter',
      call(() => ({
        method: 'get',
        path: namedPath('ids')`/items/${pathStyle([1, Infinity], 'matrix', true, 'ids')}`,
      })),
      /^Path parameter \{ids\} of \/items\/\{ids\} is Infinity/,
    ],
    [
      'a JSON path parameter',
      call(() => ({ method: 'get', path: namedPath('at')`/at/${jsonText({ lat: -Infinity })}` })),
      /^Path parameter \{at\} of \/at\/\{at\} holds -Infinity at \/lat/,
    ],
    [
      'a query parameter',
      call(() => ({ method: 'get', path: '/plans', query: { limit: NaN } })),
      /^Query parameter "limit" is NaN, .* Pass a finite number, or leave it out\.$/,
    ],
    [
      'a deepObject query parameter',
      call(() => ({
        method: 'get',
        path: '/plans',
        query: { filter: { price: { min: Infinity } } },
        queryStyles: { filter: { style: 'deepObject' } },
      })),
      /^Query parameter "filter" holds Infinity at \/price\/min/,
    ],
    [
      'a header parameter',
      call(() => ({ method: 'get', path: '/x', headers: headerParams({ 'X-Limit': -Infinity }) })),
      /^Header parameter "X-Limit" is -Infinity/,
    ],
    [
      "a call's own header",
      call(() => ({ method: 'get', path: '/x' }), { headers: { 'X-Count': NaN } }),
      /^The "x-count" header is NaN/,
    ],
    [
      'a JSON body',
      call(() => ({ method: 'post', path: '/x', body: { items: [{ price: 1 }, { price: NaN }] } })),
      /^The request body holds NaN at \/items\/1\/price, which no request can carry: JSON has no NaN or Infinity \(RFC 8259 §6\).* nothing was sent\. Pass a finite number\.$/,
    ],
    [
      'a JSON body that is the number itself',
      call(() => ({ method: 'post', path: '/x', body: Infinity })),
      /^The request body is Infinity/,
    ],
    [
      'a key with / and ~ in its pointer',
      call(() => ({ method: 'post', path: '/x', body: { 'a/b~c': NaN } })),
      /^The request body holds NaN at \/a~1b~0c/,
    ],
    [
      'a form body',
      call(() => ({
        method: 'post',
        path: '/x',
        body: { amount: NaN },
        contentType: 'application/x-www-form-urlencoded',
        encode: formBody,
      })),
      /^The request body holds NaN at \/amount/,
    ],
  ])('in %s: an SDKError naming it, nothing sent', async (_name, send, message) => {
    expect(await refused(send)).toMatch(message);
  });

  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    [
      'an invalid Date in the body',
      call(() => ({ method: 'post', path: '/x', body: { at: new Date(Number.NaN) } })),
      /^The request body holds an invalid Date at \/at, which no request can carry: it has no date-time, and JSON would send it as null; nothing was sent\. Pass a valid Date in the years 0000 to 9999\.$/,
    ],
    [
      'a Date in the year 10000 in the body',
      call(() => ({ method: 'post', path: '/x', body: [new Date(Date.UTC(10000, 0, 1))] })),
      /^The request body holds a Date in the year 10000 at \/0, /,
    ],
    [
      'a Date query parameter before the year 0',
      call(() => ({ method: 'get', path: '/x', query: { since: new Date(-62198755200001) } })),
      /^Query parameter "since" is a Date in the year -2, which no request can carry: an RFC 3339 date-time has a year of 4 digits \(§5\.6\); nothing was sent\. Pass a valid Date in the years 0000 to 9999, or leave it out\.$/,
    ],
    [
      'an invalid Date in a form body',
      call(() => ({
        method: 'post',
        path: '/x',
        body: { at: new Date('soon') },
        contentType: 'application/x-www-form-urlencoded',
        encode: formBody,
      })),
      /^The request body holds an invalid Date at \/at/,
    ],
    [
      'a Date in a JSON path parameter',
      call(() => ({
        method: 'get',
        path: namedPath('at')`/at/${jsonText({ at: new Date(Date.UTC(10000, 0, 1)) })}`,
      })),
      /^Path parameter \{at\} of \/at\/\{at\} holds a Date in the year 10000 at \/at/,
    ],
  ])(
    '%s, which has no RFC 3339 date-time: an SDKError naming it, nothing sent',
    async (_name, send, message) => {
      expect(await refused(send)).toMatch(message);
    },
  );

  it('finite numbers, and NaN inside a Blob or typed array, are sent', async () => {
    const core = new ClientCore({ baseURL: server.url, token: 't' });
    await core.request({ method: 'post', path: '/x', query: { n: 0 }, body: { a: -0, b: 1e308 } });
    await core.request({
      method: 'post',
      path: '/raw',
      body: new Float64Array([NaN]),
      contentType: 'application/octet-stream',
      encode: (body) => ({ body: body as BodyInit, contentType: 'application/octet-stream' }),
    });
    expect(server.requests.map((r) => [r.url, r.body.length > 0])).toEqual([
      ['/x?n=0', true],
      ['/raw', true],
    ]);
  });
});

interface paths {
  '/plans/{plan}': {
    post: {
      parameters: { query?: { limit?: number }; path: { plan: number } };
      requestBody: { content: { 'application/json': { price: number } } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  };
}

describe('numbers that are not finite, in the typed path client', () => {
  const send = (plan: number, limit: number, price: number) => (core: ClientCore) =>
    createPathsClient<paths>(core).POST('/plans/{plan}', {
      params: { path: { plan }, query: { limit } },
      body: { price },
    });

  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    ['a path parameter', send(NaN, 1, 1), /^Path parameter \{plan\} of \/plans\/\{plan\} is NaN/],
    ['a query parameter', send(1, Infinity, 1), /^Query parameter "limit" is Infinity/],
    ['the body', send(1, 1, -Infinity), /^The request body holds -Infinity at \/price/],
  ])('in %s: an SDKError naming it, nothing sent', async (_name, sendIt, message) => {
    expect(await refused(sendIt)).toMatch(message);
  });
});

describe('bodies JSON cannot encode, in the resource client', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'a body that contains itself',
      () => {
        const plan: Record<string, unknown> = { name: 'x' };
        plan['self'] = plan;
        return plan;
      },
      /^The request body cannot be encoded as application\/json: .*circular/i,
    ],
    [
      'a BigInt',
      () => ({ amount: 10n }),
      /^The request body cannot be encoded as application\/json: .*BigInt/,
    ],
  ])('%s: an SDKError before anything is sent', async (_what, body, message) => {
    expect(await refused(call(() => ({ method: 'post', path: '/plans', body: body() })))).toMatch(
      message,
    );
  });
});

describe('parameters JSON cannot encode (a cycle, a BigInt), in the resource client', () => {
  // helper-107: a cyclic deepObject overflowed the stack (RangeError); JSON parameters threw
  // JSON.stringify's own TypeError.
  const cyclic = (): Record<string, unknown> => {
    const value: Record<string, unknown> = { status: 'a' };
    value['self'] = value;
    return value;
  };
  it.each<[string, (core: ClientCore) => Promise<unknown>, RegExp]>([
    [
      'a deepObject query parameter that contains itself',
      call(() => ({
        method: 'get',
        path: '/plans',
        query: { filter: cyclic() },
        queryStyles: { filter: { style: 'deepObject' } },
      })),
      /^Query parameter "filter" cannot be encoded: it contains itself \(a cycle\)/,
    ],
    [
      'a JSON query parameter that contains itself',
      call(() => ({
        method: 'get',
        path: '/plans',
        query: { filter: cyclic() },
        queryStyles: { filter: { json: true } },
      })),
      /^Query parameter "filter" cannot be encoded as JSON: it contains itself \(a cycle\)\. Pass a plain JSON value \(no cycles, no BigInt\); nothing was sent\.$/,
    ],
    [
      'a JSON header parameter with a BigInt',
      call(() => ({
        method: 'get',
        path: '/x',
        headers: headerParams({ 'X-Filter': { max: 10n } }, [], ['X-Filter']),
      })),
      /^Header parameter "X-Filter" cannot be encoded as JSON: it holds a BigInt/,
    ],
    [
      'a JSON path parameter that contains itself',
      call(() => ({ method: 'get', path: namedPath('at')`/at/${jsonText(cyclic())}` })),
      /^Path parameter \{at\} of \/at\/\{at\} cannot be encoded as JSON: it contains itself \(a cycle\); nothing was sent/,
    ],
  ])('%s: an SDKError naming it, before anything is sent', async (_what, send, message) => {
    expect(await refused(send)).toMatch(message);
  });
});

// helper-116 1: a spec's `format: binary` inside a JSON body is typed Blob; JSON.stringify wrote
// the Blob as `{}` and the request went out without the file.
describe('values JSON writes as {}, in a JSON request body', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'a Blob in a property',
      { name: 'n', file: new Blob(['hello']) },
      /^The request body holds at \/file a Blob, which JSON cannot carry \(JSON\.stringify writes it as \{\}\); nothing was sent\. Send text in its place/,
    ],
    [
      'bytes in an array',
      { parts: ['a', new Uint8Array([1, 2])] },
      /holds at \/parts\/1 bytes \(Uint8Array\)/,
    ],
    ['a Map', { tags: new Map([['a', 1]]) }, /holds at \/tags a Map/],
    ['a Set as the body', new Set([1]), /^The request body is a Set, which JSON cannot carry/],
  ])('%s is refused: an SDKError naming the place, nothing sent', async (_name, body, message) => {
    expect(await refused(call(() => ({ method: 'post', path: '/upload', body })))).toMatch(message);
  });

  it('a Blob in a multipart body is still sent', async () => {
    const core = new ClientCore({ baseURL: server.url, token: 't' });
    await core.request({
      method: 'post',
      path: '/upload',
      body: { file: new Blob(['hello']) },
      contentType: 'multipart/form-data',
      encode: (value) => {
        const form = new FormData();
        for (const [key, part] of Object.entries(value as Record<string, Blob>))
          form.set(key, part);
        return { body: form };
      },
    });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
  });
});
