/**
 * `format: binary` is bytes only where bytes travel as themselves: a multipart part (or each item
 * of an array part) and a raw body. Inside JSON, a form or a parameter it is text (JSON carries
 * strings only; OpenAPI 3.1.1 §4.8.24.4), so it is typed `string` in src/types.ts and
 * src/openapi.ts, as the guards check it, with a warning naming the fix (helper-116 1). A schema
 * reached both ways stays a `Blob`, with a warning naming both places.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { compile, linkNodeModules, removeTempDirs, ROOT, tempDir } from '../generator/helpers.ts';
import { FAULTS } from '../model/fixture-model.ts';

afterAll(removeTempDirs);

const SPEC = join(FAULTS, 'binary-places.yaml');

describe('a binary string', () => {
  it('is a Blob as a multipart part or a raw body, and a string in JSON and parameters', async () => {
    const dir = await tempDir('binary-places-');
    const out = join(dir, 'sdk');
    const { warnings } = await generate({ spec: SPEC, out, cwd: ROOT });
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    const upload = await readFile(join(out, 'src/resources/upload.ts'), 'utf8');

    // Bytes: a part, each item of an array part, a raw body; a schema no operation reaches stays.
    expect(types).toMatch(/export type Raw = Blob;/);
    expect(types).toMatch(/export type Orphan = Blob;/);
    expect(upload).toMatch(/file\?: Blob;/);
    expect(openapi).toMatch(/file\?: Blob;/);
    // Text: a JSON response's property, an object nested in a part (sent as JSON), a parameter.
    expect(types).toMatch(/content\?: string \| null;/);
    expect(openapi).toMatch(/content\?: string \| null;/);
    expect(upload).toMatch(/meta\?: \{ thumb\?: string \}/);
    expect(openapi).toMatch(/thumb\?: string;/);
    expect(upload).toMatch(/digest\?: string;/);
    // Both: a part of /upload and a JSON property of /notes.
    expect(types).toMatch(/export type Page = Blob;/);

    const places = warnings
      .filter((warning) => warning.key === 'schema:binary-as-text')
      .flatMap((warning) => warning.places);
    expect(places.map((place) => place.location.pointer).sort()).toEqual(
      [
        '#/components/schemas/Doc/properties/content',
        '#/components/schemas/Page',
        '#/paths/~1upload/post/parameters/0/schema',
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema/properties/meta/properties/thumb',
      ].sort(),
    );
    const page = places.find((place) => place.location.pointer === '#/components/schemas/Page')!;
    expect(page.problem).toContain(
      '#/paths/~1upload/post/requestBody/content/multipart~1form-data',
    );
    expect(page.problem).toContain('#/paths/~1notes/post/requestBody/content/application~1json');
    const content = places.find((place) => place.location.pointer?.endsWith('/content'))!;
    expect(content.problem).toContain('typed `string`');
    expect(content.hint).toContain('contentEncoding: base64');

    // The types and the guards agree: a JSON text is a Doc, a Blob is not.
    await writeFile(
      join(out, 'src/binary-check.ts'),
      [
        "import type { Doc } from './types.js';",
        "import type { components } from './openapi.js';",
        "import { BinaryPlaces } from './client.js';",
        "export const text: Doc = { name: 'a', content: 'aGVsbG8=' };",
        "export const wire: components['schemas']['Doc'] = text;",
        '// @ts-expect-error JSON holds no Blob',
        "export const blob: Doc = { name: 'a', content: new Blob(['hello']) };",
        'export const call = (sdk: BinaryPlaces) =>',
        "  sdk.upload.upload({ file: new Blob(['x']), meta: { thumb: 'aGk=' }, digest: 'ab' });",
        '',
      ].join('\n'),
    );
    await linkNodeModules(out);
    expect(compile(out)).toEqual({ status: 0, output: '' });
    const { isDoc } = (await import(join(out, 'src/guards.ts'))) as {
      isDoc: (value: unknown) => boolean;
    };
    expect(isDoc({ name: 'a', content: 'aGVsbG8=' })).toBe(true);
    expect(isDoc({ name: 'a', content: new Blob(['hello']) })).toBe(false);
  });

  it('is refused with --strict where it travels as text', async () => {
    const dir = await tempDir('binary-places-strict-');
    await expect(
      generate({ spec: SPEC, out: join(dir, 'sdk'), cwd: ROOT, strict: true }),
    ).rejects.toThrow(
      /binary-places\.yaml:\d+:\d+ #\/components\/schemas\/Doc\/properties\/content: `format: binary`/,
    );
  });
});
