/**
 * What a generated client asks for and how it reads the answer, against a real server on
 * 127.0.0.1: `Accept` names the media types the operation's success responses declare (a JSON
 * type other than `application/json`, such as `application/vnd.api+json`, included: a server
 * that negotiates answers 406 to an `Accept` it cannot serve); a caller's `Accept` still wins.
 * Then the reading side (RFC 9110, RFC 8259, RFC 9457): a UTF-8 BOM before JSON, JSON as UTF-8
 * whatever charset the response names, a `2XX` range and `default`, `application/problem+json` errors, HEAD.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { startServer, type Reply, type TestServer } from '../runtime/server.ts';

const thing = { type: 'object', properties: { id: { type: 'string' } } };
const problem = { type: 'object', properties: { title: { type: 'string' } } };
const content = (...types: string[]) =>
  Object.fromEntries(
    types.map((type) => [type, { schema: { $ref: '#/components/schemas/Thing' } }]),
  );
const get = (id: string, responses: Record<string, unknown>, method = 'get') => ({
  [method]: { operationId: id, 'x-sdk-method': `things.${id}`, tags: ['things'], responses },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Negotiate', version: '1.0.0' },
  components: { schemas: { Thing: thing } },
  paths: {
    '/plain': get('plain', { '200': { description: 'OK', content: content('application/json') } }),
    '/vendor': get('vendor', {
      '200': { description: 'OK', content: content('application/vnd.api+json') },
    }),
    '/both': get('both', {
      '200': { description: 'OK', content: content('application/hal+json', 'application/json') },
    }),
    '/created': get('created', {
      '200': { description: 'OK', content: content('application/json') },
      // The same schema through a $ref: read alike, but asked for all the same.
      '201': {
        description: 'Made',
        content: {
          'application/merge-patch+json': { schema: { $ref: '#/components/schemas/Thing' } },
        },
      },
    }),
    '/mixed': get('mixed', {
      '200': { description: 'OK', content: content('application/json') },
      '201': {
        description: 'Bytes',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      '203': { description: 'Anything', content: { '*/*': { schema: {} } } },
    }),
    '/appRange': get('appRange', {
      '200': {
        description: 'Any application type',
        content: { 'application/*': { schema: thing } },
      },
    }),
    '/range': get('range', {
      '2XX': { description: 'OK', content: content('application/json') },
      '4XX': {
        description: 'Bad',
        content: { 'application/problem+json': { schema: problem } },
      },
    }),
    '/fallback': get('fallback', {
      default: { description: 'Any', content: content('application/json') },
    }),
    '/text': get('text', {
      '200': { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } },
    }),
    '/image': get('image', {
      '200': {
        description: 'A picture',
        content: {
          'image/png': { schema: { type: 'string', format: 'binary' } },
          'image/jpeg': { schema: { type: 'string', format: 'binary' } },
        },
      },
    }),
    '/report': get('report', {
      '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } },
      '400': { description: 'Bad', content: { 'application/problem+json': { schema: problem } } },
    }),
    '/remove': get(
      'remove',
      {
        '204': { description: 'Gone' },
        default: {
          description: 'Bad',
          content: { 'application/problem+json': { schema: problem } },
        },
      },
      'delete',
    ),
    '/plainErrors': get('plainErrors', {
      '200': { description: 'OK', content: content('application/json') },
      '500': { description: 'Bad', content: content('application/json') },
    }),
    '/csvJsonErrors': get('csvJsonErrors', {
      '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } },
      '500': { description: 'Bad', content: content('application/json') },
    }),
    '/caseErrors': get('caseErrors', {
      '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } },
      '400': { description: 'Bad', content: { 'application/problem+json': { schema: problem } } },
      '422': {
        description: 'Bad',
        content: { 'Application/Problem+JSON; charset=utf-8': { schema: problem } },
      },
    }),
    '/anyErrors': get('anyErrors', {
      '200': { description: 'OK', content: { '*/*': { schema: {} } } },
      '500': { description: 'Bad', content: { 'text/plain': { schema: { type: 'string' } } } },
    }),
    '/head': get(
      'head',
      { '200': { description: 'OK', content: content('application/json') } },
      'head',
    ),
  },
};

type Call = (options?: { headers?: Record<string, string> }) => Promise<unknown>;
let server: TestServer;
let reply: Reply;
let things: Record<string, Call>;
let paths: { GET(url: string, init?: unknown): Promise<unknown> };
/** The same, on a client whose defaultHeaders pin an Accept (an API version by media type). */
let pinned: { things: Record<string, Call>; paths: typeof paths };
let makeClient: (defaultHeaders: unknown) => { things: Record<string, Call> };

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('negotiate-'), 'sdk');
  await generate({ spec, out, name: 'negotiate-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => reply);
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Negotiate: new (options: { baseURL: string; maxRetries: number }) => {
      things: typeof things;
    };
    pathsClient(client: unknown): typeof paths;
  };
  const client = new exports.Negotiate({ baseURL: server.url, maxRetries: 0 });
  things = client.things;
  paths = exports.pathsClient(client);
  const own = new exports.Negotiate({
    baseURL: server.url,
    maxRetries: 0,
    defaultHeaders: { accept: 'application/vnd.acme.v2+json' },
  } as { baseURL: string; maxRetries: number });
  pinned = { things: own.things, paths: exports.pathsClient(own) };
  makeClient = (defaultHeaders) =>
    new exports.Negotiate({ baseURL: server.url, maxRetries: 0, defaultHeaders } as {
      baseURL: string;
      maxRetries: number;
    });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

const answer = (type: string, body: string | Uint8Array, status = 200): Reply => ({
  status,
  headers: { 'content-type': type },
  body,
});

async function accepted(method: string, options?: { headers?: Record<string, string> }) {
  server.requests.length = 0;
  reply = answer('application/json', '{"id":"a"}');
  await things[method]!(options);
  return server.requests[0]?.headers['accept'];
}

describe('Accept names the declared success media types', () => {
  it('application/json alone: application/json', async () => {
    expect(await accepted('plain')).toBe('application/json');
  });

  it('a vendor JSON type: that type', async () => {
    expect(await accepted('vendor')).toBe('application/vnd.api+json');
  });

  it('the responses of several types: each, in the order declared', async () => {
    expect(await accepted('created')).toBe('application/json, application/merge-patch+json');
  });

  it('JSON beside `*/*` is asked for once (helper-114 8)', async () => {
    expect(await accepted('mixed')).toBe('application/json, application/octet-stream, */*;q=0.5');
  });

  it('a range other than */*: JSON first, then the range, no wider (helper-122 7c)', async () => {
    expect(await accepted('appRange')).toBe('application/json, application/*;q=0.5');
  });

  it('one response of several JSON types: the one the client reads, application/json', async () => {
    expect(await accepted('both')).toBe('application/json');
  });

  it('one response of several types the method reads alike: each (helper-117 F12)', async () => {
    // A server that has only the JPEG answered 406 to `Accept: image/png`.
    expect(await accepted('image')).toBe('image/png, image/jpeg');
    reply = answer('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff]));
    const picture = (await things['image']!()) as Blob;
    expect(picture).toBeInstanceOf(Blob);
    expect(picture.type).toBe('image/jpeg');
  });

  it('then the error media types not yet named, at q=0.5 (RFC 9110 §12.5.1; helper-128 1)', async () => {
    // A server that negotiates its error bodies answered a failed call with 406 and no problem.
    expect(await accepted('report')).toBe('text/csv, application/problem+json;q=0.5');
    expect(await accepted('range')).toBe('application/json, application/problem+json;q=0.5');
    // Beside a success without a body, the error types alone.
    expect(await accepted('remove')).toBe('application/problem+json');
    expect(await accepted('csvJsonErrors')).toBe('text/csv, application/json;q=0.5');
    // One type once, whatever its case or charset (helper-131).
    expect(await accepted('caseErrors')).toBe('text/csv, application/problem+json;q=0.5');
    // Plain JSON everywhere, or an error type a declared range covers: nothing added.
    expect(await accepted('plainErrors')).toBe('application/json');
    expect(await accepted('anyErrors')).toBe('application/json, */*;q=0.5');
  });

  it("the client's defaultHeaders Accept wins over every operation's (helper-131 1)", async () => {
    for (const method of ['report', 'range', 'remove', 'vendor']) {
      server.requests.length = 0;
      reply = answer('application/json', '{"id":"a"}');
      await pinned.things[method]!().catch(() => undefined);
      expect(server.requests[0]?.headers['accept'], method).toBe('application/vnd.acme.v2+json');
    }
    server.requests.length = 0;
    await pinned.paths.GET('/report').catch(() => undefined);
    expect(server.requests[0]?.headers['accept']).toBe('application/vnd.acme.v2+json');
    // In every form defaultHeaders takes (helper-132 3); `undefined` sets nothing (helper-132 4).
    const sent = async (defaultHeaders: unknown) => {
      server.requests.length = 0;
      await makeClient(defaultHeaders).things['report']!().catch(() => undefined);
      return server.requests[0]?.headers['accept'];
    };
    const v2 = 'application/vnd.acme.v2+json';
    expect(await sent(new Headers({ Accept: v2 }))).toBe(v2);
    expect(await sent([['ACCEPT', v2]])).toBe(v2);
    expect(await sent({ Accept: undefined })).toBe('text/csv, application/problem+json;q=0.5');
  });

  it("the caller's Accept wins", async () => {
    expect(await accepted('vendor', { headers: { Accept: 'application/json' } })).toBe(
      'application/json',
    );
  });

  it('the typed path client asks for the same, and lets the call choose', async () => {
    const asked = async (url: string, init?: unknown) => {
      server.requests.length = 0;
      reply = answer('text/plain', 'hi');
      await paths.GET(url, init).catch(() => undefined); // only what was asked counts here
      return server.requests[0]?.headers['accept'];
    };
    expect(await asked('/vendor')).toBe('application/vnd.api+json');
    expect(await asked('/text')).toBe('text/plain');
    expect(await asked('/plain')).toBe('application/json');
    expect(await asked('/report')).toBe('text/csv, application/problem+json;q=0.5');
    expect(await asked('/text', { headers: { accept: 'text/*' } })).toBe('text/*');
  });

  it('the vendor type is read as JSON', async () => {
    reply = answer('application/vnd.api+json', '{"id":"v"}');
    await expect(things['vendor']!()).resolves.toEqual({ id: 'v' });
  });
});

describe('reading the answer', () => {
  it('JSON after a UTF-8 byte order mark', async () => {
    reply = answer('application/json', '\uFEFF{"id":"bom"}');
    await expect(things['plain']!()).resolves.toEqual({ id: 'bom' });
  });

  it('JSON as UTF-8 whatever charset the response names (RFC 8259 §11)', async () => {
    reply = answer('application/json; charset=iso-8859-1', Buffer.from('{"id":"é"}', 'utf8'));
    await expect(things['plain']!()).resolves.toEqual({ id: 'é' });
  });

  it('a 2XX range selects any success status; its 4XX problem+json is the error body', async () => {
    reply = answer('application/json', '{"id":"r"}', 206);
    await expect(things['range']!()).resolves.toEqual({ id: 'r' });
    reply = answer('application/problem+json', '{"title":"Out of stock","status":409}', 409);
    const error = (await things['range']!().catch((e: unknown) => e)) as {
      status: number;
      body: unknown;
      message: string;
    };
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ title: 'Out of stock', status: 409 });
    expect(error.message).toContain('Out of stock');
  });

  it('default alone: a 2xx is the data, anything else an error', async () => {
    reply = answer('application/json', '{"id":"d"}', 202);
    await expect(things['fallback']!()).resolves.toEqual({ id: 'd' });
    reply = answer('application/json', '{"id":"d"}', 500);
    await expect(things['fallback']!()).rejects.toMatchObject({ status: 500 });
  });

  it('HEAD resolves without reading a body, whatever Content-Length says', async () => {
    reply = { status: 200, headers: { 'content-type': 'application/json', 'content-length': '9' } };
    await expect(things['head']!()).resolves.toBeUndefined();
    expect(server.requests.at(-1)?.method).toBe('HEAD');
  });
});
