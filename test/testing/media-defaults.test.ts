/**
 * The testing kit's default answer for every success media kind the client reads
 * (model/media-types.ts): the smallest value the schema allows, as the method returns it, with
 * `fixtures` typed as the method's result. Text is `''`, a binary body is empty, a form or multipart body has no fields, an event stream has no
 * events; `*`/`*` answers JSON. The kit's replies of each kind reach the client intact too.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import {
  compile,
  linkNodeModules,
  removeTempDirs,
  tempDir,
  writeSpec,
} from '../generator/helpers.ts';

const get = (method: string, content: Record<string, unknown>) => ({
  get: {
    operationId: method.replace('.', '_'),
    'x-sdk-method': method,
    tags: [method.split('.')[0]],
    responses: { '200': { description: 'OK', content } },
  },
});
const body = (mediaType: string, schema: unknown) => ({ [mediaType]: { schema } });

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Media', version: '1.0.0' },
  paths: {
    '/text': get('media.text', body('text/plain', { type: 'string' })),
    '/xml': get('media.xml', body('application/xml', { type: 'string' })),
    '/binary': get(
      'media.binary',
      body('application/octet-stream', { type: 'string', format: 'binary' }),
    ),
    '/image': get('media.image', body('image/png', {})),
    '/form': get(
      'media.form',
      body('application/x-www-form-urlencoded', {
        type: 'object',
        required: ['grant'],
        properties: { grant: { type: 'string', enum: ['code'] }, scope: { type: 'string' } },
      }),
    ),
    '/parts': get('media.parts', body('multipart/form-data', { type: 'object' })),
    '/events': get('media.events', body('text/event-stream', { type: 'string' })),
    '/anything': get(
      'media.anything',
      body('*/*', { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } }),
    ),
  },
};

type Methods = Record<string, () => Promise<unknown>>;
interface Kit {
  createMock(options: { baseURL: string }): {
    handlers: RequestHandler[];
    media: Record<string, { reply(body: unknown): void }>;
  };
  fixtures: { media: Record<string, unknown> };
}

let out: string;
let kit: Kit;
let client: { media: Methods };
const baseURL = 'http://media.test';

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  out = join(await tempDir('kit-media-'), 'sdk');
  await generate({ spec, out, name: 'media-sdk' });
  await linkNodeModules(out);
  kit = (await import(join(out, 'src/testing/index.ts'))) as Kit;
  const { Media } = (await import(join(out, 'src/client.ts'))) as {
    Media: new (options: { baseURL: string; maxRetries: number }) => { media: Methods };
  };
  client = new Media({ baseURL, maxRetries: 0 });
}, 120_000);
afterAll(removeTempDirs);

async function withMock<T>(use: (mock: ReturnType<Kit['createMock']>) => Promise<T>): Promise<T> {
  const mock = kit.createMock({ baseURL });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await use(mock);
  } finally {
    server.close();
  }
}

describe('the default answer of each media kind', () => {
  it('is the smallest value the schema allows, as the method returns it', async () => {
    await withMock(async () => {
      const { media } = client;
      expect(await media['text']!()).toBe('');
      expect(await media['xml']!()).toBe('');
      for (const name of ['binary', 'image']) {
        const blob = await media[name]!();
        expect(blob).toBeInstanceOf(Blob);
        expect((blob as Blob).size).toBe(0);
      }
      const form = await media['form']!();
      expect(form).toBeInstanceOf(URLSearchParams);
      expect(String(form)).toBe('');
      const parts = await media['parts']!();
      expect(parts).toBeInstanceOf(FormData);
      expect([...(parts as FormData).keys()]).toEqual([]);
      const events: unknown[] = [];
      for await (const event of (await media['events']!()) as AsyncIterable<unknown>)
        events.push(event);
      expect(events).toEqual([]);
      expect(await media['anything']!()).toEqual({ ok: false });
    });
  });

  it('is what `fixtures` holds, a fresh copy each time', () => {
    const { media } = kit.fixtures;
    expect(media['text']).toBe('');
    expect(media['binary']).toBeInstanceOf(Blob);
    expect((media['binary'] as Blob).size).toBe(0);
    expect((media['binary'] as Blob).type).toBe('application/octet-stream');
    expect(String(media['form'])).toBe('');
    expect(media['form']).not.toBe(media['form']);
    expect(media['parts']).toBeInstanceOf(FormData);
    expect(media['events']).toBe('');
    expect(media['anything']).toEqual({ ok: false });
  });

  it(
    'types each fixture as its method resolves (the stream as its text)',
    { timeout: 300_000 },
    async () => {
      await writeFile(
        join(out, 'src/kit-types.ts'),
        `import { Media } from './client.js';
import { fixtures } from './testing/index.js';
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Result<K extends keyof Media['media']> = Awaited<ReturnType<Media['media'][K]>>;
export const checks: [
  Same<typeof fixtures.media.text, Result<'text'>>,
  Same<typeof fixtures.media.xml, Result<'xml'>>,
  Same<typeof fixtures.media.binary, Result<'binary'>>,
  Same<typeof fixtures.media.image, Result<'image'>>,
  Same<typeof fixtures.media.form, Result<'form'>>,
  Same<typeof fixtures.media.parts, Result<'parts'>>,
  Same<typeof fixtures.media.events, string>,
  Same<typeof fixtures.media.anything, Result<'anything'>>,
] = [true, true, true, true, true, true, true, true];
`,
      );
      const result = compile(out);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    },
  );
});

describe('replies of each media kind', () => {
  it('reach the client as given', async () => {
    await withMock(async (mock) => {
      const { media } = client;
      mock.media['text']!.reply('hello');
      expect(await media['text']!()).toBe('hello');
      mock.media['binary']!.reply(new Blob([new Uint8Array([1, 2, 3])]));
      const blob = (await media['binary']!()) as Blob;
      expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
      mock.media['form']!.reply(new URLSearchParams({ grant: 'code', scope: 'a b' }));
      expect(((await media['form']!()) as URLSearchParams).get('scope')).toBe('a b');
      const parts = new FormData();
      parts.set('name', 'value');
      mock.media['parts']!.reply(parts);
      expect(((await media['parts']!()) as FormData).get('name')).toBe('value');
      mock.media['events']!.reply('data: one\n\n');
      const events: { data: string }[] = [];
      for await (const event of (await media['events']!()) as AsyncIterable<{ data: string }>)
        events.push(event);
      expect(events.map((event) => event.data)).toEqual(['one']);
    });
  });
});
