/**
 * Bodies that stop early or come in a coding fetch does not decode, from a raw TCP server on
 * 127.0.0.1 (node:http would not write them): never data that resolves as if whole, never a JSON
 * parse error about bytes still compressed. A body the connection closed in the middle of is a
 * connection error, as a reset is, that says so, retried where the method allows (a restart, a
 * proxy's timeout: helper-111); a coding that does not decode is an InvalidResponseError that names
 * the operation, what the server did and what to do, not retried (the server answers the same way
 * again).
 */
import type { Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRawServer, type RawServer } from '../helpers/raw-server.ts';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIConnectionError, InvalidResponseError } from '../../templates/runtime/errors.ts';
import { readText } from '../../templates/runtime/internal/read.ts';
import { readEventStream, type EventStream } from '../../templates/runtime/streaming.ts';

let server: RawServer;

beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const core = (): ClientCore =>
  new ClientCore({ baseURL: server.url, maxRetries: 2, backoff: { initialDelay: 1, maxDelay: 2 } });

async function failure(read?: typeof readText): Promise<Error> {
  return core()
    .request({ method: 'get', path: '/plans', ...(read === undefined ? {} : { read }) })
    .then(
      (data: unknown) => {
        throw new Error(`expected the call to fail, got ${JSON.stringify(data).slice(0, 80)}`);
      },
      (error: unknown) => error as Error,
    );
}

const JSON_BODY = Buffer.from(
  JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ id: `pln_${i}` })) }),
);
const CODINGS = {
  gzip: gzipSync(JSON_BODY),
  deflate: deflateSync(JSON_BODY),
  br: brotliCompressSync(JSON_BODY),
  identity: JSON_BODY,
};
const half = (bytes: Buffer): Buffer => bytes.subarray(0, bytes.length >> 1);
const head = (lines: string): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n${lines}\r\n`;

describe('a body the server stops sending before the end its framing announced', () => {
  it.each(Object.entries(CODINGS))(
    '%s, fewer bytes than Content-Length, then the connection closed: APIConnectionError that says so, retried',
    async (coding, bytes) => {
      server.answer = (socket) => {
        socket.write(
          head(
            `${coding === 'identity' ? '' : `Content-Encoding: ${coding}\r\n`}Content-Length: ${bytes.length}\r\n`,
          ),
        );
        socket.end(half(bytes));
      };
      for (const read of [undefined, readText]) {
        server.reset();
        const error = await failure(read);
        expect(error).toBeInstanceOf(APIConnectionError);
        expect(error.message).toBe(
          `The server closed the connection in the middle of its 200 answer to GET /plans: the body stopped before the end its Content-Length (${bytes.length} bytes) announced, ` +
            'so it is incomplete and was not used. The server (or a proxy in between) cut it short. Gave up after 3 attempts.',
        );
        expect(server.requests).toBe(3);
      }
    },
  );

  it('a chunked body closed without its last chunk: the same, naming the chunked framing', async () => {
    const part = half(CODINGS.gzip);
    server.answer = (socket) => {
      socket.write(head('Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n'));
      socket.write(`${part.length.toString(16)}\r\n`);
      socket.write(part);
      socket.end('\r\n');
    };
    const error = await failure(readText);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('before the end its chunked framing announced');
    expect(server.requests).toBe(3);
  });

  it('cut short once, then answered whole: the retry resolves; a POST without a key is not retried', async () => {
    server.answer = (socket) => {
      const bytes = CODINGS.identity;
      socket.write(head(`Content-Length: ${bytes.length}\r\n`));
      if (server.requests === 1) socket.end(half(bytes));
      else socket.end(bytes);
    };
    await expect(core().request({ method: 'get', path: '/plans' })).resolves.toMatchObject({
      items: expect.any(Array) as unknown,
    });
    expect(server.requests).toBe(2);
    server.reset();
    server.answer = (socket) => {
      socket.write(head(`Content-Length: ${CODINGS.identity.length}\r\n`));
      socket.end(half(CODINGS.identity));
    };
    const post = await core()
      .request({ method: 'post', path: '/plans', body: {} })
      .catch((e: unknown) => e as Error);
    expect(post).toBeInstanceOf(APIConnectionError);
    expect((post as Error).message).toMatch(/cut it short\.$/);
    expect(server.requests).toBe(1);
  });

  it('an event stream cut short: the events before it, then APIConnectionError (reconnect)', async () => {
    server.answer = (socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      socket.write('d\r\ndata: first\n\n\r\n');
      // A chunk of 14 bytes announced, 9 sent, then the connection closed.
      setTimeout(() => socket.end('e\r\ndata: sec'), 20);
    };
    const events = await core().request<EventStream>({
      method: 'get',
      path: '/events',
      read: readEventStream,
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of events) seen.push(event.data);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['first']);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(
      /^The server closed the connection in the middle of its 200 answer to GET \/events/,
    );
  });
});

describe('a compressed stream that stops early inside complete framing', () => {
  // fetch decodes it without an error (a sync flush, as curl and browsers): JSON cannot parse,
  // and the message says why it may not.
  it.each([
    ['Content-Length of the bytes sent', (part: Buffer) => `Content-Length: ${part.length}\r\n`],
    ['the connection closing the body', () => 'Connection: close\r\n'],
  ])(
    'gzip, framed by %s: InvalidResponseError that says it may be cut short',
    async (_n, frame) => {
      const part = half(CODINGS.gzip);
      server.answer = (socket) => {
        socket.write(head(`Content-Encoding: gzip\r\n${frame(part)}`));
        socket.end(part);
      };
      const error = await failure();
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toContain(
        'with invalid JSON where JSON was expected (it came compressed, Content-Encoding: gzip; a compressed body the server cut short decodes without an error, so it may be incomplete)',
      );
      expect(server.requests).toBe(1);
    },
  );
});

describe('a Content-Encoding fetch does not decode', () => {
  // A zstd frame starts with 28 B5 2F FD (RFC 8878 §3.1.1); Node 20's fetch does not decode zstd.
  const ZSTD = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x0b, 0x59, 0x00, 0x00, 0x7b, 0x7d]);
  const encoded = (coding: string, body: Buffer, status = '200 OK'): ((s: Socket) => void) => {
    return (socket) => {
      socket.write(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Encoding: ${coding}\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      socket.end(body);
    };
  };

  it.each([
    ['zstd', ZSTD, 'zstd'],
    ['compress', Buffer.from('\x1f\x9d\x90{}'), 'compress'],
    ['a made-up coding', Buffer.from('{"a":1}'), 'snappy-x'],
    ['a known coding after an unknown one', CODINGS.gzip, 'gzip, lzma'],
    // helper-107: undici leaves a list holding `identity` undecoded; `identity` itself is decoded.
    ['gzip with identity (RFC 9110 §8.4: never listed)', CODINGS.gzip, 'gzip, identity'],
  ])(
    '%s: an InvalidResponseError naming the coding, for JSON and text alike',
    async (_n, body, coding) => {
      server.answer = encoded(coding, body);
      const named = coding === 'gzip, identity' ? 'gzip' : coding.split(', ').at(-1)!;
      for (const read of [undefined, readText]) {
        server.reset();
        const error = await failure(read);
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect(error.message).toBe(
          `The server's 200 answer to GET /plans is compressed as "${named}" (Content-Encoding: ${coding}), which fetch does not decode here: ` +
            'it handed over the body still encoded. The server must use a coding the request accepts (its Accept-Encoding: gzip, deflate or br), or none.',
        );
        expect(error.message).not.toMatch(/JSON/);
        expect(server.requests).toBe(1);
      }
    },
  );

  it('an error answer (503) in such a coding: the same, not retried', async () => {
    server.answer = encoded('zstd', ZSTD, '503 Service Unavailable');
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(503);
    expect(error.message).toContain('compressed as "zstd"');
    expect(server.requests).toBe(1);
  });

  it('more codings than fetch decodes in one header: InvalidResponseError, not a retried connection error', async () => {
    server.answer = encoded('gzip, gzip, gzip, gzip, gzip, gzip', CODINGS.gzip);
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(
      /^The server's answer to GET \/plans is not valid HTTP: its Content-Encoding lists more codings than fetch decodes/,
    );
    expect(server.requests).toBe(1);
  });

  it('an event stream in zstd: InvalidResponseError on the first bytes, never events of garbage', async () => {
    server.answer = (socket) => {
      socket.write(
        `HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Encoding: zstd\r\nContent-Length: ${ZSTD.length}\r\n\r\n`,
      );
      socket.end(ZSTD);
    };
    const events = await core().request<EventStream>({
      method: 'get',
      path: '/events',
      read: readEventStream,
    });
    const error = await (async () => {
      for await (const _ of events) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('compressed as "zstd"');
  });

  it('identity and a decoded zstd body (no magic number left) are read as they are', async () => {
    server.answer = encoded('identity', Buffer.from('{"a":1}'));
    await expect(core().request({ method: 'get', path: '/plans' })).resolves.toEqual({ a: 1 });
    server.answer = encoded('zstd', Buffer.from('{"a":2}'));
    await expect(core().request({ method: 'get', path: '/plans' })).resolves.toEqual({ a: 2 });
  });
});
