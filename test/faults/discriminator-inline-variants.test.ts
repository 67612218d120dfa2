/**
 * Discriminators whose variants are not all named schemas (discriminator-inline-variants.yaml,
 * helper-114 8a): a mapping that names an inline variant makes it a named schema, called for the
 * value that picks it; a variant written in place that nothing names, and a mapping to a schema
 * that is no variant, are warnings that say the discriminator is ignored.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { diagnostics, EQUAL, faultPackage, packageIs } from './package.ts';

const FIXTURE = 'discriminator-inline-variants.yaml';

async function guardsOf(): Promise<(name: string, value: unknown) => boolean> {
  return packageIs(await faultPackage(FIXTURE));
}

describe('a discriminator mapping that names an inline variant', () => {
  it('makes the variant a schema named for its value, which the discriminator picks', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(pkg.model.schemas.map((schema) => schema.name)).toContain('ShapeSquare');
    expect(pkg.model.schemas.map((schema) => schema.name)).not.toContain('_1');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Circle, Shape, ShapeSquare } from './types.js';
same<Shape, (Circle & { kind: 'circle' }) | (ShapeSquare & { kind: 'square' })>(true);
same<ShapeSquare, { kind: string; side: number }>(true);
`,
      }),
    ).toEqual([]);
    const is = await guardsOf();
    expect(
      [
        { kind: 'square', side: 1 },
        { kind: 'square', r: 1 },
        { kind: 'circle', r: 1 },
        { kind: 'round', r: 1 },
      ].map((value) => is('Shape', value)),
    ).toEqual([true, false, true, false]);
    const model = await fixtureModel(FIXTURE);
    expect(
      model.warnings.filter((w) => w.location.pointer?.startsWith('#/components/schemas/Shape')),
    ).toEqual([]);
  });
});

describe('a discriminator mapping to an inline variant in a file of its own', () => {
  afterAll(removeTempDirs);

  it("names the variant the same way (`'#/oneOf/1'` in the union's file)", async () => {
    const dir = await tempDir('mapped-');
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: T, version: "1" }',
        'paths: {}',
        'components:',
        '  schemas:',
        "    Shape: { $ref: './shape.yaml' }",
        '    Circle:',
        '      type: object',
        '      required: [kind]',
        '      properties: { kind: { const: circle } }',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'shape.yaml'),
      [
        'oneOf:',
        "  - $ref: './openapi.yaml#/components/schemas/Circle'",
        '  - type: object',
        '    required: [kind, side]',
        '    properties: { kind: { const: square }, side: { type: number } }',
        'discriminator:',
        '  propertyName: kind',
        '  mapping:',
        "    circle: './openapi.yaml#/components/schemas/Circle'",
        "    square: '#/oneOf/1'",
      ].join('\n'),
    );
    const model = await specModel(join(dir, 'openapi.yaml'));
    expect(model.schemas.map((schema) => schema.name)).toEqual(['Shape', 'Circle', 'ShapeSquare']);
    const shape = model.schemas.find((schema) => schema.name === 'Shape')!.node;
    expect(shape).toMatchObject({
      kind: 'union',
      variants: [
        { kind: 'ref', target: 'Circle' },
        { kind: 'ref', target: 'ShapeSquare' },
      ],
      discriminator: { propertyName: 'kind' },
    });
    expect(model.warnings.filter((w) => w.key.startsWith('discriminator:'))).toEqual([]);
  });
});

describe("a discriminator whose variants are `$ref`s into a schema's `$defs` (note24)", () => {
  afterAll(removeTempDirs);

  it('picks the schemas the mapping names, which are the variants', async () => {
    const dir = await tempDir('mapped-defs-');
    const variant = (kind: string, extra: string) =>
      `        ${kind}: { type: object, required: [kind], properties: { kind: { type: string }, ${extra}: { type: boolean } } }`;
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: T, version: "1" }',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Pet:',
        '      oneOf:',
        "        - $ref: '#/components/schemas/Pet/$defs/Cat'",
        "        - $ref: '#/components/schemas/Pet/$defs/Dog'",
        '      discriminator:',
        '        propertyName: kind',
        '        mapping:',
        "          cat: '#/components/schemas/Pet/$defs/Cat'",
        "          dog: '#/components/schemas/Pet/$defs/Dog'",
        '      $defs:',
        variant('Cat', 'meow'),
        // Of the same shape as Cat: each variant still names its own schema (helper-143 F2).
        variant('Dog', 'meow'),
        '    Owner:',
        '      type: object',
        "      properties: { cat: { $ref: '#/components/schemas/Pet/$defs/Cat' } }",
      ].join('\n'),
    );
    const model = await specModel(join(dir, 'openapi.yaml'));
    expect(model.schemas.map((schema) => schema.name).sort()).toEqual([
      'Cat',
      'Dog',
      'Owner',
      'Pet',
    ]);
    expect(model.schemas.find((schema) => schema.name === 'Pet')!.node).toMatchObject({
      kind: 'union',
      variants: [
        { kind: 'ref', target: 'Cat' },
        { kind: 'ref', target: 'Dog' },
      ],
      discriminator: { propertyName: 'kind' },
    });
    // Every `$ref` to the place names the schema, not only the union's.
    expect(model.schemas.find((schema) => schema.name === 'Owner')!.node).toMatchObject({
      kind: 'object',
      properties: [{ name: 'cat', node: { kind: 'ref', target: 'Cat' } }],
    });
    expect(model.warnings.filter((w) => w.key.startsWith('discriminator:'))).toEqual([]);
  });
});

describe('a discriminator the generator cannot follow', () => {
  it('is a warning at the inline variant, or at the mapping to a schema that is no variant', async () => {
    const model = await fixtureModel(FIXTURE);
    const found = model.warnings.filter((w) => w.key.startsWith('discriminator:'));
    expect(found.map((w) => [w.key, w.location.pointer])).toEqual([
      ['discriminator:inline-variant', '#/components/schemas/Pet/oneOf/1'],
      [
        'discriminator:mapping-not-variant',
        '#/components/schemas/Vehicle/discriminator/mapping/bike',
      ],
    ]);
    expect(found[0]!.problem).toMatch(/`oneOf\[1\]` is a schema written in place/);
    expect(found[1]!.problem).toMatch(
      /"bike" names Bike, which is not one of the oneOf's variants/,
    );
    expect(found[1]!.hint).toContain("{$ref: '#/components/schemas/Bike'}");
    await expect(fixtureModel(FIXTURE, true)).rejects.toThrow(/--strict/);
  });

  it('leaves the union to decide by its variants', async () => {
    const is = await guardsOf();
    expect([{ kind: 'cat' }, { kind: 'dog' }, { kind: 'cow' }].map((v) => is('Pet', v))).toEqual([
      true,
      true,
      false,
    ]);
    // `bike` picks Bike, which no variant is; any kind matches Car and Boat both: oneOf refuses.
    expect([{ kind: 'bike' }, { kind: 'car' }].map((v) => is('Vehicle', v))).toEqual([
      false,
      false,
    ]);
  });
});
