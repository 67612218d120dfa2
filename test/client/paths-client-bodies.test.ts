/**
 * The typed path client (pathsClient) types and reads each success body as the resource client
 * does (test/fixtures/faults/paths-client-bodies.yaml): text (`text/*`, XML) as a string whatever
 * object its schema describes, with a string schema's values kept; bytes (`image/png` with
 * `contentMediaType`, `application/octet-stream`) as a Blob; an event stream as a stream; and each
 * 2xx by the response its status selects (exact code > `2XX` > `default`), not one way per
 * operation. Type-checked with a consumer file under strict tsc, then called against a real
 * node:http server.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { compile, linkNodeModules, removeTempDirs, tempDir } from '../generator/helpers.ts';
import { json, startServer, type Reply, type TestServer } from '../runtime/server.ts';

const SPEC = 'test/fixtures/faults/paths-client-bodies.yaml';

const USAGE = `import { Bodies, pathsClient } from './index.js';
import type { paths } from './openapi.js';

const paths = pathsClient(new Bodies());

export async function usage(): Promise<void> {
  const xml = (await paths.GET('/xml')).data;
  const xmlText: string | undefined = xml;
  // @ts-expect-error the XML is read as text, not as the object its schema describes
  void xml?.a;
  const state: 'ready' | 'busy' | undefined = (await paths.GET('/state')).data;
  const named: 'on' | 'off' | undefined = (await paths.GET('/named-state')).data;
  // @ts-expect-error the named string enum is kept: not any string
  const other: 'on' | 'off' | 'x' extends NonNullable<typeof named> ? true : false = true;
  const namedXml: string | undefined = (await paths.GET('/named-xml')).data;
  // openapi-fetch passes \`data\` through its Readable<T>, which maps a Blob's methods away
  // (openapi-fetch 0.17): the bodies are checked where src/openapi.ts types them.
  type Png = paths['/png']['get']['responses'][200]['content']['image/png'];
  type Octets = paths['/octets']['get']['responses'][200]['content']['application/octet-stream'];
  type Events = paths['/events']['get']['responses'][200]['content']['text/event-stream'];
  const png: Png = new Blob();
  const octets: Octets = new Blob();
  const events: Events = new ReadableStream<Uint8Array>();
  // @ts-expect-error a PNG is a Blob, not a string
  void ('x' satisfies Png);
  // @ts-expect-error bytes are a Blob, not the object the schema describes
  void ({ n: 1 } satisfies Octets);
  // @ts-expect-error an event stream is a stream, not the object the schema describes
  void ({ data: 'x' } satisfies Events);
  const mixed = (await paths.POST('/mixed')).data;
  // @ts-expect-error a 2xx other than 200 selects 2XX: text, so the data is not always the object
  const id: string | undefined = mixed?.id;
  const either: { id: string } | string | undefined = mixed;
  void xmlText, state, named, other, namedXml, png, octets, events, id, either;
}
`;

let out: string;
let exports: Record<string, unknown>;
let server: TestServer;
let reply: () => Reply;

beforeAll(async () => {
  out = await tempDir('paths-bodies-');
  await generate({ spec: SPEC, out });
  await linkNodeModules(out);
  exports = (await import(join(out, 'src/index.ts'))) as Record<string, unknown>;
  server = await startServer(() => reply());
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => {
  server.requests.length = 0;
  reply = () => json(200, {});
});

type Call = (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown }>;
function paths(): Record<string, Call> {
  const Bodies = exports['Bodies'] as new (options: Record<string, unknown>) => unknown;
  const pathsClient = exports['pathsClient'] as (client: unknown) => Record<string, Call>;
  return pathsClient(new Bodies({ token: 't', baseURL: server.url }));
}
const get = async (path: string): Promise<unknown> => (await paths()['GET']!(path)).data;

const BYTES = new Uint8Array([0, 1, 2, 254, 255]);

describe('pathsClient types', () => {
  it('say what the runtime returns, under strict tsc', async () => {
    await writeFile(join(out, 'src/usage.ts'), USAGE);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);
});

describe('pathsClient reads', () => {
  it('XML and text as text, never parsed', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(await get('/xml')).toBe('<a/>');
    reply = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ready' });
    expect(await get('/state')).toBe('ready');
  });

  it.each(['/png', '/octets'])('%s as a Blob with every byte', async (path) => {
    reply = () => ({ status: 200, headers: { 'content-type': 'image/png' }, body: BYTES });
    const data = await get(path);
    expect(data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(BYTES);
  });

  it('an event stream as the stream of its bytes, unread', async () => {
    const events = 'data: one\n\ndata: two\n\n';
    reply = () => ({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: events });
    const data = await get('/events');
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await new Response(data as ReadableStream).text()).toBe(events);
  });

  it('an answer to an event-stream operation that is another media type is an error, quoted', async () => {
    // A JSON error sent with 200, as the resource client's readEventStream refuses it: before, the
    // typed path client returned its bytes as if they were events.
    reply = () => json(200, { error: 'quota exceeded' });
    const error = await get('/events').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'InvalidResponseError',
      status: 200,
      message: expect.stringContaining(
        'with application/json where the operation declares text/event-stream; it was not read as events: {"error":"quota exceeded"}',
      ) as unknown,
    });
    // A call that asks for the stream itself (`parseAs: 'stream'`) gets it, whatever it holds.
    const own = await paths()['GET']!('/events', { parseAs: 'stream' });
    expect(await new Response(own.data as ReadableStream).text()).toBe(
      '{"error":"quota exceeded"}',
    );
  });

  it('a 2xx by the response its status selects: 200 JSON, 201 by 2XX as text', async () => {
    reply = () => json(200, { id: 'x' });
    expect((await paths()['POST']!('/mixed')).data).toEqual({ id: 'x' });
    reply = () => ({ status: 201, headers: { 'content-type': 'text/plain' }, body: 'made' });
    expect((await paths()['POST']!('/mixed')).data).toBe('made');
  });

  it('a 2xx only default selects is read as default says (JSON), 200 as text', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: '{"code":1}' });
    expect(await get('/fallback')).toBe('{"code":1}');
    reply = () => json(202, { code: 2 });
    expect(await get('/fallback')).toEqual({ code: 2 });
  });
});

describe('pathsClient sends', () => {
  it('a binary body as its bytes, a text body as its text, each with its media type', async () => {
    reply = () => ({ status: 204 });
    await paths()['PUT']!('/upload', { body: BYTES });
    await paths()['PUT']!('/upload', { body: new Blob([BYTES]) });
    await paths()['POST']!('/upload', { body: 'a "note"' });
    const [bytes, blob, text] = server.requests;
    expect(bytes?.raw).toEqual(Buffer.from(BYTES));
    expect(bytes?.headers['content-type']).toBe('application/octet-stream');
    expect(blob?.raw).toEqual(Buffer.from(BYTES));
    expect(text?.body).toBe('a "note"');
    expect(text?.headers['content-type']).toBe('text/plain; charset=UTF-8');
  });
});
