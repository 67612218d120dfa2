/**
 * Request bodies under a media range (`image/*`, `application/*`, `*`/`*`): the Content-Type
 * sent is a type inside the range, never the range itself and never one outside it (RFC 9110
 * §8.3.1); bytes of no known type go without one (§8.3); a value the range holds no type for is
 * refused before sending. The resource methods and the typed path client agree (helper-117 F7).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import {
  compile,
  linkNodeModules,
  removeTempDirs,
  tempDir,
  writeSpec,
} from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const upload = (id: string, type: string) => ({
  post: {
    operationId: id,
    'x-sdk-method': `uploads.${id}`,
    tags: ['uploads'],
    requestBody: { required: true, content: { [type]: { schema: {} } } },
    responses: { '204': { description: 'Stored.' } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Ranges', version: '1.0.0' },
  paths: {
    '/image': upload('image', 'image/*'),
    '/app': upload('app', 'application/*'),
    '/any': upload('any', '*/*'),
  },
};

type Send = (params: { body: unknown }) => Promise<unknown>;
let out: string;
let server: TestServer;
let uploads: Record<'image' | 'app' | 'any', Send>;
let paths: { POST(url: string, init: { body: unknown }): Promise<unknown> };

beforeAll(async () => {
  out = join(await tempDir('ranges-'), 'sdk');
  await generate({ spec: await writeSpec(SPEC), out, name: 'ranges-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Ranges: new (options: Record<string, unknown>) => { uploads: typeof uploads };
    pathsClient(client: unknown): typeof paths;
  };
  const client = new exports.Ranges({ baseURL: server.url, maxRetries: 0 });
  uploads = client.uploads;
  paths = exports.pathsClient(client);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

/** The Content-Type each client sends for `body` to `/<id>`, or the error it refuses it with. */
async function sent(id: 'image' | 'app' | 'any', body: unknown): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const send of [() => uploads[id]({ body }), () => paths.POST(`/${id}`, { body })]) {
    server.requests.length = 0;
    try {
      await send();
      results.push(server.requests[0]?.headers['content-type'] ?? 'none');
    } catch (error) {
      expect(server.requests).toHaveLength(0);
      // The generated package's own SDKError (another module than the templates').
      results.push(
        error instanceof Error && error.constructor.name === 'SDKError'
          ? `refused: ${error.message}`
          : error,
      );
    }
  }
  return results;
}

describe('a request body under a media range', () => {
  it('a Blob goes with its own type when the range holds it, and is refused when it does not', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' });
    expect(await sent('image', png)).toEqual(['image/png', 'image/png']);
    const text = new Blob(['x'], { type: 'text/plain' });
    for (const result of await sent('image', text))
      expect(result).toMatch(/^refused: Cannot send a Blob of type text\/plain as image\/\*/);
  });

  it('bytes of no known type go without a Content-Type, never the range', async () => {
    expect(await sent('image', new Uint8Array([1, 2]))).toEqual(['none', 'none']);
    expect(await sent('image', new Blob([new Uint8Array([1])]))).toEqual(['none', 'none']);
  });

  it('text goes as text/plain where the range holds it, and is refused where it does not', async () => {
    expect(await sent('any', 'hello')).toEqual([
      'text/plain;charset=UTF-8',
      'text/plain;charset=UTF-8',
    ]);
    for (const id of ['image', 'app'] as const)
      for (const result of await sent(id, 'hello'))
        expect(result).toMatch(
          /^refused: Cannot send a string body as (image|application)\/\*: no text type is in that range/,
        );
  });

  it('a JSON value goes as application/json where the range holds it', async () => {
    expect(await sent('app', { a: 'x' })).toEqual(['application/json', 'application/json']);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ a: 'x' });
    for (const result of await sent('image', { a: 'x' }))
      expect(result).toMatch(/^refused: Cannot send a object body as image\/\*/);
  });

  it('takes a string in its type only where the range holds text (strict tsc)', async () => {
    await writeFile(
      join(out, 'src/usage.ts'),
      [
        "import { Ranges } from './index.js';",
        "const client = new Ranges({ baseURL: 'http://127.0.0.1' });",
        'export async function usage(): Promise<void> {',
        "  await client.uploads.any({ body: 'text' });",
        "  await client.uploads.image({ body: new Blob([], { type: 'image/png' }) });",
        '  // @ts-expect-error no text type is in image/*',
        "  await client.uploads.image({ body: 'text' });",
        '  // @ts-expect-error no text type is in application/*',
        "  await client.uploads.app({ body: 'text' });",
        '}',
        '',
      ].join('\n'),
    );
    expect(compile(out)).toEqual({ status: 0, output: '' });
  }, 180_000);
});
