/**
 * The response size limit, counted on the decompressed body: a real gzip bomb served by
 * node:http (1 MB on the wire, 1 GiB inflated: 1,024 gzip members of 1 MiB of zeros each, which
 * RFC 1952 allows back to back) stops at `maxResponseSize`, with bounded memory and the rest
 * never read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { InternalServerError, InvalidResponseError } from '../../templates/runtime/errors.ts';
import { readBlob, readForm } from '../../templates/runtime/internal/read.ts';

const MiB = 1024 * 1024;
const member = gzipSync(Buffer.alloc(MiB), { level: 9 });
const BOMB = Buffer.concat(Array.from({ length: 1024 }, () => member));

const objectsBodies = new Map<number, Buffer>();
function objectsBody(count: number): Buffer {
  let body = objectsBodies.get(count);
  if (body === undefined) {
    body = gzipSync(`[${'{},'.repeat(count - 1)}{}]`);
    objectsBodies.set(count, body);
  }
  return body;
}

let server: Server;
let url: string;
let requests = 0;
let status = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const path = req.url ?? '/';
    req.resume();
    if (path.startsWith('/objects/')) {
      // `[{},{},…]`: n empty objects, gzipped (60 MiB of them take some 60 KB).
      const count = Number(path.slice('/objects/'.length));
      res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(objectsBody(count));
      return;
    }
    if (path.startsWith('/pairs/')) {
      // `a&a&…`: n form pairs of one character each, gzipped.
      const count = Number(path.slice('/pairs/'.length));
      res.writeHead(status, {
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
      });
      res.end(gzipSync(`${'a&'.repeat(count - 1)}a`));
      return;
    }
    if (path.startsWith('/plain/')) {
      const size = Number(path.slice('/plain/'.length));
      const body = JSON.stringify({ data: 'x'.repeat(Math.max(0, size - 11)) });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    // Written in 64 KiB slices, so that a client that stops reading stops the server too.
    let offset = 0;
    const pump = (): void => {
      while (offset < BOMB.length) {
        const slice = BOMB.subarray(offset, offset + 64 * 1024);
        offset += slice.length;
        if (!res.write(slice)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = 0;
  status = 200;
});

describe('maxResponseSize', () => {
  it('is 64 MiB by default: a 1 MB gzip body that inflates to 1 GiB fails, with bounded memory', async () => {
    const core = new ClientCore({ baseURL: url, token: 'sk_test_limits_token' });
    expect(core.maxResponseSize).toBe(64 * MiB);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await core.request({ method: 'get', path: '/bomb' }).catch((e: unknown) => e);
    const grown = process.memoryUsage().rss - before;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The 200 response body is larger than maxResponseSize (67108864 bytes); it was not read further. ' +
        'Raise maxResponseSize (client or call option) if the API really sends this much.',
    );
    expect(error).toMatchObject({ status: 200 });
    // The limit's worth of chunks, not the gigabyte (and far from the 2 GB the text would take).
    expect(grown).toBeLessThan(400 * MiB);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(requests).toBe(1);
  });

  it('counts the decompressed bytes: a client limit of 1 MiB stops the bomb in its first gzip member or two', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: MiB });
    await expect(core.request({ method: 'get', path: '/bomb' })).rejects.toThrow(
      'larger than maxResponseSize (1048576 bytes)',
    );
  });

  it.each([
    ['at the limit', 1000, 1000, true],
    ['one byte over', 1001, 1000, false],
  ])('a plain body %s', async (_name, size, limit, ok) => {
    const core = new ClientCore({ baseURL: url });
    const call = core.request(
      { method: 'get', path: `/plain/${size}` },
      { maxResponseSize: limit },
    );
    if (ok) await expect(call).resolves.toMatchObject({ data: expect.any(String) });
    else await expect(call).rejects.toBeInstanceOf(InvalidResponseError);
  });

  // helper-115 6: an error body past the limit was an InvalidResponseError, so a 503 lost its
  // class and its retries. It is read for its message only: its start is enough.
  it('bounds error bodies too: read up to the limit, the error keeps its status and its retries', async () => {
    status = 503;
    const core = new ClientCore({
      baseURL: url,
      maxResponseSize: MiB,
      maxRetries: 1,
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    const error = await core.request({ method: 'get', path: '/bomb' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, body: undefined });
    // The bomb's zeros, as escapes, none of them cut.
    expect((error as Error).message).toBe(
      `503 Service Unavailable (GET /bomb): ${'\\u0000'.repeat(83)}…. Gave up after 2 attempts.`,
    );
    expect(requests).toBe(2);
  });

  it('bounds binary bodies', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: MiB });
    await expect(core.request({ method: 'get', path: '/bomb', read: readBlob })).rejects.toThrow(
      InvalidResponseError,
    );
  });

  // helper-111: 60 MiB of `[{},{},…]` (60 KB gzipped) fits the byte limit, and parsed into 1.4 GB
  // of heap: a process with a 1 GiB heap died. Now JSON may hold one array or object per 16 bytes
  // of the limit.
  it('bounds what JSON parses into: one array or object per 16 bytes of the limit', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: MiB });
    const within = await core.request<unknown[]>({ method: 'get', path: '/objects/65535' });
    expect(within).toHaveLength(65_535);
    const error = await core
      .request({ method: 'get', path: '/objects/65537' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server answered 200 with JSON of more than 65536 arrays and objects, more than maxResponseSize (1048576 bytes) allows (one per 16 bytes: parsed, each takes memory of its own); it was not parsed. ' +
        'Raise maxResponseSize (client or call option) if the API really sends this much.',
    );
    // At the default limit, the probe's body itself.
    const probe = await new ClientCore({ baseURL: url })
      .request({ method: 'get', path: `/objects/${20 * MiB}` })
      .catch((e: unknown) => e);
    expect(probe).toBeInstanceOf(InvalidResponseError);
    expect((probe as Error).message).toContain('JSON of more than 4194304 arrays and objects');
    // An error body of that kind is kept as text, not parsed.
    status = 503;
    const failed = await new ClientCore({ baseURL: url, maxResponseSize: MiB, maxRetries: 0 })
      .request({ method: 'get', path: '/objects/65537' })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 503, body: undefined });
  });

  // helper-159: 64 MiB of `a&a&…` fits the byte limit and parsed into 32 million pairs, 2 GB of
  // heap. A form body may hold one pair per 16 bytes of the limit, as JSON holds containers.
  it('bounds what a form body parses into: one pair per 16 bytes of the limit', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: MiB });
    const within = await core.request<URLSearchParams>({
      method: 'get',
      path: '/pairs/65536',
      read: readForm,
    });
    expect([...within.keys()]).toHaveLength(65_536);
    const error = await core.request({ method: 'get', path: '/pairs/65537', read: readForm }).then(
      () => 'parsed',
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server answered 200 with a form of more than 65536 pairs, more than maxResponseSize (1048576 bytes) allows (one per 16 bytes: parsed, each takes memory of its own); it was not parsed. ' +
        'Raise maxResponseSize (client or call option) if the API really sends this much.',
    );
    // At the default limit: 20 million pairs (40 MiB) would have taken over a GB of heap.
    const probe = await new ClientCore({ baseURL: url })
      .request({ method: 'get', path: `/pairs/${20 * MiB}`, read: readForm })
      .then(
        () => 'parsed',
        (e: unknown) => e,
      );
    expect(probe).toBeInstanceOf(InvalidResponseError);
    expect((probe as Error).message).toContain('a form of more than 4194304 pairs');
  });

  it('Infinity turns it off; a negative or NaN limit is refused', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: Infinity });
    await expect(core.request({ method: 'get', path: '/plain/2000' })).resolves.toBeDefined();
    expect(() => new ClientCore({ baseURL: url, maxResponseSize: -1 })).toThrow(
      'maxResponseSize must be a non-negative number',
    );
    await expect(
      core.request({ method: 'get', path: '/plain/10' }, { maxResponseSize: Number.NaN }),
    ).rejects.toThrow('maxResponseSize must be a non-negative number');
  });
});
