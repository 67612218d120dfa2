/**
 * The typed path client classifies a fetch that fails as the resource client does
 * (internal/invalid-http.ts): no answer at all is an APIConnectionError, an answer that is not
 * valid HTTP (RFC 9112) an InvalidResponseError that says so; never undici's raw
 * `TypeError: fetch failed` or `terminated`. Served by a raw TCP server on 127.0.0.1, since
 * node:http refuses to write such answers.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawServer, type RawServer } from '../helpers/raw-server.ts';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  SDKError,
} from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';

interface paths {
  '/x': {
    get: { responses: { 200: { content: { 'application/json': { id: string } } } } };
    post: { responses: { 200: { content: { 'text/plain': string } } } };
  };
}

let server: RawServer;
/** The bytes the server writes before it closes the connection. */
let answer: string;

beforeAll(async () => {
  server = await startRawServer((socket) => socket.end(answer));
});
afterAll(() => server.close());

const TOKEN = 'sk_paths_fail_SECRET';
const paths = (baseURL = server.url, maxResponseSize?: number) =>
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
      expect(message).toMatch(/^The server's answer to (GET|POST) \/x is not valid HTTP/);
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

  it('a signal that is no AbortSignal is an SDKError naming the option, not a TypeError (helper-135 4)', async () => {
    answer = status('200 OK');
    const error = await failure(() =>
      paths().GET('/x', { signal: 'nope' as unknown as AbortSignal }),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      'signal must be an AbortSignal (an AbortController\'s `signal`, or AbortSignal.timeout(ms)), got the string "nope"; nothing was sent.',
    );
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
    ['JSON', () => paths(server.url, 8).GET('/x')],
    ['text', () => paths(server.url, 8).POST('/x')],
  ])('a %s body past maxResponseSize is refused', async (_name, call) => {
    answer = answer200('application/json', JSON.stringify({ id: 'x'.repeat(64) }));
    const error = await failure(call);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it.each(['json', 'text', 'blob', 'arrayBuffer'] as const)(
    "a body past maxResponseSize is refused when the call gives openapi-fetch's parseAs %j too",
    async (parseAs) => {
      answer = answer200('application/json', JSON.stringify({ id: 'x'.repeat(64) }));
      const error = await failure(() => paths(server.url, 8).GET('/x', { parseAs }));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain('larger than maxResponseSize (8 bytes)');
    },
  );

  it("a call's own parseAs reads the body as it asks: ArrayBuffer, Blob, text, JSON", async () => {
    answer = answer200('application/json', '{"id":"a"}');
    const bytes = (await paths().GET('/x', { parseAs: 'arrayBuffer' })).data;
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(bytes as ArrayBuffer)).toBe('{"id":"a"}');
    const blob = (await paths().GET('/x', { parseAs: 'blob' })).data;
    expect(await (blob as Blob).text()).toBe('{"id":"a"}');
    expect((await paths().GET('/x', { parseAs: 'json' })).data).toEqual({ id: 'a' });
    const unknown = await failure(() =>
      paths().GET('/x', { parseAs: 'yaml' } as unknown as { parseAs: 'json' }),
    );
    expect(unknown).toBeInstanceOf(SDKError);
    expect((unknown as Error).message).toBe(
      'parseAs must be one of "json", "text", "blob", "arrayBuffer", "stream"; got "yaml".',
    );
  });

  it('an empty JSON body is still undefined, and a caller-given parseAs still wins', async () => {
    answer = answer200('application/json', '');
    expect((await paths().GET('/x')).data).toBeUndefined();
    answer = answer200('application/json', '{"id":"a"}');
    expect((await paths().GET('/x', { parseAs: 'text' })).data).toBe('{"id":"a"}');
    expect((await paths().GET('/x')).data).toEqual({ id: 'a' });
  });
});

describe("path client: the client's limits hold for it too", () => {
  it('an error body past maxResponseSize is cut there, not read whole: the error is its start', async () => {
    const body = JSON.stringify({ message: 'x'.repeat(64) });
    answer = `HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    const { error, response } = await paths(server.url, 8).GET('/x');
    expect(response.status).toBe(500);
    expect(error).toBe('{"messag…');
  });

  it('JSON of more arrays and objects than maxResponseSize allows (one per 16 bytes) is not parsed, success or error', async () => {
    const body = `[${'{},'.repeat(16)}{}]`;
    for (const line of ['200 OK', '500 Internal Server Error']) {
      answer = `HTTP/1.1 ${line}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      const error = await failure(() => paths(server.url, 256).GET('/x'));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain('with JSON of more than 16 arrays and objects');
      const { data, error: body16 } = await paths(server.url, 512).GET('/x');
      expect(data ?? body16).toHaveLength(17);
    }
  });

  it.each([
    [
      'JSON that echoes it, in a value and a key',
      'application/json',
      (t: string) => JSON.stringify({ message: `bad token ${t}`, [t]: 'x' }),
    ],
    [
      'JSON that writes it with escapes',
      'application/json',
      (t: string) => `{"message":"${t.replace(/_/g, '\\u005f')}"}`,
    ],
    ['text that echoes it', 'text/plain', (t: string) => `Authorization: Bearer ${t} refused`],
  ])(
    "an error body %s: the token redacted from the call's error, as from an APIError",
    async (_name, type, write) => {
      const body = write(TOKEN);
      answer = `HTTP/1.1 401 Unauthorized\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
      const result = await paths().GET('/x');
      expect(result.response.status).toBe(401);
      expect(JSON.stringify(result.error)).not.toContain('SECRET');
      expect(JSON.stringify(result.error)).toContain('[redacted]');
    },
  );

  it('an error body under the limit is still the parsed error', async () => {
    const body = JSON.stringify({ message: 'busy' });
    answer = `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    const result = await paths().GET('/x');
    expect(result.error).toEqual({ message: 'busy' });
    expect(result.response.status).toBe(503);
  });

  it.each([
    ['no answer at all', (socket: Socket) => void socket],
    [
      'headers, then a body that never ends',
      (socket: Socket) =>
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":',
        ),
    ],
    [
      'an error status, then a body that never ends',
      (socket: Socket) =>
        socket.write(
          'HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
        ),
    ],
  ])(
    "%s: APIConnectionTimeoutError after the client's timeout, and the connection is closed",
    async (_name, hang) => {
      let closed!: () => void;
      const gone = new Promise<void>((resolve) => (closed = resolve));
      const silent = createServer((socket: Socket) => {
        socket.on('data', () => hang(socket));
        socket.on('close', () => closed());
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const port = (silent.address() as AddressInfo).port;
        const client = createPathsClient<paths>(
          new ClientCore({ baseURL: `http://127.0.0.1:${port}`, token: TOKEN, timeout: 100 }),
        );
        const started = Date.now();
        const error = await failure(() => client.GET('/x'));
        expect(error).toBeInstanceOf(APIConnectionTimeoutError);
        expect(Date.now() - started).toBeLessThan(5_000);
        await gone;
      } finally {
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    },
  );
});

describe('path client: a stream body returned unread', () => {
  it("outlives the call's timeout, and the caller's signal still cancels it", async () => {
    const sockets = new Set<Socket>();
    const slow = createServer((socket: Socket) => {
      sockets.add(socket);
      socket.on('data', () => {
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        const timer = setInterval(() => socket.write('1\r\nx\r\n'), 20);
        socket.on('close', () => clearInterval(timer));
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const port = (slow.address() as AddressInfo).port;
      const client = createPathsClient<paths>(
        new ClientCore({ baseURL: `http://127.0.0.1:${port}`, timeout: 50 }),
      );
      const controller = new AbortController();
      const { data } = await client.GET('/x', { parseAs: 'stream', signal: controller.signal });
      const reader = (data as unknown as ReadableStream<Uint8Array>).getReader();
      let bytes = 0;
      const started = Date.now();
      while (Date.now() - started < 200) bytes += (await reader.read()).value?.length ?? 0;
      expect(bytes).toBeGreaterThan(3);
      controller.abort();
      await expect(reader.read()).rejects.toThrow();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
