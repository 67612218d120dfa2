/** The schema model: normalisation of 3.0/3.1 spellings, names, refs, and errors for what it cannot check. */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { buildSchemaModel, buildSchemaNode } from '../../generator/model/build-schema.ts';
import type { SchemaNode } from '../../generator/model/schema-types.ts';
import { Warnings } from '../../generator/warnings.ts';
import { refChainRoot } from './ref-chain.ts';
import { componentKey } from '../../generator/pointer.ts';

type Version = '3.0' | '3.1';

function model(schemas: Record<string, unknown>, version: Version = '3.1', strict = false) {
  const warnings = new Warnings(strict);
  const built = buildSchemaModel(
    { components: { schemas } },
    { file: 'spec.yaml', version, warnings },
  );
  // --strict: the model step reports every warning's place as an error (model/build.ts).
  const errors = warnings.asErrors();
  if (errors.length > 0) throw GeneratorError.all(errors);
  return built;
}

/** The node of schema `X` in a one-schema document (plus `Other`, a ref target). */
function node(schema: unknown, version: Version = '3.1', strict = false): SchemaNode {
  const found = model(
    { X: schema, Other: { type: 'string' }, Other2: { type: 'integer' } },
    version,
    strict,
  )[0];
  if (!found) throw new Error('no schema');
  return found.node;
}

const cases: [string, { version?: Version; given: unknown; want: Record<string, unknown> }][] = [
  [
    '3.0 nullable',
    {
      version: '3.0',
      given: { type: 'string', nullable: true },
      want: { kind: 'string', nullable: true },
    },
  ],
  [
    '3.1 type list with null',
    { given: { type: ['string', 'null'] }, want: { kind: 'string', nullable: true } },
  ],
  [
    '3.1 type list with null beside anyOf keeps null as a type',
    {
      given: { type: ['object', 'null'], anyOf: [{ type: 'object' }] },
      want: {
        kind: 'allOf',
        nullable: false,
        members: [
          { kind: 'union', mode: 'anyOf', variants: [{ kind: 'object' }, { kind: 'null' }] },
          { kind: 'union', mode: 'anyOf', variants: [{ kind: 'object' }] },
        ],
      },
    },
  ],
  [
    '3.0 nullable beside anyOf without type accepts null',
    {
      version: '3.0',
      given: { nullable: true, anyOf: [{ $ref: '#/components/schemas/Other' }] },
      want: { kind: 'union', nullable: true },
    },
  ],
  [
    'nullable enum: null only when listed',
    {
      version: '3.0',
      given: { type: 'string', nullable: true, enum: ['a', null] },
      want: { kind: 'enum', nullable: false, values: ['a', null] },
    },
  ],
  [
    'nullable enum without null listed',
    {
      version: '3.0',
      given: { type: 'string', nullable: true, enum: ['a'] },
      want: { kind: 'enum', nullable: false, values: ['a'] },
    },
  ],
  ['type null alone', { given: { type: 'null' }, want: { kind: 'null', nullable: false } }],
  [
    'integer and number in one list is number',
    { given: { type: ['integer', 'number'] }, want: { kind: 'number', integer: false } },
  ],
  [
    'several types become a union',
    {
      given: { type: ['string', 'integer'], minLength: 1, minimum: 0 },
      want: {
        kind: 'union',
        mode: 'anyOf',
        variants: [
          { kind: 'string', minLength: 1, loose: false },
          { kind: 'number', integer: true, minimum: { value: 0, exclusive: false } },
        ],
      },
    },
  ],
  [
    '3.0 exclusiveMinimum: true',
    {
      version: '3.0',
      given: { type: 'number', minimum: 1, exclusiveMinimum: true },
      want: { minimum: { value: 1, exclusive: true } },
    },
  ],
  [
    '3.0 exclusiveMaximum: false',
    {
      version: '3.0',
      given: { type: 'number', maximum: 1, exclusiveMaximum: false },
      want: { maximum: { value: 1, exclusive: false } },
    },
  ],
  [
    '3.1 exclusiveMinimum number',
    {
      given: { type: 'number', exclusiveMinimum: 2 },
      want: { minimum: { value: 2, exclusive: true } },
    },
  ],
  [
    'the tighter of both bounds',
    {
      given: { type: 'number', minimum: 3, exclusiveMinimum: 2, maximum: 5, exclusiveMaximum: 5 },
      want: { minimum: { value: 3, exclusive: false }, maximum: { value: 5, exclusive: true } },
    },
  ],
  ['const', { given: { const: 'a' }, want: { kind: 'enum', values: ['a'], isConst: true } }],
  [
    'enum with a bare type is just the enum',
    { given: { type: 'string', enum: ['a', 'b'] }, want: { kind: 'enum', values: ['a', 'b'] } },
  ],
  [
    'enum beside constraints keeps both',
    {
      given: { type: 'string', maxLength: 1, enum: ['a', 'bb'] },
      want: { kind: 'allOf', members: [{ kind: 'string', maxLength: 1 }, { kind: 'enum' }] },
    },
  ],
  [
    'keywords without type make loose nodes',
    {
      given: { minLength: 1, required: ['a'] },
      want: {
        kind: 'allOf',
        members: [
          { kind: 'string', loose: true },
          { kind: 'object', loose: true, requiredWithoutSchema: ['a'] },
        ],
      },
    },
  ],
  [
    '3.1 $ref siblings apply as allOf',
    {
      given: { $ref: '#/components/schemas/Other', maxLength: 2, description: 'd' },
      want: {
        kind: 'allOf',
        description: 'd',
        members: [
          { kind: 'ref', target: 'Other' },
          { kind: 'string', loose: true, maxLength: 2 },
        ],
      },
    },
  ],
  [
    '3.1 $ref with annotation siblings only stays a ref',
    {
      given: { $ref: '#/components/schemas/Other', description: 'd', readOnly: true },
      want: { kind: 'ref', description: 'd', readOnly: true },
    },
  ],
  [
    '3.0 $ref siblings are ignored but annotations kept',
    {
      version: '3.0',
      given: { $ref: '#/components/schemas/Other', nullable: true, maxLength: 2, description: 'd' },
      want: { kind: 'ref', nullable: false, description: 'd' },
    },
  ],
  [
    'allOf of one ref with a description and nullable (the 3.0 idiom)',
    {
      version: '3.0',
      given: { allOf: [{ $ref: '#/components/schemas/Other' }], nullable: true, description: 'd' },
      want: { kind: 'ref', target: 'Other', nullable: true, description: 'd' },
    },
  ],
  [
    'annotations',
    {
      given: {
        type: 'string',
        title: 't',
        format: 'date-time',
        deprecated: true,
        readOnly: true,
        writeOnly: false,
        default: 'x',
        example: 'y',
        'x-preview': true,
      },
      want: {
        title: 't',
        format: 'date-time',
        deprecated: true,
        readOnly: true,
        writeOnly: false,
        default: 'x',
        examples: ['y'],
        extensions: { 'x-preview': true },
      },
    },
  ],
  [
    'properties with required folded in',
    {
      given: {
        type: 'object',
        required: ['a', 'z'],
        properties: { a: { type: 'string', writeOnly: true }, b: true },
      },
      want: {
        properties: [
          { name: 'a', required: true, node: { kind: 'string', writeOnly: true } },
          { name: 'b', required: false, node: { kind: 'any' } },
        ],
        requiredWithoutSchema: ['z'],
      },
    },
  ],
  [
    'additionalProperties false, true and absent',
    {
      given: { type: 'object', additionalProperties: false },
      want: { additionalProperties: { kind: 'never' } },
    },
  ],
  [
    'prefixItems and items',
    {
      given: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
      want: { prefixItems: [{ kind: 'string' }], items: { kind: 'never' } },
    },
  ],
  [
    'a pattern that only compiles without the u flag',
    {
      given: { type: 'string', pattern: '^a\\-b$' },
      want: { pattern: { source: '^a\\-b$', flags: '' } },
    },
  ],
  [
    'a unicode pattern',
    {
      given: { type: 'string', pattern: '^\\p{L}+$' },
      want: { pattern: { source: '^\\p{L}+$', flags: 'u' } },
    },
  ],
  [
    'an invalid pattern, kept for a warning (the guards leave it unchecked)',
    {
      given: { type: 'string', pattern: '([a-z' },
      want: { pattern: { source: '([a-z', flags: 'u' } },
    },
  ],
];

describe('buildSchemaModel normalises', () => {
  it.each(cases)('%s', (_name, { version, given, want }) => {
    expect(node(given, version)).toMatchObject(want);
  });
});

it('3.0 exclusiveMinimum without minimum has no effect', () => {
  expect(node({ type: 'number', exclusiveMinimum: true }, '3.0')).not.toHaveProperty('minimum');
});

describe('discriminators', () => {
  const refs = [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }];
  const schemas = (discriminator: unknown, oneOf: unknown[] = refs) => ({
    Pet: { oneOf, discriminator },
    Cat: { type: 'object' },
    Dog: { type: 'object' },
  });

  it('takes explicit mapping first, then unmapped variants by components key', () => {
    const [pet] = model(
      schemas({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }),
    );
    expect(pet?.node).toMatchObject({
      kind: 'union',
      mode: 'oneOf',
      discriminator: {
        propertyName: 'kind',
        mapping: [
          { value: 'cat', target: 'Cat' },
          { value: 'Dog', target: 'Dog' },
        ],
      },
    });
  });

  it('accepts bare schema names in mapping', () => {
    const [pet] = model(schemas({ propertyName: 'kind', mapping: { c: 'Cat', d: 'Dog' } }));
    expect(pet?.node).toMatchObject({
      discriminator: {
        mapping: [
          { value: 'c', target: 'Cat' },
          { value: 'd', target: 'Dog' },
        ],
      },
    });
  });

  it('decides beside inline variants that cannot hold an object (type: null)', () => {
    const [pet] = model(schemas({ propertyName: 'kind' }, [...refs, { type: 'null' }]));
    expect(pet?.node).toMatchObject({ discriminator: { propertyName: 'kind' } });
  });

  it('is an annotation when a variant is an inline object', () => {
    const [pet] = model(schemas({ propertyName: 'kind' }, [...refs, { type: 'object' }]));
    expect(pet?.node.kind).toBe('union');
    expect(pet?.node).not.toHaveProperty('discriminator');
  });

  it('leaves out a discriminator whose mapping names no schema (a warning; --strict refuses)', () => {
    const dangling = schemas({ propertyName: 'kind', mapping: { x: '#/components/schemas/Bird' } });
    const [pet] = model(dangling);
    expect(pet?.node.kind).toBe('union');
    expect(pet?.node).not.toHaveProperty('discriminator');
    expect(() => model(dangling, '3.1', true)).toThrow(
      /spec\.yaml #\/components\/schemas\/Pet\/discriminator\/mapping\/x: discriminator mapping "x" points at "#\/components\/schemas\/Bird", which is not a schema in components\.schemas, so the discriminator is ignored/,
    );
  });
});

describe('names and refs', () => {
  it('makes safe unique names in spec order', () => {
    const names = model({
      'foo-bar': {},
      foo_bar: {},
      class: {},
      '2fa': {},
      GuardError: {},
      Date: {},
      'user.birthday': {},
      Revived: {},
      serialized: {},
    }).map((s) => s.name);
    expect(names).toEqual([
      'FooBar',
      'FooBar2',
      'Class',
      '_2fa',
      'GuardError2',
      'DateModel',
      'UserBirthday',
      // Exported by the dates module beside the schema types.
      'Revived2',
      'Serialized2',
    ]);
  });

  it('keeps a schema named like its type name when a colliding schema comes first', () => {
    const before = model({ FooBar: {}, Other: {} }).map((s) => s.name);
    const after = model({ 'Foo-Bar': {}, foo_bar: {}, FooBar: {}, Other: {} }).map((s) => s.name);
    expect(before).toEqual(['FooBar', 'Other']);
    // The schema FooBar keeps its export; the new ones take the suffixed names, in spec order.
    expect(after).toEqual(['FooBar2', 'FooBar3', 'FooBar', 'Other']);
  });

  it('records pointer, description and deprecation of named schemas', () => {
    const [s] = model({ 'a/b': { type: 'string', description: 'text', deprecated: true } });
    expect(s).toEqual({
      originalName: 'a/b',
      name: 'AB',
      pointer: '#/components/schemas/a~1b',
      description: 'text',
      deprecated: true,
      node: expect.objectContaining({ kind: 'string' }),
    });
  });

  it.each([
    ['#/components/schemas/Plan', 'Plan'],
    ['#/components/schemas/a~1b~0c', 'a/b~c'],
    ['#/components/schemas/foo%20bar', 'foo bar'],
    ['#/components/schemas/Plan/properties/id', undefined],
    ['#/components/parameters/Plan', undefined],
  ])('componentKey(%s) is %s', (ref, key) => {
    expect(componentKey(ref)).toBe(key);
  });

  it('resolves refs to escaped and encoded keys', () => {
    const [, , c] = model({
      'a/b': { type: 'string' },
      'foo bar': { type: 'integer' },
      C: {
        anyOf: [{ $ref: '#/components/schemas/a~1b' }, { $ref: '#/components/schemas/foo%20bar' }],
      },
    });
    expect(c?.node).toMatchObject({
      variants: [
        { kind: 'ref', target: 'AB', originalName: 'a/b' },
        { kind: 'ref', target: 'FooBar' },
      ],
    });
  });

  it.each([
    ['a percent-encoded `%`', { '100%': { type: 'string' } }, '#/components/schemas/100%25'],
    [
      'a `%` that is not percent-encoding',
      { '100%': { type: 'string' } },
      '#/components/schemas/100%',
    ],
    [
      'a key that holds `%20` itself',
      { 'a%20b': { type: 'string' } },
      '#/components/schemas/a%2520b',
    ],
    [
      'an encoded `/` (the bundler reads `a/b`)',
      { 'a/b': { type: 'string' } },
      '#/components/schemas/a%2Fb',
    ],
  ])('resolves a ref with %s to its component', (_, schemas, ref) => {
    const [target, , holder] = model({ ...schemas, Other: {}, H: { $ref: ref } });
    expect(holder?.node).toMatchObject({ kind: 'ref', originalName: target?.originalName });
  });

  it('inlines a ref whose tokens mix odd `%` and percent-encoding, at its pointer', () => {
    const [, h] = model({
      N: { type: 'object', properties: { '50%': { properties: { 'd e': { type: 'boolean' } } } } },
      H: { $ref: '#/components/schemas/N/properties/50%/properties/d%20e' },
    });
    expect(h?.node).toMatchObject({
      kind: 'boolean',
      pointer: '#/components/schemas/N/properties/50%/properties/d e',
    });
  });

  it('follows an anchor and `$dynamicRef: "#"` inside a component whose name holds `%`', () => {
    const [list, , h] = model({
      'list%20': {
        $dynamicAnchor: 'node',
        type: 'object',
        properties: { next: { $dynamicRef: '#' }, again: { $dynamicRef: '#node' } },
      },
      Other: {},
      H: { $ref: '#node' },
    });
    expect(h?.node).toMatchObject({ kind: 'ref', originalName: 'list%20' });
    expect(list?.node).toMatchObject({
      properties: [
        { name: 'next', node: { kind: 'ref', originalName: 'list%20' } },
        { name: 'again', node: { kind: 'ref', originalName: 'list%20' } },
      ],
    });
  });

  it('refuses a ref to an anchor that no schema declares (it is not the document)', () => {
    const error = thrown(() => model({ H: { $ref: '#nowhere' } }));
    expect(error.location.pointer).toBe('#/components/schemas/H/$ref');
    expect(error.message).toContain('neither a JSON pointer nor an anchor');
  });

  it('inlines a ref below a named schema', () => {
    const [, b] = model({
      A: { type: 'object', properties: { id: { type: 'string', minLength: 3 } } },
      B: { $ref: '#/components/schemas/A/properties/id' },
    });
    expect(b?.node).toMatchObject({
      kind: 'string',
      minLength: 3,
      pointer: '#/components/schemas/A/properties/id',
    });
  });

  it('buildSchemaNode turns refs into ref nodes by the names map', () => {
    const names = new Map([['plan-list', 'PlanList']]);
    const built = buildSchemaNode(
      { type: 'array', items: { $ref: '#/components/schemas/plan-list' } },
      {
        file: 'spec.yaml',
        version: '3.1',
        pointer: '#/paths/~1plans/get/responses/200/content/application~1json/schema',
        names,
      },
    );
    expect(built).toMatchObject({
      kind: 'array',
      items: { kind: 'ref', target: 'PlanList', originalName: 'plan-list' },
    });
  });
});

function thrown(fn: () => unknown): GeneratorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('expected a GeneratorError');
}

describe('errors name the file, the pointer and the fix', () => {
  const X = '#/components/schemas/X';
  // Keywords the generator ignores are warnings (test/model/keywords.test.ts); --strict makes them errors.
  it.each([
    [
      'then',
      { type: 'object', properties: { a: { then: {} } } },
      `${X}/properties/a/then`,
      /add the `if` it depends on/,
    ],
    [
      'maxContains',
      { type: 'array', contains: { type: 'string' }, maxContains: 2 },
      `${X}/maxContains`,
      /items/,
    ],
    // $id is read (load/schema-ids.ts): $schema stands for the identifiers still ignored.
    ['$schema', { $schema: 'https://x/y' }, `${X}/$schema`, /remove \$schema/],
    [
      'additionalItems',
      { items: { type: 'string' }, additionalItems: false },
      `${X}/additionalItems`,
      /prefixItems/,
    ],
    ['requried', { type: 'object', requried: ['a'] }, `${X}/requried`, /prefix it with "x-"/],
  ])('keyword %s, with --strict', (keyword, schema, pointer, fix) => {
    const error = thrown(() => node(schema, '3.1', true));
    expect(error.location).toEqual({ file: 'spec.yaml', pointer });
    expect(error.message).toContain(`spec.yaml ${pointer}: `);
    expect(error.message).toContain(
      keyword === 'then' ? '`then` without `if`' : `keyword "${keyword}"`,
    );
    expect(error.hint).toMatch(fix);
  });

  it.each([
    [
      'an unknown component',
      { $ref: '#/components/schemas/Nope' },
      `${X}/$ref`,
      /add the schema under components\.schemas/,
    ],
    ['an external file', { $ref: 'other.yaml#/Plan' }, `${X}/$ref`, /bundle the spec/],
    [
      'a pointer that does not resolve',
      { $ref: '#/components/schemas/Other/properties/nope' },
      `${X}/$ref`,
      /fix the JSON pointer/,
    ],
    ['a bad type', { type: 'strin' }, `${X}/type`, /JSON Schema type name/],
    [
      'a negative minLength',
      { type: 'string', minLength: -1 },
      `${X}/minLength`,
      /non-negative integer/,
    ],
    ['multipleOf 0', { type: 'number', multipleOf: 0 }, `${X}/multipleOf`, /greater than 0/],
    [
      'items as a list',
      { type: 'array', items: [{ type: 'string' }] },
      `${X}/items`,
      /prefixItems/,
    ],
    ['required not a list', { type: 'object', required: 'a' }, `${X}/required`, /list of strings/],
    ['an empty oneOf', { oneOf: [] }, `${X}/oneOf`, /non-empty/],
    [
      'a schema that is not an object',
      { properties: { a: 'string' } },
      `${X}/properties/a`,
      /Schema Object/,
    ],
  ])('%s', (_name, schema, pointer, fix) => {
    const error = thrown(() => node(schema));
    expect(error.location).toEqual({ file: 'spec.yaml', pointer });
    expect(error.hint).toMatch(fix);
  });

  it('a recursive ref that does not go through components.schemas', () => {
    const error = thrown(() =>
      model({
        A: {
          type: 'object',
          properties: { self: { $ref: '#/components/schemas/A/properties/self' } },
        },
      }),
    );
    expect(error.location.pointer).toBe('#/components/schemas/A/properties/self/$ref');
    expect(error.hint).toMatch(/components\.schemas/);
  });

  it.each([
    [
      'straight back to itself',
      { $ref: '#/components/schemas/A/$defs/b' },
      { $ref: '#/components/schemas/A/$defs/b' },
    ],
    [
      'through allOf',
      { $ref: '#/components/schemas/A/$defs/b' },
      { allOf: [{ $ref: '#/components/schemas/A/$defs/b' }] },
    ],
  ])('a recursive inline ref with no property or item between (%s)', (_name, self, b) => {
    const error = thrown(() =>
      model({ A: { type: 'object', properties: { self }, $defs: { b } } }),
    );
    expect(error.location.pointer).toMatch(/^#\/components\/schemas\/A\/\$defs\/b\//);
    expect(error.hint).toMatch(/components\.schemas/);
  });

  it.each([
    ['items', { type: 'array', items: { $ref: '#/components/schemas/A/definitions/node' } }],
    [
      'a property',
      { type: 'object', properties: { next: { $ref: '#/components/schemas/A/definitions/node' } } },
    ],
    [
      'additionalProperties',
      { type: 'object', additionalProperties: { $ref: '#/components/schemas/A/definitions/node' } },
    ],
    [
      'anyOf, then items',
      {
        anyOf: [
          { type: 'string' },
          { type: 'array', items: { $ref: '#/components/schemas/A/definitions/node' } },
        ],
      },
    ],
  ])(
    'a tree through an inline ref (%s): typed as far as it goes, unknown where it recurs, with a warning',
    (_name, children) => {
      const warnings = new Warnings();
      const [a] = buildSchemaModel(
        {
          components: {
            schemas: {
              A: {
                type: 'object',
                properties: { root: { $ref: '#/components/schemas/A/definitions/node' } },
                definitions: {
                  node: { type: 'object', properties: { name: { type: 'string' }, children } },
                },
              },
            },
          },
        },
        { file: 'spec.yaml', version: '3.1', warnings },
      );
      const text = JSON.stringify(a!.node);
      // The node is built once, with its `name`; where it recurs the value is unknown.
      expect(text.split('"name":"name"')).toHaveLength(2);
      const recursive = warnings.list().filter((w) => w.key === 'recursive-inline-ref');
      expect(recursive).toHaveLength(1);
      expect(recursive[0]!.location.pointer).toMatch(
        /^#\/components\/schemas\/A\/definitions\/node\/.*\$ref$/,
      );
      // --strict: the warning is an error.
      expect(() =>
        model(
          {
            A: {
              properties: { root: { $ref: '#/components/schemas/A/definitions/node' } },
              definitions: { node: { properties: { children } } },
            },
          },
          '3.1',
          true,
        ),
      ).toThrow(/recursive/);
    },
  );

  it('refs into refs that would copy more than 20,000 schemas: an error at the outermost ref, not a hang', () => {
    // 2^24 copies of d24.
    const error = thrown(() => model({ Root: refChainRoot(24, 2) }));
    expect(error.location.pointer).toBe('#/components/schemas/Root/properties/top/$ref');
    expect(error.message).toMatch(/more than 20,000 schemas/);
    expect(error.hint).toMatch(/into components\.schemas/);
    // A chain without fan-out is copied as before.
    expect(() => model({ Root: refChainRoot(24, 1) })).not.toThrow();
  });

  it('buildSchemaNode cannot follow a deep ref without the document', () => {
    const error = thrown(() =>
      buildSchemaNode(
        { $ref: '#/components/schemas/A/properties/id' },
        { file: 'spec.yaml', version: '3.1', pointer: '#/paths/x', names: new Map([['A', 'A']]) },
      ),
    );
    expect(error.location.pointer).toBe('#/paths/x/$ref');
    expect(error.hint).toMatch(/move the schema into components\.schemas/);
  });
});
