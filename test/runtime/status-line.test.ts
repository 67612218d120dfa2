/**
 * Answers that are not what RFC 9110 §15 and RFC 9112 allow, from a raw TCP server on 127.0.0.1
 * (node:http refuses to write them): a status outside 100-599 is no server error and is never
 * retried; a status line or framing fetch cannot parse is an invalid response, described as one,
 * never as the assertion or parser code of undici, and never retried.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRawServer, type RawServer } from '../helpers/raw-server.ts';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIConnectionError,
  APIError,
  InternalServerError,
  InvalidResponseError,
} from '../../templates/runtime/errors.ts';
import { isRetryableStatus } from '../../templates/runtime/internal/retry.ts';

let server: RawServer;
/** The bytes the server writes before it closes the connection. */
let answer: string;

beforeAll(async () => {
  server = await startRawServer((socket) => socket.end(answer));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const core = (): ClientCore =>
  new ClientCore({
    baseURL: server.url,
    token: 'sk_status_SECRET',
    maxRetries: 3,
    backoff: { initialDelay: 1, maxDelay: 2 },
  });

async function failure(): Promise<unknown> {
  return core()
    .request({ method: 'get', path: '/x' })
    .then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error,
    );
}

const status = (line: string, body = ''): string =>
  `HTTP/1.1 ${line}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

describe('statuses outside 100-599 (RFC 9110 §15)', () => {
  it.each(['600 Weird', '999 Nine'])(
    '%s: an APIError, not an InternalServerError, and not retried',
    async (line) => {
      answer = status(line, 'odd');
      const error = await failure();
      expect(error).toBeInstanceOf(APIError);
      expect(error).not.toBeInstanceOf(InternalServerError);
      expect((error as APIError).status).toBe(Number(line.slice(0, 3)));
      expect((error as Error).message).toContain('not an HTTP status');
      expect(server.requests).toBe(1);
    },
  );

  it('599 is still a server error, retried', async () => {
    answer = status('599 Last');
    const error = await failure();
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toBe(4);
  });

  it.each([
    [408, true],
    [499, false],
    [500, true],
    [599, true],
    [600, false],
    [999, false],
  ])('isRetryableStatus(%i) is %s', (code, retried) => {
    expect(isRetryableStatus(code)).toBe(retried);
  });
});

describe('answers fetch cannot parse: an InvalidResponseError that says so, not retried', () => {
  it.each([
    ['a status under 100', status('099 Low')],
    ['status 000', status('000 Zero')],
    ['a four-digit status', status('1000 Big')],
    ['no status line at all', 'hello there\r\n\r\n'],
    [
      'a 101 nobody asked for',
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: other\r\nConnection: upgrade\r\n\r\n',
    ],
    ['a Content-Length that is not a number', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n'],
    [
      'headers larger than fetch accepts',
      `HTTP/1.1 200 OK\r\n${Array.from({ length: 2000 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(40)}\r\n`).join('')}\r\n`,
    ],
    [
      'a broken chunk after the headers',
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ],
  ])('%s', async (_name, raw) => {
    answer = raw;
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    const { message } = error as Error;
    expect(message).toMatch(/^The server's answer to GET \/x is not valid HTTP/);
    expect(message).not.toMatch(/false == true|fetch failed/);
    expect(server.requests).toBe(1);
  });
});

describe('answers fetch reads but whose body cannot be decoded: a 2xx is an InvalidResponseError, not retried', () => {
  const encoded = (status: string, coding: string, type = 'application/json'): string =>
    `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Encoding: ${coding}\r\nContent-Length: 21\r\nConnection: close\r\n\r\ngarbagegarbagegarbage`;

  it.each([
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['br', 'br'],
  ])('a body that is not valid %s, under Content-Encoding: %s', async (coding, named) => {
    answer = encoded('200 OK', coding);
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    const { message } = error as Error;
    expect(message).toContain(`not valid ${named}`);
    expect(message).toContain(`Content-Encoding: ${coding}`);
    expect(message).not.toMatch(/Connection error|terminated/);
    expect((error as InvalidResponseError).status).toBe(200);
    expect(server.requests).toBe(1);
  });

  it('an error answer (503) whose body cannot be decoded keeps its class and its retries: the status came whole (helper-135 2)', async () => {
    answer = encoded('503 Service Unavailable', 'gzip');
    const error = await failure();
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect((error as Error).message).toMatch(
      /Its body was not read: it is not valid gzip \(Content-Encoding: gzip\): .*Gave up after 4 attempts\.$/,
    );
    expect(server.requests).toBe(4);
  });
});

describe('the words for a header fetch refuses', () => {
  it.each([
    [
      'a control character in a value',
      'HTTP/1.1 200 OK\r\nX-Trace: a\u0001b\r\nContent-Length: 0\r\n\r\n',
    ],
    ['a space in a name', 'HTTP/1.1 200 OK\r\nX(Trace): ab\r\nContent-Length: 0\r\n\r\n'],
  ])('%s: a character not allowed in its name or value (helper-135)', async (_name, raw) => {
    answer = raw;
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(
      'is not valid HTTP: a header has a character HTTP does not allow in its name or value (RFC 9110 §5.5)',
    );
  });
});

describe('the words for a Content-Length fetch refuses', () => {
  it.each([
    [
      'two that differ',
      'HTTP/1.1 200 OK\r\nContent-Length: 7\r\nContent-Length: 8\r\n\r\n{"a":1}',
      'it has two Content-Length headers that differ',
    ],
    [
      'one with Transfer-Encoding',
      'HTTP/1.1 200 OK\r\nContent-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n{"a":1}',
      'it has both Content-Length and Transfer-Encoding',
    ],
  ])('%s', async (_name, raw, words) => {
    answer = raw;
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      `The server's answer to GET /x is not valid HTTP: ${words} (HPE_UNEXPECTED_CONTENT_LENGTH). Not retried.`,
    );
    expect(server.requests).toBe(1);
  });
});

describe('an interim 100 Continue nobody asked for', () => {
  it('is an InvalidResponseError that names it, not a retried connection error', async () => {
    answer =
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}';
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /^The server's answer to GET \/x is not valid HTTP.*100 Continue/,
    );
    expect((error as Error).message).not.toContain('bad response');
    expect(server.requests).toBe(1);
  });
});
