/**
 * `servers` of a path or an operation (OpenAPI 3.1.1 §4.8.9.1, §4.8.10.1) override the root's:
 * while the caller gives the client no base URL, such an operation's calls go to its own server,
 * from the resource methods and the typed path client alike; a base URL the caller gives (an
 * option or the environment: a proxy, a mock) takes every call. Before, every call went to the
 * default base URL, with a warning. Real node:http servers on 127.0.0.1 see where calls arrive.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import type { GeneratorWarning } from '../../generator/warnings.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const ok = { '200': { description: 'OK', content: { 'application/json': { schema: {} } } } };

let api: TestServer;
let uploads: TestServer;
let proxy: TestServer;
let out: string;
let warnings: GeneratorWarning[];

type Client = {
  items: { list(): Promise<unknown> };
  files: { upload(): Promise<unknown>; download(): Promise<unknown> };
  tenants: { retrieve(params?: { q?: string }): Promise<unknown> };
  versions: { next(): Promise<unknown>; sibling(): Promise<unknown> };
};
type Exports = {
  Hosts: new (options?: Record<string, unknown>) => Client;
  pathsClient: (client: Client) => {
    GET(url: string, init?: { params?: { query?: Record<string, string> } }): Promise<unknown>;
    POST(url: string): Promise<unknown>;
  };
};

beforeAll(async () => {
  const start = () => startServer(() => json(200, {}));
  [api, uploads, proxy] = await Promise.all([start(), start(), start()]);
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Hosts', version: '1.0.0' },
    servers: [{ url: api.url }],
    paths: {
      '/items': { get: { operationId: 'listItems', 'x-sdk-method': 'items.list', responses: ok } },
      // A server with a query of its own (helper-152 2): the path goes before it.
      '/tenant': {
        get: {
          operationId: 'retrieveTenant',
          'x-sdk-method': 'tenants.retrieve',
          servers: [{ url: `${uploads.url}/v4?tenant=a` }],
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
          responses: ok,
        },
      },
      // Path-relative servers (helper-152 9): the base URL read as a folder, with or without `/`.
      '/versions': {
        get: {
          operationId: 'nextVersion',
          'x-sdk-method': 'versions.next',
          servers: [{ url: 'v2' }],
          responses: ok,
        },
        post: {
          operationId: 'siblingVersion',
          'x-sdk-method': 'versions.sibling',
          servers: [{ url: '../v3' }],
          responses: ok,
        },
      },
      '/files': {
        servers: [{ url: '{origin}', variables: { origin: { default: uploads.url } } }],
        post: { operationId: 'uploadFile', 'x-sdk-method': 'files.upload', responses: ok },
        get: {
          operationId: 'downloadFile',
          'x-sdk-method': 'files.download',
          servers: [{ url: '/relative' }],
          responses: ok,
        },
      },
    },
  };
  out = join(await tempDir('servers-'), 'sdk');
  ({ warnings } = await generate({ spec: await writeSpec(spec), out, name: 'hosts-sdk' }));
  await linkNodeModules(out);
}, 120_000);
afterAll(async () => {
  await Promise.all([api, uploads, proxy].map((server) => server?.close()));
  await removeTempDirs();
});

const load = async () => (await import(join(out, 'src/index.ts'))) as Exports;
const hits = () => [api, uploads, proxy].map((server) => server.requests.length);
const reset = () => {
  for (const server of [api, uploads, proxy]) server.requests.length = 0;
};

describe("an operation's own server", () => {
  it('takes its calls while the client uses the default base URL', async () => {
    const { Hosts, pathsClient } = await load();
    const client = new Hosts({ maxRetries: 0 });
    reset();
    await client.items.list();
    expect(hits()).toEqual([1, 0, 0]);
    await client.files.upload();
    expect(hits()).toEqual([1, 1, 0]);
    expect(uploads.requests[0]!.url).toBe('/files');
    // Its own server overrides its path's; a relative one is resolved against the base URL
    // (RFC 3986 §5.2: `/relative` against `http://127.0.0.1:<port>`).
    await client.files.download();
    expect(hits()).toEqual([2, 1, 0]);
    expect(api.requests.at(-1)!.url).toBe('/relative/files');
    const paths = pathsClient(client);
    await paths.POST('/files');
    await paths.GET('/items');
    expect(hits()).toEqual([3, 2, 0]);
  });

  it("with a query of its own: the path goes before it, the call's query after it, in both clients", async () => {
    const { Hosts, pathsClient } = await load();
    const client = new Hosts({ maxRetries: 0 });
    reset();
    await client.tenants.retrieve({ q: 'x' });
    await pathsClient(client).GET('/tenant', { params: { query: { q: 'x' } } });
    await pathsClient(client).GET('/tenant');
    expect(uploads.requests.map((request) => request.url)).toEqual([
      '/v4/tenant?tenant=a&q=x',
      '/v4/tenant?tenant=a&q=x',
      '/v4/tenant?tenant=a',
    ]);
  });

  it('gives way to a base URL the caller gives, as an option or in the environment', async () => {
    const { Hosts, pathsClient } = await load();
    reset();
    const client = new Hosts({ baseURL: proxy.url, maxRetries: 0 });
    await client.files.upload();
    await client.items.list();
    await pathsClient(client).POST('/files');
    expect(hits()).toEqual([0, 0, 3]);
    process.env['HOSTS_BASE_URL'] = proxy.url;
    try {
      await new Hosts({ maxRetries: 0 }).files.upload();
    } finally {
      delete process.env['HOSTS_BASE_URL'];
    }
    expect(hits()).toEqual([0, 0, 4]);
  });

  it('a relative one goes against the base URL in use, the caller’s too (RFC 3986 §5.2)', async () => {
    const { Hosts, pathsClient } = await load();
    reset();
    const client = new Hosts({ baseURL: `${proxy.url}/mock/v1`, maxRetries: 0 });
    await client.files.download();
    await pathsClient(client).GET('/files');
    expect(hits()).toEqual([0, 0, 2]);
    expect(proxy.requests.map((request) => request.url)).toEqual([
      '/relative/files',
      '/relative/files',
    ]);
  });

  it('a path-relative one reads the base URL as a folder, with its trailing slash or without', async () => {
    const { Hosts, pathsClient } = await load();
    reset();
    for (const baseURL of [`${proxy.url}/api/v1`, `${proxy.url}/api/v1/`]) {
      const client = new Hosts({ baseURL, maxRetries: 0 });
      await client.versions.next();
      await client.versions.sibling();
      await pathsClient(client).GET('/versions');
    }
    expect(proxy.requests.map((request) => request.url)).toEqual([
      '/api/v1/v2/versions',
      '/api/v3/versions',
      '/api/v1/v2/versions',
      '/api/v1/v2/versions',
      '/api/v3/versions',
      '/api/v1/v2/versions',
    ]);
  });

  it('is not warned about, and documented', async () => {
    expect(warnings.filter((warning) => warning.key.startsWith('server:'))).toEqual([]);
    const client = (await readFile(join(out, 'src/client.ts'), 'utf8')).replace(/\s+\*\s+/g, ' ');
    expect(client).toContain(
      'While neither is set, operations with `servers` of their own go there; once either is set, every call goes to it.',
    );
    expect(client).toContain(
      'Operations whose own `servers` are relative (`/uploads`) go there resolved against the base URL in use, whichever it is (RFC 3986 §5.2).',
    );
  });
});
