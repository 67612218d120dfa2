/**
 * Keywords the generator does not honour never stop generation (issue 10, item 13): each is one
 * warning, at its first place, with how many other places have it; `--strict` makes the first one
 * an error. `unevaluatedProperties` is modelled, `$dynamicRef` and `$recursiveRef` are references.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { generate } from '../../generator/index.ts';
import { main } from '../../generator/cli.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { fixtureModel } from './fixture-model.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/keywords.yaml');
afterAll(removeTempDirs);

describe('keywords the generator ignores', () => {
  it('are warnings, once per keyword, at the first place', async () => {
    const model = await fixtureModel('keywords.yaml');
    const byKey = new Map(model.warnings.map((w) => [w.key, w]));
    expect([...byKey.keys()].sort()).toEqual(
      ['keyword:$schema', 'keyword:id', 'keyword:min_items'].sort(),
    );
    const typo = byKey.get('keyword:min_items')!;
    expect(typo.location.pointer).toBe('#/components/schemas/Legacy/properties/tags/min_items');
    expect(typo.more).toBe(1);
    expect(typo.message).toContain('(and 1 more place)');
    expect(typo.hint).toContain('did you mean "minItems"?');
    expect(byKey.get('keyword:id')!.hint).toContain('"$id"');
    expect(byKey.get('keyword:id')!.problem).toContain('draft-04');
    expect(byKey.get('keyword:$schema')!.location).toEqual({
      file: expect.stringContaining('keywords.yaml'),
      pointer: '#/components/schemas/Tree/$schema',
    });
    // $comment is an annotation like description: nothing to warn about. $anchor and
    // $dynamicAnchor are read: refs name schemas through them (helper-116 13: the warning said
    // "ignored" and told authors to remove them).
    expect(byKey.has('keyword:$comment')).toBe(false);
    expect(model.warnings.filter((w) => /anchor/i.test(w.key))).toEqual([]);
    // $id is read too: refs resolve against it (load/schema-ids.ts), so it is no "ignored" keyword.
    expect(byKey.has('keyword:$id')).toBe(false);
  });

  it('do not stop generation, and are returned by generate()', async () => {
    const out = join(await tempDir('keywords-'), 'sdk');
    const result = await generate({ spec: SPEC, out, cache: false });
    expect(result.files).toContain('src/types.ts');
    expect(result.warnings.map((w) => w.key)).toContain('keyword:min_items');
  });

  it('are errors with --strict, naming the place and the fix', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('strict-'), 'sdk'),
      strict: true,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(location.pointer).toBe('#/components/schemas/Tree/$schema');
    expect(message).toContain('--strict');
    expect(hint).toMatch(/remove \$schema/);
  });

  it('the CLI prints them, and exits 1 with --strict', async () => {
    const out = join(await tempDir('cli-'), 'sdk');
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => (written.push(String(chunk)), true);
    try {
      expect(await main(['--spec', SPEC, '--out', out, '--no-cache'])).toBe(0);
      expect(written.join('')).toMatch(
        /warning: .*keywords\.yaml:42:22 #\/components\/schemas\/Legacy\/properties\/tags\/min_items: unknown schema keyword "min_items"/,
      );
      written.length = 0;
      expect(await main(['--spec', SPEC, '--out', out, '--strict'])).toBe(1);
      expect(written.join('')).toMatch(/error: .*\$schema.*--strict/);
    } finally {
      process.stderr.write = write;
    }
  });
});

describe('enum and const values JavaScript cannot hold exactly', () => {
  it('are a warning at the first place, with the number read and the fix', async () => {
    const spec = join(await tempDir('unsafe-'), 'openapi.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.1.0',
        "info: { title: Big, version: '1.0.0' }",
        'paths: {}',
        'components:',
        '  schemas:',
        '    Id: { type: integer, enum: [1, 9007199254740993] }',
        '    Pinned: { const: { id: -18014398509481985 } }',
        '    Fine: { type: integer, enum: [9007199254740991, -9007199254740991, 1.5e300] }',
        // helper-129 8: the docs showed 9007199254740992 as the default, with no word.
        '    Limit: { type: integer, default: 9007199254740993 }',
        // helper-133: every unsafe value named, and the bounds the guards compare with.
        '    Ids: { type: integer, enum: [9007199254740993, 2, 9007199254740995, 9007199254740997, 9007199254740999] }',
        '    Floor: { type: integer, minimum: 9007199254740993, exclusiveMaximum: -9007199254740993 }',
        '',
      ].join('\n'),
    );
    const ctx = resolveContext({ spec });
    const model = await buildModel(await loadAndBundle(ctx), ctx);
    const unsafe = model.warnings.filter((w) => w.key === 'number:unsafe-integer');
    expect(unsafe.map((w) => w.message)).toHaveLength(1);
    expect(unsafe[0]!.location.pointer).toBe('#/components/schemas/Id/enum');
    expect(unsafe[0]!.problem).toMatch(/enum value 9007199254740992 is beyond/);
    expect(unsafe[0]!.more).toBe(5);
    expect(unsafe[0]!.places.map((place) => place.location.pointer)).toEqual([
      '#/components/schemas/Id/enum',
      '#/components/schemas/Pinned/const',
      '#/components/schemas/Limit/default',
      '#/components/schemas/Ids/enum',
      '#/components/schemas/Floor/minimum',
      '#/components/schemas/Floor/exclusiveMaximum',
    ]);
    expect(unsafe[0]!.places[2]!.problem).toMatch(/^the default value 9007199254740992 is beyond/);
    expect(unsafe[0]!.places[3]!.problem).toMatch(
      /^the enum values 9007199254740992, 9007199254740996, 9007199254741000 are beyond .* compare with these$/,
    );
    expect(unsafe[0]!.places[4]!.problem).toMatch(/^the minimum value 9007199254740992 is beyond/);
    expect(unsafe[0]!.hint).toMatch(/as strings/);
  });
});

describe('keywords the model supports', () => {
  it('$dynamicRef to a $dynamicAnchor and $recursiveRef to # are references to the schema they name', async () => {
    const model = await fixtureModel('keywords.yaml');
    const tree = model.schemas.find((s) => s.name === 'Tree')!.node;
    const outline = model.schemas.find((s) => s.name === 'Outline')!.node;
    expect(tree).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'label' },
        { name: 'children', node: { kind: 'array', items: { kind: 'ref', target: 'Tree' } } },
      ],
    });
    expect(outline).toMatchObject({
      properties: [
        { name: 'title' },
        { name: 'sections', node: { kind: 'array', items: { kind: 'ref', target: 'Outline' } } },
      ],
    });
  });

  it('unevaluatedProperties, with the properties its allOf members evaluate', async () => {
    const model = await fixtureModel('keywords.yaml');
    const closed = model.schemas.find((s) => s.name === 'Closed')!.node;
    expect(closed.kind).toBe('allOf');
    const own =
      closed.kind === 'allOf' ? closed.members.find((m) => m.kind === 'object') : undefined;
    expect(own).toMatchObject({
      kind: 'object',
      unevaluatedProperties: { kind: 'never' },
      evaluated: { names: ['title', 'sections', 'extra'], patterns: [] },
    });
  });
});

describe('keywords of the other OpenAPI version than the document declares', () => {
  it('3.1 forms in a 3.0 document: a warning each, once, with the 3.0 form or openapi: 3.1.0', async () => {
    const model = await fixtureModel('dialect-30.yaml');
    const dialect = model.warnings.filter((w) => w.key.startsWith('dialect:'));
    expect(
      dialect.map((w) => [w.location.pointer, w.more]),
      'each keyword once, at its first place',
    ).toEqual([
      ['#/components/schemas/Kind/const', 1],
      ['#/components/schemas/Count/exclusiveMinimum', 0],
      ['#/components/schemas/Name/type', 0],
      ['#/components/schemas/Pair/prefixItems', 0],
      ['#/components/schemas/Labels/patternProperties', 0],
      ['#/components/schemas/Sample/examples', 0],
      ['#/components/schemas/Shipping/if', 0],
      ['#/components/schemas/Shipping/then', 0],
      ['#/components/schemas/Shipping/dependentRequired', 0],
      ['#/components/schemas/Tags/contains', 0],
      ['#/components/schemas/Identified/$id', 0],
    ]);
    for (const w of dialect) {
      expect(w.problem).toMatch(/is OpenAPI 3\.1, but the document declares OpenAPI 3\.0/);
      expect(w.hint).toMatch(/or declare `openapi: 3\.1\.0`$/);
    }
    expect(dialect[0]!.hint).toBe('write `enum: [<the value>]`, or declare `openapi: 3.1.0`');
    expect(dialect[1]!.hint).toContain('`minimum: 0` and `exclusiveMinimum: true`');
    // Honoured all the same: the const is a literal type.
    expect(model.schemas.find((s) => s.name === 'Kind')?.node).toMatchObject({
      kind: 'enum',
      values: ['plan'],
    });
  });

  it('3.0 forms in a 3.1 document: a warning each, with the 3.1 form', async () => {
    const model = await fixtureModel('dialect-31.yaml');
    const dialect = model.warnings.filter((w) => w.key.startsWith('dialect:'));
    expect(dialect.map((w) => [w.location.pointer, w.hint])).toEqual([
      [
        '#/components/schemas/Name/nullable',
        "write the type as a list with 'null': `type: [<type>, 'null']` (OpenAPI 3.1 removed it)",
      ],
      [
        '#/components/schemas/Count/exclusiveMinimum',
        'write the bound itself: `exclusiveMinimum: <the minimum>` in place of minimum (OpenAPI 3.1 removed it)',
      ],
      [
        '#/components/schemas/Limit/exclusiveMaximum',
        'remove `exclusiveMaximum: false` (OpenAPI 3.1 removed it)',
      ],
    ]);
  });

  it('are errors with --strict', async () => {
    await expect(fixtureModel('dialect-31.yaml', true)).rejects.toThrow(
      /the schema keyword "nullable" is OpenAPI 3\.0, but the document declares OpenAPI 3\.1.*--strict/,
    );
  });
});

describe('additionalProperties beside allOf/anyOf/oneOf', () => {
  it('is a warning where it refuses properties the combined schemas declare, with the fix', async () => {
    const model = await fixtureModel('additional-beside-composition.yaml');
    const found = model.warnings.filter((w) => w.key === 'additional-beside-composition');
    expect(found).toHaveLength(1);
    const [warning] = found;
    expect(warning!.location.pointer).toBe('#/components/schemas/Card/additionalProperties');
    expect(
      warning!.places.map((place) => place.location.pointer),
      'Closed and CreateTagResponse (beside a member closed itself) too; not Listed, Open or Evaluated',
    ).toEqual([
      '#/components/schemas/Card/additionalProperties',
      '#/components/schemas/Closed/additionalProperties',
      '#/components/schemas/CreateTagResponse/additionalProperties',
    ]);
    expect(warning!.places[2]!.problem).toContain('it refuses "name", which the combined schemas');
    expect(warning!.problem).toContain('it refuses "last_name" (and 1 more)');
    expect(warning!.hint).toMatch(/^write unevaluatedProperties in its place/);
  });
});

describe('schemas no value can match', () => {
  it('are a warning each kind, once, at the first place; consistent ones are not', async () => {
    const model = await fixtureModel('contradictions.yaml');
    const found = model.warnings
      .filter((w) => w.key.startsWith('schema:'))
      .map((w) => [w.key, w.location.pointer, w.more]);
    expect(found).toEqual([
      ['schema:empty-enum', '#/components/schemas/Nothing/enum', 0],
      ['schema:enum-type', '#/components/schemas/Regions/enum', 0],
      ['schema:const-type', '#/components/schemas/Shape/const', 0],
      ['schema:bounds', '#/components/schemas/Range/minimum', 2],
      ['schema:default-type', '#/components/schemas/Limit/default', 0],
    ]);
  });
});
