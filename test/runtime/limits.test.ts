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
import { InvalidResponseError } from '../../templates/runtime/errors.ts';
import { readBlob } from '../../templates/runtime/internal/read.ts';

const MiB = 1024 * 1024;
const member = gzipSync(Buffer.alloc(MiB), { level: 9 });
const BOMB = Buffer.concat(Array.from({ length: 1024 }, () => member));

let server: Server;
let url: string;
let requests = 0;
let status = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const path = req.url ?? '/';
    req.resume();
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

  it('bounds error bodies too (and such an error is not retried)', async () => {
    status = 503;
    const core = new ClientCore({
      baseURL: url,
      maxResponseSize: MiB,
      backoff: { initialDelay: 1, maxDelay: 1 },
    });
    const error = await core.request({ method: 'get', path: '/bomb' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 503 });
    expect(requests).toBe(1);
  });

  it('bounds binary bodies', async () => {
    const core = new ClientCore({ baseURL: url, maxResponseSize: MiB });
    await expect(core.request({ method: 'get', path: '/bomb', read: readBlob })).rejects.toThrow(
      InvalidResponseError,
    );
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
