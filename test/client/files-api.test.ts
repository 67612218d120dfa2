/**
 * A client generated from a spec that declares every kind of body (test/fixtures/specs/media/
 * files-api.yaml), type-checked with a consumer file under strict tsc, then called against a
 * real node:http server: CSV as text, PDFs and images as Blobs, an event stream as it arrives,
 * multipart uploads with files, raw binary bodies, form bodies both ways, array header and path
 * parameters, each operation's own query style, optional bodies, and typed error bodies.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import {
  compile,
  findAnyKeywords,
  linkNodeModules,
  removeTempDirs,
  tempDir,
} from '../generator/helpers.ts';
import {
  json,
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from '../runtime/server.ts';

const SPEC = 'test/fixtures/specs/media/files-api.yaml';
const TOKEN = 'sk_files_SECRET';
const BYTES = new Uint8Array([...Array(256).keys()]);

/** What a consumer writes, checked by strict tsc: each line is what the types must allow or refuse. */
const USAGE = `import { Files, NotFoundError, type EventStream } from './index.js';

const files = new Files({ token: 't' });

export async function usage(): Promise<void> {
  const csv: string = await files.reports.export('r');
  const pdf: Blob = await files.documents.download('d');
  const image: Blob = await files.images.retrieve('i');
  const stream: EventStream = await files.jobs.events('j');
  for await (const event of stream) {
    const data: string = event.data;
    const id: string = event.id;
    void data, id;
  }
  const upload = await files.uploads.create({
    file: new File(['x'], 'x.txt', { type: 'text/plain' }),
    thumbnail: null,
    description: 'd',
    tags: ['a'],
  });
  const size: number = upload.size;
  await files.uploads.replaceContent('u', { body: new Uint8Array([1]) });
  await files.uploads.replaceContent('u', { body: new Blob(['x']) });
  await files.uploads.replaceContent('u', { body: new ArrayBuffer(1) });
  const form: URLSearchParams = await files.oauth.legacy();
  await files.oauth.token({ grant_type: 'authorization_code', code: 'c' });
  await files.items.list({ 'X-Fields': ['a', 'b'], ids: ['1'] });
  await files.items.archive(['a', 'b']);
  await files.items.tags(['a']);
  const deleted: void = await files.items.delete('x');
  const stats = await files.stats.retrieve();
  // @ts-expect-error the spec declares a 204 too: the stats may be undefined
  void stats.count;
  void stats?.count;
  try {
    await files.items.delete('x');
  } catch (error) {
    if (error instanceof NotFoundError && error.body !== undefined && 'title' in error.body) {
      const title: string = error.body.title;
      void title;
    }
  }
  // @ts-expect-error a file part is a Blob, not a number
  await files.uploads.create({ file: 42 });
  // @ts-expect-error a header parameter typed as an array takes an array
  await files.items.list({ 'X-Fields': 7 });
  // @ts-expect-error a binary body is bytes, not an object
  await files.uploads.replaceContent('u', { body: { a: 1 } });
  void csv, pdf, image, size, form, deleted;
}
`;

let out: string;
let exports: Record<string, unknown>;
let server: TestServer;
let reply: (request: SeenRequest) => Reply;

beforeAll(async () => {
  out = await tempDir('files-api-');
  await generate({ spec: SPEC, out });
  await linkNodeModules(out);
  exports = (await import(join(out, 'src/index.ts'))) as Record<string, unknown>;
  server = await startServer((request) => reply(request));
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => {
  server.requests.length = 0;
  reply = () => json(200, {});
});

type Method = (...args: unknown[]) => Promise<unknown>;
type Client = Record<string, Record<string, Method>>;

function files(options: Record<string, unknown> = {}): Client {
  const Files = exports['Files'] as new (options: Record<string, unknown>) => Client;
  return new Files({ token: TOKEN, baseURL: server.url, ...options });
}

function call(resource: string, method: string, ...args: unknown[]): Promise<unknown> {
  const client = files();
  return client[resource]![method]!.apply(client[resource], args);
}

function only(): SeenRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('the generated package', () => {
  it('compiles under strict tsc with a consumer that uses every kind of body, and has no any', async () => {
    await writeFile(join(out, 'src/usage.ts'), USAGE);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
    expect(await findAnyKeywords(out)).toEqual([]);
  }, 180_000);
});

describe('success bodies by media type', () => {
  it('text/csv resolves to the text, never parsed as JSON', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'text/csv' }, body: '42\n' });
    await expect(call('reports', 'export', 'r1')).resolves.toBe('42\n');
    expect(only()).toMatchObject({ url: '/reports/r1.csv' });
    // Then the error responses' problem details, at a lower weight.
    expect(only().headers['accept']).toBe('text/csv, application/problem+json;q=0.5');
  });

  it('application/pdf resolves to a Blob with every byte', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: BYTES });
    const blob = (await call('documents', 'download', 'd1')) as Blob;
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BYTES);
  });

  it('image/* resolves to a Blob of the type the server sent', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'image/webp' }, body: BYTES });
    const blob = (await call('images', 'retrieve', 'i1')) as Blob;
    expect(blob.type).toBe('image/webp');
    expect(only().headers['accept']).toBe('image/*');
  });

  it('text/event-stream resolves to the events, parsed as they arrive', async () => {
    reply = () => ({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: 'event: progress\ndata: {"done":1}\nid: 1\n\n: ping\n\ndata: end\n\n',
    });
    const stream = (await call('jobs', 'events', 'j1')) as AsyncIterable<{
      event: string;
      data: string;
      id: string;
    }>;
    const events: unknown[] = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([
      { event: 'progress', data: '{"done":1}', id: '1', retry: undefined },
      { event: 'message', data: 'end', id: '1', retry: undefined },
    ]);
    expect(only().headers['accept']).toBe('text/event-stream');
  });

  it('a form-urlencoded answer is URLSearchParams', async () => {
    reply = () => ({
      status: 200,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'access_token=a%20b',
    });
    const form = (await call('oauth', 'legacy')) as URLSearchParams;
    expect(form.get('access_token')).toBe('a b');
  });

  it('*/* lets the response decide: JSON parsed (asked for first), text as text', async () => {
    reply = () => json(200, { id: 'x' });
    await expect(call('misc', 'anything')).resolves.toEqual({ id: 'x' });
    expect(only().headers['accept']).toBe('application/json, */*;q=0.5');
    reply = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'plain' });
    await expect(call('misc', 'anything')).resolves.toBe('plain');
  });

  it('no body declared (204): undefined', async () => {
    reply = () => ({ status: 204 });
    await expect(call('items', 'delete', 'x')).resolves.toBeUndefined();
  });

  it('200 JSON or 204: the stats, or undefined, and validation does not trip on the 204', async () => {
    reply = () => json(200, { count: 3 });
    await expect(call('stats', 'retrieve')).resolves.toEqual({ count: 3 });
    reply = () => ({ status: 204 });
    const strict = files({
      responseValidation: 'throw',
      responseGuards: exports['responseGuards'],
    });
    await expect(strict['stats']!['retrieve']!()).resolves.toBeUndefined();
  });

  it('an empty 200 where JSON is declared: InvalidResponseError', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '' });
    await expect(
      call('oauth', 'token', { grant_type: 'client_credentials' }),
    ).rejects.toBeInstanceOf(exports['InvalidResponseError']);
  });
});

describe('request bodies by media type', () => {
  it('multipart/form-data: flat params, the File as a file part with its bytes, the rest as fields', async () => {
    reply = () => json(201, { id: 'u1', size: 256 });
    const upload = await call('uploads', 'create', {
      file: new File([BYTES], 'data.bin', { type: 'application/octet-stream' }),
      description: 'raw',
      tags: ['a', 'b'],
    });
    expect(upload).toEqual({ id: 'u1', size: 256 });
    const seen = only();
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const raw = seen.raw;
    const start = raw.indexOf('filename="data.bin"');
    expect(start).toBeGreaterThan(0);
    const content = raw.subarray(raw.indexOf('\r\n\r\n', start) + 4);
    expect(new Uint8Array(content.subarray(0, 256))).toEqual(BYTES);
    expect(seen.body.match(/name="tags"/g)).toHaveLength(2);
    expect(seen.body).toContain('name="description"\r\n\r\nraw\r\n');
  });

  it('application/octet-stream: the bytes as they are', async () => {
    reply = () => ({ status: 204 });
    await expect(call('uploads', 'replaceContent', 'u1', { body: BYTES })).resolves.toBeUndefined();
    expect(only().headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(only().raw)).toEqual(BYTES);
  });

  it('application/x-www-form-urlencoded: flat params as a form', async () => {
    reply = () => json(200, { access_token: 'a' });
    await call('oauth', 'token', { grant_type: 'authorization_code', code: 'c d' });
    expect(only().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(only().body).toBe('grant_type=authorization_code&code=c+d');
  });
});

describe('parameters', () => {
  it('an array header parameter is sent comma-joined (RFC 9110 lists)', async () => {
    reply = () => json(200, []);
    await call('items', 'list', { 'X-Fields': ['id', 'name'], ids: ['1', '2'] });
    expect(only().headers['x-fields']).toBe('id,name');
    expect(only().url).toBe('/items?ids=1,2');
  });

  it("each operation's own query style: the same name pipe-delimited elsewhere", async () => {
    reply = () => json(200, []);
    await call('items', 'search', { ids: ['1', '2'] });
    expect(only().url).toBe('/search?ids=1%7C2');
  });

  it('an array path parameter (style simple): /items/a,b/archive', async () => {
    reply = () => json(200, []);
    await call('items', 'archive', ['a', 'b']);
    expect(only().url).toBe('/items/a,b/archive');
  });

  it('an exploded matrix path parameter', async () => {
    reply = () => json(200, []);
    await call('items', 'tags', ['a', 'b']);
    expect(only().url).toBe('/items/;ids=a;ids=b/tags');
  });
});

describe('errors and identity', () => {
  it('an error body is the spec’s (problem details here), and words the message', async () => {
    reply = () => ({
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({ type: 'about:blank', title: 'Not Found', detail: 'No item x.' }),
    });
    const error = await call('items', 'delete', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(exports['NotFoundError'] as new () => Error);
    expect(error).toMatchObject({
      status: 404,
      body: { title: 'Not Found', detail: 'No item x.' },
      message: '404 Not Found (DELETE /items/x): No item x.',
    });
  });

  it('names the SDK and the runtime in User-Agent, and sends the API key header', async () => {
    reply = () => json(200, []);
    await call('items', 'list');
    expect(only().headers['user-agent']).toBe(
      `acme-files-sdk/2.0.0 node/${process.versions.node} (${process.platform}; ${process.arch})`,
    );
    expect(only().headers['x-api-key']).toBe(TOKEN);
  });
});

describe('the typed path client', () => {
  const paths = () =>
    (
      exports['pathsClient'] as (
        client: unknown,
      ) => Record<
        string,
        (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown }>
      >
    )(files());

  it('reads text/csv as text and follows each operation’s query style', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'text/csv' }, body: '1,2\n' });
    const { data } = await paths()['GET']!('/reports/{report}.csv', {
      params: { path: { report: 'r' } },
    });
    expect(data).toBe('1,2\n');
    reply = () => json(200, []);
    await paths()['GET']!('/search', { params: { query: { ids: ['1', '2'] } } });
    await paths()['GET']!('/items', { params: { query: { ids: ['1', '2'] } } });
    expect(server.requests.slice(1).map((r) => r.url)).toEqual([
      '/search?ids=1%7C2',
      '/items?ids=1,2',
    ]);
  });

  it('reads a PDF as a Blob', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: BYTES });
    const { data } = await paths()['GET']!('/documents/{document}/pdf', {
      params: { path: { document: 'd' } },
    });
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(BYTES);
  });
});
