/**
 * An `allOf` whose members (through `$ref`s and the schema's own `type`) have no type in common
 * accepts no value: allof-conflicting-types.yaml. Warned about at each such allOf, with the types.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('allOf members of conflicting types', () => {
  it('are warned about, each at its allOf with the types, and only those', async () => {
    const model = await fixtureModel('allof-conflicting-types.yaml');
    // Each allOf with its own types: Count's are not counted under Label's words.
    expect(model.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/faults\/allof-conflicting-types\.yaml #\/components\/schemas\/Label\/allOf: allOf combines schemas whose types have none in common \(allOf\/0: string; allOf\/1: object\), so no value is valid.*\n {2}fix: give every member.*\n {2}also test\/fixtures\/faults\/allof-conflicting-types\.yaml #\/components\/schemas\/Count\/allOf: allOf combines schemas whose types have none in common \(type: array; allOf\/0: integer or boolean\), so no value is valid.*\n {4}fix: give every member[^\n]*$/,
      ),
    ]);
  });

  it('names the schema’s own type beside allOf', async () => {
    const spec = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'own type', version: '1' },
      paths: {},
      components: {
        schemas: { Count: { type: 'array', nullable: true, allOf: [{ type: 'integer' }] } },
      },
    });
    const model = await specModel(spec);
    const warnings = model.warnings.filter((warning) => warning.key !== 'no-operations');
    expect(warnings.map((warning) => warning.problem)).toEqual([
      expect.stringContaining('(type: array or null; allOf/0: integer)'),
    ]);
  });
});

// helper-119 H5: an allOf whose members agree on the schema's type but not inside it accepted no
// value without a word, as did a required property whose schema is `false`.
describe('what no value can meet inside a schema', () => {
  const modelOf = async (schemas: Record<string, unknown>) => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'inside', version: '1' },
      paths: {},
      components: { schemas },
    });
    const keys = [
      'allof-conflicting-property',
      'allof-disjoint-enums',
      'property-required-false',
      'required-undeclared-closed',
    ];
    return (await specModel(spec)).warnings
      .filter((warning) => keys.includes(warning.key))
      .flatMap((warning) => warning.places.map((place) => ({ key: warning.key, ...place })));
  };

  it('a required property of two types, disjoint enums, a required property that is false', async () => {
    const warnings = await modelOf({
      Base: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      Y: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { a: { type: 'integer' } } }],
      },
      Z: { allOf: [{ enum: ['a', 'b'] }, { enum: ['c'] }] },
      Obj: { type: 'object', properties: { f: false }, required: ['f'] },
      Opt: {
        allOf: [
          { type: 'object', properties: { n: { type: 'string' } } },
          { properties: { n: { type: 'boolean' } } },
        ],
      },
    });
    expect(warnings.map((w) => [w.key, w.location.pointer, w.problem])).toEqual([
      [
        'allof-conflicting-property',
        '#/components/schemas/Y/allOf',
        'property "a" has schemas in the allOf members with no type in common (string; integer), so no value of the schema is valid (the property is required); the SDK\'s type for it cannot be met',
      ],
      [
        'allof-conflicting-property',
        '#/components/schemas/Opt/allOf',
        'property "n" has schemas in the allOf members with no type in common (string; boolean), so it can never be given; the SDK\'s type for it cannot be met',
      ],
      [
        'allof-disjoint-enums',
        '#/components/schemas/Z/allOf',
        'allOf combines enums (or consts) with no value in common (["a", "b"] and ["c"]), so no value is valid; the SDK\'s type for it cannot be met',
      ],
      [
        'property-required-false',
        '#/components/schemas/Obj/properties/f',
        'property "f" is required, and its schema is `false`, which no value matches, so no value of the schema is valid; the SDK\'s type for it cannot be met',
      ],
    ]);
  });

  it('says nothing where a value can meet them: number and integer, a shared enum value, an optional property forbidden with false', async () => {
    const warnings = await modelOf({
      N: {
        allOf: [
          { properties: { n: { type: 'number' } }, required: ['n'] },
          { properties: { n: { type: 'integer' } } },
        ],
      },
      // Closed, with every required name declared, or open to more through patternProperties.
      Closed: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' } },
        additionalProperties: false,
      },
      Patterned: {
        type: 'object',
        required: ['x-id'],
        patternProperties: { '^x-': { type: 'string' } },
        additionalProperties: false,
      },
      NotObject: { type: 'string', required: ['id'], additionalProperties: false },
      E: { allOf: [{ enum: ['a', 'b'] }, { enum: ['b', 'c'] }] },
      F: {
        allOf: [
          { type: 'object', properties: { legacy: { type: 'string' } } },
          { properties: { legacy: false } },
        ],
      },
    });
    expect(warnings).toEqual([]);
  });

  it('a required property whose schema is `not: {}`, a required name a closed object does not declare', async () => {
    const warnings = await modelOf({
      Gone: {
        type: 'object',
        properties: { legacy: { not: {} }, name: { type: 'string' } },
        required: ['legacy'],
      },
      Shut: {
        type: 'object',
        required: ['id', 'kind', 'name'],
        properties: { name: { type: 'string' } },
        additionalProperties: false,
      },
    });
    expect(warnings.map((w) => [w.key, w.location.pointer, w.problem, w.hint])).toEqual([
      [
        'property-required-false',
        '#/components/schemas/Gone/properties/legacy',
        'property "legacy" is required, and its schema is `not: {}`, which no value matches, so no value of the schema is valid; the SDK\'s type for it cannot be met',
        'remove "legacy" from `required` (a property that must be absent), or give it a schema',
      ],
      [
        'required-undeclared-closed',
        '#/components/schemas/Shut/required',
        '`required` names "id" (and 1 more), which `properties` does not declare, and `additionalProperties: false` refuses every undeclared property, so no object is valid; the guards refuse every value, and the SDK\'s type for it cannot be met',
        'declare "id" under `properties`, or remove it from `required`',
      ],
    ]);
  });
});
