/**
 * Swagger 2 and JSON Schema draft 4 leftovers public specs have, which other generators tolerate
 * (test/fixtures/faults/sloppy.yaml): `type: file`, an unknown or capitalised type name,
 * `nullable: 'true'`, numbers written as strings, `items` as a list, `required: true` on a
 * property, a `type` that is no type name, an operationId used twice. Each generates with a warning naming the file, the place
 * (line) and the fix, into the most honest type; the package compiles; `--strict` refuses it.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { compile, linkNodeModules, removeTempDirs, tempDir } from '../generator/helpers.ts';
import { importModules } from '../guards/compile.ts';
import { specPackage, diagnostics } from './package.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/sloppy.yaml');
const UPLOAD = '#/components/schemas/Upload/properties';
afterAll(removeTempDirs);

describe('a sloppy spec', () => {
  it('generates, with a warning per kind of slip at its line, and the package compiles', async () => {
    const out = join(await tempDir('sloppy-'), 'sdk');
    const { warnings } = await generate({ spec: SPEC, out });
    const text = await readFile(SPEC, 'utf8');
    const lines = text.split('\n');
    // The line of the first `needle` after the line with `after`.
    const lineOf = (needle: string, after = '') => {
      const start = lines.findIndex((l) => l.includes(after));
      return lines.findIndex((l, i) => i > start && l.includes(needle)) + 1;
    };
    expect(warnings.map((w) => [w.key, w.location.pointer, w.location.line, w.more])).toEqual([
      [
        'sloppy:type-file',
        '#/paths/~1uploads/post/requestBody/content/multipart~1form-data/schema/properties/file/type',
        lineOf('type: file'),
        0,
      ],
      [
        'sloppy:quoted-number',
        '#/paths/~1uploads~1{id}/get/parameters/0/schema/maxLength',
        lineOf("maxLength: '10'"),
        1,
      ],
      [
        'sloppy:required-boolean',
        `${UPLOAD}/name/required`,
        lineOf('required: true', '        name:'),
        0,
      ],
      ['sloppy:type-unknown', `${UPLOAD}/meta/type`, lineOf('type: any'), 0],
      ['sloppy:quoted-boolean', `${UPLOAD}/note/nullable`, lineOf("nullable: 'true'"), 0],
      ['sloppy:items-list', `${UPLOAD}/point/items`, lineOf('- type: number', '        point:'), 0],
      ['sloppy:type-case', `${UPLOAD}/kind/type`, lineOf('type: String'), 0],
      [
        'sloppy:type-not-a-name',
        `${UPLOAD}/status/type`,
        lineOf('type: string', '        status:'),
        0,
      ],
      [
        'operation:repeated-id',
        '#/paths/~1uploads~1{id}/get/operationId',
        text.split('\n').lastIndexOf('      operationId: upload') + 1,
        0,
      ],
    ]);
    for (const w of warnings) expect(w.location.file).toBe('test/fixtures/faults/sloppy.yaml');
    const hints = Object.fromEntries(warnings.map((w) => [w.key, [w.problem, w.hint]]));
    expect(hints['sloppy:type-file']).toEqual([
      '`type: file` is Swagger 2, not OpenAPI 3: read as `type: string, format: binary` (bytes, a Blob)',
      'write `type: string` and `format: binary`',
    ]);
    expect(hints['sloppy:quoted-number']![0]).toBe(
      '"maxLength" is the string "10", not a number: read as 10',
    );
    expect(hints['sloppy:required-boolean']![0]).toContain('it is ignored');
    expect(hints['sloppy:required-boolean']![1]).toContain(
      "parent's `required` array (`required: [name]`)",
    );
    expect(hints['sloppy:type-unknown']![0]).toContain('"any" is not a JSON Schema type');
    expect(hints['sloppy:quoted-boolean']).toEqual([
      '"nullable" is the string "true", not a boolean: read as true',
      'write `nullable: true` without quotes',
    ]);
    expect(hints['sloppy:items-list']![0]).toContain('read as `prefixItems`');
    expect(hints['sloppy:type-not-a-name']![0]).toBe(
      '"type" is {"type":"string","enum":["open","closed"]}, not a JSON Schema type name: it is left out, so the value may be anything (`unknown`)',
    );
    expect(hints['operation:repeated-id']![0]).toContain(
      'operationId "upload" is used twice: by #/paths/~1uploads/post and here; this operation\'s is read as "upload3"',
    );
    // No dialect warning for a prefixItems the user did not write.
    expect(warnings.some((w) => w.key.startsWith('dialect:'))).toBe(false);

    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(
      /size\?: number;\s+name\?: string;\s+meta\?: unknown;\s+note\?: string \| null;\s+point\?: \[number\?, string\?, \.\.\.unknown\[\]\];\s+kind\?: string;\s+status\?: unknown;/,
    );
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    expect(openapi).toMatch(/file\?: Blob;/);
    // operationIds stay unique: openapi-typescript's `operations` keys and the SDK's methods.
    expect(openapi.match(/^ {2}upload\d*: \{/gm)).toEqual([
      '  upload: {',
      '  upload3: {',
      '  upload2: {',
    ]);
    const client = await readFile(join(out, 'src/resources/uploads.ts'), 'utf8');
    expect(client).toContain('upload3(id: string');
    // The guards read the quoted minimum: a size below 0 is refused.
    const guards = await readFile(join(out, 'src/guards.ts'), 'utf8');
    expect(guards).toContain('if (size < 0) return false;');
    await linkNodeModules(out);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('is refused with --strict, at the first slip, naming the place and the fix', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('sloppy-strict-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(location.pointer).toBe(
      '#/paths/~1uploads/post/requestBody/content/multipart~1form-data/schema/properties/file/type',
    );
    expect(message).toContain('`type: file` is Swagger 2');
    expect(message).toContain('--strict');
    expect(hint).toBe('write `type: string` and `format: binary`');
  });

  it('an unknown type name gets the type it most likely means, misspelt or from another language', async () => {
    const names = ['strng', 'integr', 'Boolen', 'double', 'long', 'datetime', 'any', 'quux'];
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: Object.fromEntries(names.map((name, i) => [`S${i}`, { type: name }])),
      },
    });
    const fixes = pkg.model.warnings
      .filter((w) => w.key === 'sloppy:type-unknown')
      .flatMap((w) => w.places.map((place) => [place.location.pointer, place.hint]));
    const fix = (rest: string) =>
      `${rest}write one of null, boolean, object, array, number, integer, string (or a list of them), or remove \`type\` to allow any value`;
    expect(fixes).toEqual([
      ['#/components/schemas/S0/type', fix('did you mean `type: string`? ')],
      ['#/components/schemas/S1/type', fix('did you mean `type: integer`? ')],
      ['#/components/schemas/S2/type', fix('did you mean `type: boolean`? ')],
      ['#/components/schemas/S3/type', fix('did you mean `type: number` with `format: double`? ')],
      ['#/components/schemas/S4/type', fix('did you mean `type: integer` with `format: int64`? ')],
      [
        '#/components/schemas/S5/type',
        fix('did you mean `type: string` with `format: date-time`? '),
      ],
      ['#/components/schemas/S6/type', fix('')],
      ['#/components/schemas/S7/type', fix('')],
    ]);
    // Still read as any value: a guess is offered, never applied.
    expect(pkg.model.schemas.map((schema) => schema.node.kind)).toEqual(names.map(() => 'any'));
  });

  it('a null where a schema belongs (YAML `schema:` with nothing after it) reads as any value, with a warning per place', async () => {
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/items/{id}': {
          post: {
            operationId: 'createItem',
            parameters: [{ name: 'id', in: 'path', required: true, schema: null }],
            requestBody: { content: { 'application/json': { schema: null } } },
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Item: {
            type: 'object',
            properties: { a: null, b: { type: 'array', items: null }, c: { allOf: [null] } },
          },
          Loose: null,
        },
      },
    });
    const [warning, ...others] = pkg.model.warnings;
    expect(others).toEqual([]);
    expect(warning?.key).toBe('sloppy:null-schema');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items~1{id}/post/parameters/0/schema',
      '#/paths/~1items~1{id}/post/requestBody/content/application~1json/schema',
      '#/components/schemas/Item/properties/a',
      '#/components/schemas/Item/properties/b/items',
      '#/components/schemas/Item/properties/c/allOf/0',
      '#/components/schemas/Loose',
    ]);
    expect(warning?.hint).toContain('in YAML a key with nothing after it (`schema:`) is null');
    const types = pkg.files.get('src/types.ts')!;
    expect(types).toMatch(/a\?: unknown;\s+b\?: unknown\[\];\s+c\?: unknown;/);
    expect(types).toMatch(/export type Loose = unknown;/);
    // The package ships the spec as read: `{}` where the null was.
    const bundled = JSON.parse(pkg.files.get('openapi.json')!) as {
      components: { schemas: Record<string, unknown> };
    };
    expect(bundled.components.schemas.Loose).toEqual({});
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('a 3.1 boolean exclusiveMinimum generates with a warning, as an exclusive bound', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: { Size: { type: 'number', minimum: 0, exclusiveMinimum: true } },
      },
    });
    const [warning] = pkg.model.warnings;
    expect(warning?.location.pointer).toBe('#/components/schemas/Size/exclusiveMinimum');
    expect(warning?.problem).toContain('a boolean as "exclusiveMinimum"');
    expect(pkg.model.schemas[0]?.node).toMatchObject({ minimum: { value: 0, exclusive: true } });
    expect(diagnostics(pkg)).toEqual([]);
  });
  it('a `pattern` that is no string (`pattern: 0`, api.video) is ignored with a warning, not refused', async () => {
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: {
          Thumbnail: {
            type: 'object',
            properties: {
              timecode: { type: 'string', pattern: 0 },
              code: { type: 'string', pattern: null },
              tag: { type: 'string', pattern: { regex: 'x' } },
            },
          },
        },
      },
    });
    expect(
      pkg.model.warnings
        .filter((w) => w.key.startsWith('sloppy:'))
        .flatMap((w) => w.places.map((place) => [w.key, place.location.pointer, place.problem])),
    ).toEqual([
      [
        'sloppy:pattern-not-string',
        '#/components/schemas/Thumbnail/properties/timecode/pattern',
        '"pattern" is the number 0, not a regular expression string: ignored, the string may hold any text',
      ],
      [
        'sloppy:pattern-not-string',
        '#/components/schemas/Thumbnail/properties/code/pattern',
        '"pattern" is null, not a regular expression string: ignored, the string may hold any text',
      ],
      [
        'sloppy:pattern-not-string',
        '#/components/schemas/Thumbnail/properties/tag/pattern',
        '"pattern" is an object, not a regular expression string: ignored, the string may hold any text',
      ],
    ]);
    expect(pkg.model.warnings[0]?.hint).toBe(
      "write `pattern: '0'` if that text is the regular expression meant, or remove `pattern`",
    );
    expect(diagnostics(pkg)).toEqual([]);
    const guards = await importModules({
      'guards.ts': pkg.files.get('src/guards.ts') ?? '',
      'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
    });
    expect(guards.isThumbnail!({ timecode: '124', code: 'a', tag: 'b' })).toBe(true);
    expect(guards.isThumbnail!({ timecode: 124 })).toBe(false);
  });
});
