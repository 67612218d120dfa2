/**
 * OpenAPI 3.1's way to say "raw bytes": a string with a binary `contentMediaType` and no
 * `contentEncoding` (OpenAPI 3.1.1 §4.8.14.3), the same as 3.0's `format: binary`. Such a
 * multipart part is a `Blob` in the method's types and in the typed path client's, and its bytes
 * reach a real node:http server unchanged; a textual `contentMediaType` or base64 stays a string.
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
import { json, startServer, type TestServer } from '../runtime/server.ts';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Uploads', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/uploads': {
      post: {
        operationId: 'createUpload',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['image'],
                properties: {
                  image: { type: 'string', contentMediaType: 'image/png' },
                  raw: { type: 'string', contentMediaType: 'application/octet-stream' },
                  page: { type: 'string', contentMediaType: 'text/html' },
                  encoded: {
                    type: 'string',
                    contentMediaType: 'image/png',
                    contentEncoding: 'base64',
                  },
                },
              },
              encoding: { image: { contentType: 'image/png' } },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  },
};

/** Strict tsc: the binary parts take a Blob and refuse a string; the textual ones take a string. */
const USAGE = `import { Uploads, pathsClient } from './index.js';

const uploads = new Uploads({ baseURL: 'http://127.0.0.1' });

export async function usage(): Promise<void> {
  await uploads.uploads.create({ image: new Blob([]), raw: new Blob([]), page: '<p>', encoded: 'aGk=' });
  // @ts-expect-error raw bytes are a Blob, not a string
  await uploads.uploads.create({ image: 'not bytes' });
  // @ts-expect-error base64 is text
  await uploads.uploads.create({ image: new Blob([]), encoded: new Blob([]) });
  await pathsClient(uploads).POST('/uploads', { body: { image: new Blob([]) } });
}
`;

let out: string;
let server: TestServer;

beforeAll(async () => {
  out = await tempDir('binary-media-');
  await generate({ spec: await writeSpec(SPEC), out });
  await linkNodeModules(out);
  server = await startServer(() => json(200, {}));
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

describe('a string with a binary contentMediaType', () => {
  it('is a Blob in the types, a textual or base64 one a string (strict tsc)', async () => {
    await writeFile(join(out, 'src/usage.ts'), USAGE);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);

  it('is sent as a file part whose bytes arrive unchanged', async () => {
    const { Uploads } = (await import(join(out, 'src/index.ts'))) as {
      Uploads: new (options: Record<string, unknown>) => {
        uploads: { create(params: Record<string, unknown>): Promise<unknown> };
      };
    };
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    await new Uploads({ baseURL: server.url }).uploads.create({
      image: new Blob([bytes], { type: 'image/png' }),
      page: '<p>é</p>',
    });
    const seen = server.requests.at(-1)!;
    const form = await new Response(new Uint8Array(seen.raw), {
      headers: { 'content-type': String(seen.headers['content-type']) },
    }).formData();
    const image = form.get('image');
    expect(image).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (image as Blob).arrayBuffer())).toEqual(bytes);
    expect((image as Blob).type).toBe('image/png');
    expect(form.get('page')).toBe('<p>é</p>');
  });
});
