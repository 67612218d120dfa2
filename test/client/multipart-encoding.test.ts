/**
 * `multipart/form-data` bodies as RFC 7578 and OpenAPI 3.1.1 (§4.8.14.5, the Encoding Object)
 * say: each part carries the content type its `encoding` gives, else its default (an object as
 * `application/json`, a file its own type or `application/octet-stream`, text none: RFC 7578's
 * default `text/plain`), and the headers its `encoding.headers` fix (`const`, `default`, a lone
 * `enum` value); names and file names quoted safely. A real server on 127.0.0.1 reads the body,
 * and fetch's own multipart parser agrees with it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { startServer, type SeenRequest, type TestServer } from '../runtime/server.ts';

const binary = { type: 'string', contentMediaType: 'application/octet-stream' };

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Uploads', version: '1.0.0' },
  components: {
    schemas: {
      Page: { type: 'string', contentMediaType: 'image/png' },
      Base64Png: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
      Pdf: { type: 'string', contentMediaType: 'application/pdf' },
      PdfAlias: { $ref: '#/components/schemas/Pdf' },
    },
  },
  paths: {
    '/upload': {
      post: {
        operationId: 'upload',
        'x-sdk-method': 'uploads.create',
        tags: ['uploads'],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  meta: { type: 'object', properties: { id: { type: 'integer' } } },
                  tags: { type: 'array', items: { type: 'string' } },
                  note: { type: 'string' },
                  count: { type: 'integer' },
                  file: binary,
                  image: binary,
                  doc: { type: 'object', properties: { a: { type: 'integer' } } },
                  docs: { type: 'array', items: { type: 'object' } },
                  resource: { type: 'object' },
                  // helper-128 3: no encoding entry, a contentMediaType: sent as that type.
                  scan: { type: 'string', contentMediaType: 'application/pdf' },
                  pages: { type: 'array', items: { $ref: '#/components/schemas/Page' } },
                  // helper-131 5, 6: base64 text is no PNG; a $ref chain is followed.
                  thumb: { $ref: '#/components/schemas/Base64Png' },
                  copy: { $ref: '#/components/schemas/PdfAlias' },
                },
              },
              encoding: {
                note: { contentType: 'text/markdown' },
                // helper-149: form-style keywords no part layout is defined for (a warning).
                tags: { style: 'form', explode: false },
                count: { allowReserved: true },
                doc: { contentType: 'application/xml' },
                docs: { contentType: 'text/csv' },
                resource: { contentType: 'application/vnd.api+json' },
                image: {
                  contentType: 'image/png',
                  headers: {
                    'X-Rate-Limit': { schema: { type: 'string', const: 'fast' } },
                    'X-Mode': { schema: { type: 'string', enum: ['only'] } },
                    'X-Level': { schema: { type: 'integer', default: 3 } },
                    'X-Free': { schema: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
  },
};

let server: TestServer;
let upload: (body: Record<string, unknown>) => Promise<unknown>;

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('uploads-'), 'sdk');
  await generate({ spec, out, name: 'uploads-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Uploads: new (options: Record<string, unknown>) => { uploads: { create: typeof upload } };
  };
  upload = (body) =>
    new exports.Uploads({ baseURL: server.url, maxRetries: 0 }).uploads.create(body);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** The parts of a multipart body, each with its headers (names lowercased) and body. */
function parts(request: SeenRequest): Part[] {
  const type = String(request.headers['content-type']);
  const boundary = /^multipart\/form-data; boundary=([^;]+)$/.exec(type)?.[1];
  if (boundary === undefined) throw new Error(`not multipart: ${type}`);
  const text = request.raw.toString('latin1');
  expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = '', ...rest] = chunk.slice(2, -2).split('\r\n\r\n');
      const headers = Object.fromEntries(
        head.split('\r\n').map((line) => {
          const at = line.indexOf(': ');
          return [line.slice(0, at).toLowerCase(), line.slice(at + 2)];
        }),
      );
      return { headers, body: rest.join('\r\n\r\n') };
    });
}

async function sent(body: Record<string, unknown>): Promise<SeenRequest> {
  server.requests.length = 0;
  await upload(body);
  const request = server.requests[0];
  if (request === undefined) throw new Error('nothing sent');
  return request;
}

describe('a multipart/form-data body', () => {
  it('gives each part the content type and headers its encoding says', async () => {
    const request = await sent({
      meta: { id: 7 },
      tags: ['a', 'b'],
      note: '# Title',
      count: 3,
      file: new File(['%PDF-1'], 'report.pdf', { type: 'application/pdf' }),
      image: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]),
    });
    expect(parts(request)).toEqual([
      {
        headers: {
          'content-disposition': 'form-data; name="meta"',
          'content-type': 'application/json',
        },
        body: '{"id":7}',
      },
      { headers: { 'content-disposition': 'form-data; name="tags"' }, body: 'a' },
      { headers: { 'content-disposition': 'form-data; name="tags"' }, body: 'b' },
      {
        headers: {
          'content-disposition': 'form-data; name="note"',
          'content-type': 'text/markdown',
        },
        body: '# Title',
      },
      { headers: { 'content-disposition': 'form-data; name="count"' }, body: '3' },
      {
        headers: {
          'content-disposition': 'form-data; name="file"; filename="report.pdf"',
          'content-type': 'application/pdf',
        },
        body: '%PDF-1',
      },
      {
        headers: {
          'content-disposition': 'form-data; name="image"; filename="blob"',
          'content-type': 'image/png',
          'x-rate-limit': 'fast',
          'x-mode': 'only',
          'x-level': '3',
        },
        body: '\x89PNG',
      },
    ]);
  });

  it('without an encoding entry, sends a part as its schema’s contentMediaType (helper-128 3)', async () => {
    const request = await sent({
      scan: new Blob(['%PDF-1']),
      pages: [new Blob(['a']), new File(['b'], 'b.bin', { type: 'application/octet-stream' })],
      // contentMediaType: application/octet-stream says only "bytes": the file's own type stays.
      file: new File(['%PDF-1'], 'r.pdf', { type: 'application/pdf' }),
      thumb: 'iVBORw0KGgo=',
      copy: new Blob(['%PDF-1']),
    });
    expect(parts(request).map((part) => part.headers['content-type'])).toEqual([
      'application/pdf',
      'image/png',
      'image/png',
      'application/pdf',
      // Text: RFC 7578's default text/plain, no header.
      undefined,
      'application/pdf',
    ]);
  });

  it('is read back the same by fetch’s own multipart parser, bytes and all', async () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    const request = await sent({ note: 'é ✓', image: new Blob([bytes]) });
    const form = await new Response(new Uint8Array(request.raw), {
      headers: { 'content-type': String(request.headers['content-type']) },
    }).formData();
    expect(form.get('note')).toBe('é ✓');
    const image = form.get('image') as File;
    expect(image.type).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
  });

  it('quotes names and file names safely (", CR and LF percent-encoded, as browsers do)', async () => {
    const request = await sent({
      'na"me\r\nX-Evil: 1': 'v',
      file: new File(['x'], 'a"b\r\n.txt', { type: 'text/plain' }),
    });
    expect(parts(request).map((part) => part.headers['content-disposition'])).toEqual([
      'form-data; name="na%22me%0D%0AX-Evil: 1"',
      'form-data; name="file"; filename="a%22b%0D%0A.txt"',
    ]);
  });

  it('never labels JSON text with a declared type that is not JSON (XML, CSV): it is application/json', async () => {
    const request = await sent({ doc: { a: 1 }, docs: [{ b: 2 }], resource: { c: 3 } });
    expect(parts(request).map((part) => [part.headers['content-type'], part.body])).toEqual([
      ['application/json', '{"a":1}'],
      ['application/json', '{"b":2}'],
      ['application/vnd.api+json', '{"c":3}'],
    ]);
  });

  it('and the generator says so at each such part, with the fix', async () => {
    const warnings = (await specModel(await writeSpec(SPEC))).warnings.filter(
      (w) => w.key === 'multipart:part-content-type',
    );
    expect(
      warnings.flatMap((w) => w.places.map((place) => [place.location.pointer, place.problem])),
    ).toEqual([
      [
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/doc/contentType',
        'the part "doc" is an object, which the SDK sends as JSON text, but its `contentType` is application/xml: the SDK cannot write that, so it sends the part as `application/json`',
      ],
      [
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/docs/contentType',
        'the part "docs" is an object, which the SDK sends as JSON text, but its `contentType` is text/csv: the SDK cannot write that, so it sends the part as `application/json`',
      ],
    ]);
    expect(warnings[0]!.hint).toMatch(/declare `contentType: application\/json`/);
  });

  it('a FormData the caller built is sent as it is', async () => {
    const form = new FormData();
    form.append('note', 'own');
    const request = await sent(form as unknown as Record<string, unknown>);
    expect(parts(request)).toEqual([
      { headers: { 'content-disposition': 'form-data; name="note"' }, body: 'own' },
    ]);
  });
});

describe('style, explode and allowReserved on a part', () => {
  it('are a warning at each part: 3.1.1 applies them to multipart but defines no layout; parts go as any other', async () => {
    const warnings = (await specModel(await writeSpec(SPEC))).warnings.filter(
      (w) => w.key === 'multipart:encoding-style',
    );
    expect(
      warnings.flatMap((w) => w.places.map((place) => [place.location.pointer, place.problem])),
    ).toEqual([
      [
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/tags',
        'the part "tags" sets `style`, `explode`, which OpenAPI 3.1.1 (§4.8.15) also applies to multipart/form-data without saying how they lay out parts: the SDK sends the part as it sends any other (a list as one part per item, an object as JSON text) and leaves them out',
      ],
      [
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/count',
        'the part "count" sets `allowReserved`, which OpenAPI 3.1.1 (§4.8.15) also applies to multipart/form-data without saying how they lay out parts: the SDK sends the part as it sends any other (a list as one part per item, an object as JSON text) and leaves them out',
      ],
    ]);
    expect(warnings[0]!.hint).toMatch(/application\/x-www-form-urlencoded/);
    const request = await sent({ tags: ['a', 'b'] });
    expect(parts(request).map((part) => part.body)).toEqual(['a', 'b']);
  });
});

describe('encoding headers the client cannot fill', () => {
  it('are a warning naming the header and where it is declared', async () => {
    const model = await specModel(await writeSpec(SPEC));
    const warning = model.warnings.find((entry) => entry.message.includes('X-Free'));
    expect(warning?.location).toMatchObject({
      pointer:
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/image/headers/X-Free',
    });
  });
});
