/**
 * The typed path client classifies a fetch that fails as the resource client does
 * (internal/invalid-http.ts): no answer at all is an APIConnectionError, an answer that is not
 * valid HTTP (RFC 9112) an InvalidResponseError that says so; never undici's raw
 * `TypeError: fetch failed` or `terminated`. Served by a raw TCP server on 127.0.0.1, since
 * node:http refuses to write such answers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIUserAbortError,
  InvalidResponseError,
} from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';

interface paths {
  '/x': {
    get: { responses: { 200: { content: { 'application/json': { id: string } } } } };
    post: { responses: { 200: { content: { 'text/plain': string } } } };
  };
}

let server: Server;
let url: string;
let answer: string;

beforeAll(async () => {
  server = createServer((socket: Socket) => {
    socket.on('data', () => socket.end(answer));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TOKEN = 'sk_paths_fail_SECRET';
const paths = (baseURL = url, maxResponseSize?: number) =>
  createPathsClient<paths>(new ClientCore({ baseURL, token: TOKEN, maxResponseSize }), {
    operations: { 'post /x': { parseAs: 'text' } },
  });

const failure = async (call: () => Promise<unknown>): Promise<unknown> =>
  call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

const status = (line: string): string =>
  `HTTP/1.1 ${line}\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;

describe('path client: answers that are not valid HTTP', () => {
  it.each([
    ['a status under 100', status('099 X')],
    ['a four-digit status', status('1000 Big')],
    ['no status line at all', 'hello there\r\n\r\n'],
    ['a Content-Length that is not a number', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n'],
    [
      'a broken chunk after the headers (JSON read)',
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ],
  ])('%s: an InvalidResponseError in words', async (_name, raw) => {
    answer = raw;
    for (const call of [
      () => paths().GET('/x'),
      () => paths().POST('/x'),
      () => paths().request('get', '/x'),
    ]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(InvalidResponseError);
      const { message } = error as Error;
      expect(message).toMatch(/^The server's answer is not valid HTTP/);
      expect(message).not.toMatch(/false == true|fetch failed|terminated/);
    }
  });

  it('a broken chunk read as text keeps the status it came with', async () => {
    answer =
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n';
    const error = await failure(() => paths().POST('/x'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
  });
});

describe('path client: no answer', () => {
  it('a refused connection is an APIConnectionError without the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(() => paths(`http://127.0.0.1:${port}`).GET('/x'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/^Connection error/);
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it('a call the caller aborts is an APIUserAbortError', async () => {
    answer = status('200 OK');
    const controller = new AbortController();
    controller.abort();
    const error = await failure(() => paths().GET('/x', { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

const answer200 = (type: string, body: string): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

describe('path client: success bodies it cannot use, as the resource client reports them', () => {
  it('JSON that does not parse is an InvalidResponseError with the body, not a SyntaxError', async () => {
    answer = answer200('application/json', '<html>oops</html>');
    const error = await failure(() => paths().GET('/x'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as Error).message).toContain('where JSON was expected');
  });

  it.each([
    ['JSON', () => paths(url, 8).GET('/x')],
    ['text', () => paths(url, 8).POST('/x')],
  ])('a %s body past maxResponseSize is refused', async (_name, call) => {
    answer = answer200('application/json', JSON.stringify({ id: 'x'.repeat(64) }));
    const error = await failure(call);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('an empty JSON body is still undefined, and a caller-given parseAs still wins', async () => {
    answer = answer200('application/json', '');
    expect((await paths().GET('/x')).data).toBeUndefined();
    answer = answer200('application/json', '{"id":"a"}');
    expect((await paths().GET('/x', { parseAs: 'text' })).data).toBe('{"id":"a"}');
    expect((await paths().GET('/x')).data).toEqual({ id: 'a' });
  });
});
