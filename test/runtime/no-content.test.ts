/**
 * Answers without a body, against a real server: 204 and 205, an empty 200 (sent with
 * `Content-Length: 0` or chunked) where JSON is declared, and a 304 Not Modified to a conditional
 * request. The resource client resolves them to `undefined` only where the operation declares a
 * 2xx without content (`mayBeEmpty`), fails with an InvalidResponseError otherwise, and makes a
 * 304 an APIError that says what it means; the typed path client follows openapi-fetch, with
 * `data` or `error` undefined whatever the framing of the empty body.
 */
import { describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIError, InvalidResponseError } from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { serverForTests, type Reply } from './server.ts';

let reply: Reply = { status: 204 };
const server = serverForTests(() => reply);

const JSON_TYPE = { 'content-type': 'application/json' };
const EMPTY: [string, Reply][] = [
  ['a 204', { status: 204 }],
  ['a 205', { status: 205 }],
  ['an empty 200 with Content-Length: 0', { status: 200, headers: JSON_TYPE, body: '' }],
  [
    'an empty chunked 200',
    { status: 200, headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' }, body: '' },
  ],
];

const core = () => new ClientCore({ baseURL: server.url, token: 't', maxRetries: 3 });

describe('the resource client', () => {
  it.each(EMPTY)(
    '%s where the operation declares a 2xx without content: undefined',
    async (_name, answer) => {
      reply = answer;
      await expect(
        core().request({ method: 'get', path: '/p', mayBeEmpty: true }),
      ).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(1);
    },
  );

  it.each(EMPTY)(
    '%s where the operation declares only a JSON body: InvalidResponseError, not retried',
    async (_name, answer) => {
      reply = answer;
      const error = await core()
        .request({ method: 'get', path: '/p' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).status).toBe(answer.status);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^The server answered ${answer.status} (without a body|with an empty body) where the operation declares one\\.$`,
        ),
      );
      expect(server.requests).toHaveLength(1);
    },
  );

  it('a 304 to a conditional request: an APIError saying the held copy is current, not retried', async () => {
    reply = { status: 304, headers: { etag: '"v1"' } };
    const error = await core()
      .request(
        { method: 'get', path: '/p', mayBeEmpty: true },
        { headers: { 'If-None-Match': '"v1"' } },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as APIError;
    expect([apiError.status, apiError.body, apiError.headers['etag']]).toEqual([
      304,
      undefined,
      '"v1"',
    ]);
    expect(apiError.message).toBe(
      '304 Not Modified (GET /p): the resource has not changed since the version the request named (If-None-Match or If-Modified-Since); the copy you hold is current, and a 304 has no body',
    );
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual(['"v1"']);
  });
});

interface paths {
  '/p': {
    get: {
      responses: {
        200: { content: { 'application/json': { id: string } } };
        304: { content?: never };
      };
    };
  };
}

describe('the typed path client', () => {
  it.each(EMPTY)('%s: data undefined, no error', async (_name, answer) => {
    reply = answer;
    const result = await createPathsClient<paths>(core()).GET('/p');
    expect([result.response.status, result.data, result.error]).toEqual([
      answer.status,
      undefined,
      undefined,
    ]);
  });

  it.each<[string, Reply]>([
    ['a 304', { status: 304 }],
    [
      'an empty chunked 404',
      { status: 404, headers: { 'transfer-encoding': 'chunked' }, body: '' },
    ],
    ['an empty 404 with Content-Length: 0', { status: 404, body: '' }],
  ])(
    '%s: error undefined (not "" for one framing and undefined for another)',
    async (_name, answer) => {
      reply = answer;
      const result = await createPathsClient<paths>(core()).GET('/p', {
        headers: { 'If-None-Match': '"v1"' },
      });
      expect([
        result.response.status,
        result.data,
        'error' in result ? result.error : 'none',
      ]).toEqual([answer.status, undefined, undefined]);
    },
  );
});
