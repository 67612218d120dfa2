/**
 * A `text/*` request body given as a string goes as UTF-8 (fetch encodes strings so), and says so:
 * `Content-Type: text/plain; charset=UTF-8`. Without the parameter, `text/plain` means US-ASCII
 * (RFC 2046 §4.1.2, RFC 6657), and a receiver may read `é` as two Latin-1 characters. A declared
 * charset is kept; bytes and Blobs, whose encoding the client does not know, keep the declared
 * type. Resource methods, the typed path client and the curl sample alike; a real server on
 * 127.0.0.1 reads what arrives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlSample } from '../../generator/emit/curl-sample.ts';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const post = (id: string, type: string) => ({
  post: {
    operationId: id,
    'x-sdk-method': `notes.${id}`,
    tags: ['notes'],
    requestBody: {
      required: true,
      content: { [type]: { schema: { type: 'string' }, example: 'héllo' } },
    },
    responses: { '204': { description: 'Done' } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Notes', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/plain': post('plain', 'text/plain'),
    '/csv': post('csv', 'text/csv'),
    '/declared': post('declared', 'text/plain; charset=utf-8'),
  },
};

type Send = (params: { body: unknown }) => Promise<unknown>;
let server: TestServer;
let notes: Record<'plain' | 'csv' | 'declared', Send>;
let paths: { POST(url: string, init: { body: unknown }): Promise<unknown> };
let spec: string;

beforeAll(async () => {
  spec = await writeSpec(SPEC);
  const out = join(await tempDir('notes-'), 'sdk');
  await generate({ spec, out, name: 'notes-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Notes: new (options: { baseURL: string; maxRetries: number }) => { notes: typeof notes };
    pathsClient(client: unknown): typeof paths;
  };
  const client = new exports.Notes({ baseURL: server.url, maxRetries: 0 });
  notes = client.notes;
  paths = exports.pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function sent(call: () => Promise<unknown>) {
  server.requests.length = 0;
  await call();
  const request = server.requests[0]!;
  return { type: request.headers['content-type'], bytes: request.raw.toString('hex') };
}

const UTF8 = Buffer.from('héllo').toString('hex');

describe('a text body given as a string', () => {
  it.each<['plain' | 'csv' | 'declared', string, string]>([
    ['plain', '/plain', 'text/plain; charset=UTF-8'],
    ['csv', '/csv', 'text/csv; charset=UTF-8'],
    ['declared', '/declared', 'text/plain; charset=utf-8'],
  ])('%s: UTF-8, labelled so', async (method, url, type) => {
    expect(await sent(() => notes[method]({ body: 'héllo' }))).toEqual({ type, bytes: UTF8 });
    expect(await sent(() => paths.POST(url, { body: 'héllo' }))).toEqual({ type, bytes: UTF8 });
  });

  it('bytes keep the declared type', async () => {
    const bytes = new TextEncoder().encode('héllo');
    expect(await sent(() => notes.plain({ body: bytes }))).toEqual({
      type: 'text/plain',
      bytes: UTF8,
    });
  });

  it('the curl sample says the same', async () => {
    const model = await specModel(spec);
    const operation = model.operations.find((entry) => entry.operationId === 'plain')!;
    expect(curlSample(operation, model)).toContain(
      "--header 'Content-Type: text/plain; charset=UTF-8'",
    );
  });
});
