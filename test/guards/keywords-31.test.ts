/** Every keyword the guards check, OpenAPI 3.1 spelling: emitted guards vs hand labels vs ajv 2020-12. */
import { describe, expect, it } from 'vitest';
import { describeGuardCases, useFixture, type GuardCases } from './cases.ts';

const FILE = 'keywords-31.yaml';
const EMOJI = '\u{1F600}'; // one code point, two UTF-16 units

const cases: GuardCases = [
  [
    'type string',
    { schema: 'TypeString', valid: ['', 'abc'], invalid: [1, null, true, {}, [], undefined] },
  ],
  ['type integer', { schema: 'TypeInteger', valid: [0, -3, 1e6, 2.0], invalid: [1.5, '1', null] }],
  ['type number', { schema: 'TypeNumber', valid: [0, 1.5, -2e-9], invalid: ['1', null] }],
  [
    'NaN and Infinity are not numbers (difference non-json: ajv accepts them)',
    {
      schema: 'TypeNumber',
      valid: [],
      invalid: [Number.NaN, Infinity, -Infinity],
      difference: 'non-json',
    },
  ],
  [
    'NaN and Infinity are not integers',
    { schema: 'TypeInteger', valid: [], invalid: [Number.NaN, Infinity], difference: 'non-json' },
  ],
  ['type boolean', { schema: 'TypeBoolean', valid: [true, false], invalid: [0, 'true', null] }],
  ['type null', { schema: 'TypeNull', valid: [null], invalid: [0, '', false, undefined] }],
  ['type object', { schema: 'TypeObject', valid: [{}, { a: 1 }], invalid: [[], null, 'x'] }],
  ['type array', { schema: 'TypeArray', valid: [[], [1, 'a']], invalid: [{}, null, 'x'] }],
  ['type list with null', { schema: 'TypeListNullable', valid: ['a', null], invalid: [1, {}] }],
  [
    'type list with per-type keywords',
    { schema: 'TypeListMany', valid: ['ab', 10, 11, true], invalid: ['a', 9, 10.5, null, []] },
  ],
  [
    'integer and number in one type list',
    { schema: 'TypeListIntegerNumber', valid: [1, 1.5], invalid: [0.5, 'a'] },
  ],
  [
    'enum of mixed values',
    {
      schema: 'Enum',
      valid: ['a', 'b"q\n\\', 1, true, null, { x: 1 }, [1, 2]],
      invalid: ['b', 2, false, { x: 2 }, { x: 1, y: 1 }, [2, 1], [1, 2, 3], {}],
    },
  ],
  [
    'enum of many strings',
    { schema: 'EnumLarge', valid: ['red', 'yellow'], invalid: ['Red', 'black', 1, null] },
  ],
  [
    'enum of many objects and arrays',
    {
      schema: 'EnumManyObjects',
      valid: [{ x: 1 }, { y: 1, x: 1 }, [1, 2], [], {}, 'x', null],
      invalid: [{ x: 3 }, { y: 1 }, [2, 1], [[]], [{}], 'y', 1],
    },
  ],
  [
    'enum with null in the type but not listed',
    { schema: 'EnumNullNotListed', valid: ['on', 'off'], invalid: [null, 'x'] },
  ],
  ['enum with null listed', { schema: 'EnumNullListed', valid: ['on', null], invalid: ['x', 0] }],
  ['enum values the type excludes', { schema: 'EnumIntegerTyped', valid: [1], invalid: [2.5, 2] }],
  ['const', { schema: 'Const', valid: ['fixed'], invalid: ['Fixed', null] }],
  [
    'const object',
    {
      schema: 'ConstObject',
      valid: [{ b: null, a: [1, 2] }],
      invalid: [{ a: [1, 2] }, { a: [2, 1], b: null }],
    },
  ],
  [
    'properties and required',
    {
      schema: 'Properties',
      valid: [
        { id: 'x', nested: { flag: true } },
        { id: 'x', count: 2, nested: { flag: false }, extra: [1] },
      ],
      invalid: [
        { id: 'x' },
        { nested: { flag: true } },
        { id: 1, nested: { flag: true } },
        { id: 'x', count: 1.5, nested: { flag: true } },
        { id: 'x', nested: {} },
        { id: 'x', nested: { flag: 'yes' } },
        [],
      ],
    },
  ],
  [
    'required without a property schema',
    { schema: 'RequiredWithoutProperty', valid: [{ id: null }], invalid: [{}, { ID: 1 }] },
  ],
  [
    'additionalProperties false',
    {
      schema: 'AdditionalFalse',
      valid: [{}, { id: 'a' }],
      invalid: [{ id: 'a', other: 1 }, { other: null }],
    },
  ],
  [
    'additionalProperties schema',
    {
      schema: 'AdditionalSchema',
      valid: [{ id: 'a', n: 1, m: 2 }],
      invalid: [{ id: 'a', n: 'x' }, { n: 1.5 }],
    },
  ],
  [
    'no properties at all',
    { schema: 'EmptyClosed', valid: [{}], invalid: [{ a: 1 }, { a: undefined }] },
  ],
  [
    'additionalProperties true',
    { schema: 'AdditionalTrue', valid: [{ a: 1, b: 'x' }], invalid: [[], 1] },
  ],
  [
    'unevaluatedProperties false',
    {
      schema: 'UnevaluatedFalse',
      valid: [{}, { a: 'x' }],
      // `constructor` too: ajv with ownProperties took it for evaluated (differences.ts inherited-keys).
      invalid: [{ a: 'x', b: 1 }, { b: null }, { a: 'x', constructor: 'x' }],
    },
  ],
  [
    'unevaluatedProperties false: the allOf members and patternProperties evaluate keys too',
    {
      schema: 'UnevaluatedAllOf',
      valid: [{}, { a: 'x', b: 1 }, { 'x-tag': 's' }],
      invalid: [{ c: 1 }, { a: 'x', c: true }, { 'x-tag': 1 }, { a: 1 }],
    },
  ],
  [
    'unevaluatedProperties schema',
    {
      schema: 'UnevaluatedSchema',
      valid: [{ a: 'x', n: 1, m: 2 }],
      invalid: [{ n: '1' }, { a: 'x', n: 1.5 }],
    },
  ],
  ['items', { schema: 'Items', valid: [[], [1, 2, 3]], invalid: [[1, 'a'], [1.5], {}] }],
  [
    'prefixItems with items false',
    {
      schema: 'PrefixItemsClosed',
      valid: [[], ['a'], ['a', 1]],
      invalid: [[1], ['a', 'b'], ['a', 1, 2]],
    },
  ],
  [
    'prefixItems with items',
    { schema: 'PrefixItemsOpen', valid: [['a'], ['a', true, false]], invalid: [[1], ['a', 1]] },
  ],
  [
    'allOf',
    { schema: 'AllOf', valid: [{ a: 'x', b: 1 }], invalid: [{ a: 'x' }, { b: 1 }, { a: 1, b: 1 }] },
  ],
  ['anyOf', { schema: 'AnyOf', valid: ['ab', 'xyz', 'x'], invalid: ['abc', 1] }],
  ['oneOf (exactly one)', { schema: 'OneOf', valid: [2, 3, 4, 9], invalid: [6, 12, 0, 5, 'a'] }],
  [
    'oneOf of different kinds',
    { schema: 'OneOfMixedKinds', valid: ['a', ['a'], { a: 1 }], invalid: [[1], {}, 1, null] },
  ],
  ['minimum and maximum', { schema: 'Bounds', valid: [0, 10, 5.5], invalid: [-0.1, 10.1, '5'] }],
  [
    'exclusive bounds (3.1 numbers)',
    { schema: 'ExclusiveBounds', valid: [0.001, 9.99], invalid: [0, 10] },
  ],
  [
    'the tighter of minimum and exclusiveMinimum',
    { schema: 'TighterOfBoth', valid: [6, 9], invalid: [5, 10, 19] },
  ],
  [
    'negative bounds',
    { schema: 'NegativeBounds', valid: [-5.5, -1, -3], invalid: [-5.6, -0.5, 0] },
  ],
  [
    'multipleOf a decimal (float-safe)',
    {
      schema: 'MultipleOfDecimal',
      valid: [19.99, 0.07, 4.35, 0, -1.1, 1e6],
      invalid: [0.001, 19.995, 1.005],
    },
  ],
  [
    'multipleOf an integer',
    { schema: 'MultipleOfInteger', valid: [0, 5, -10], invalid: [3, 7, 2.5] },
  ],
  [
    'minLength and maxLength count code points',
    {
      schema: 'Length',
      valid: ['ab', 'abc', EMOJI + EMOJI, EMOJI.repeat(3), `a${EMOJI}`],
      invalid: ['a', 'abcd', EMOJI, EMOJI.repeat(4), ''],
    },
  ],
  [
    'pattern (unicode)',
    { schema: 'Pattern', valid: ['Ab', 'Éclair', 'Ωmega'], invalid: ['ab', 'AB', 'A', 'A1'] },
  ],
  [
    'minItems and maxItems',
    { schema: 'ItemsCount', valid: [[1], [1, 2]], invalid: [[], [1, 2, 3]] },
  ],
  [
    'uniqueItems (deep equality)',
    {
      schema: 'Unique',
      valid: [
        [],
        [1, '1', true, null],
        [{ a: 1 }, { a: 2 }],
        [
          [1, 2],
          [2, 1],
        ],
        [{ a: 1, b: 2 }, { a: 1 }],
      ],
      invalid: [
        [1, 1],
        ['a', 'b', 'a'],
        [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
        [
          [1, [2]],
          [1, [2]],
        ],
        [null, null],
      ],
    },
  ],
  [
    'minProperties and maxProperties',
    {
      schema: 'PropertyCount',
      valid: [{ a: 1 }, { a: 1, b: 2 }],
      invalid: [{}, { a: 1, b: 2, c: 3 }],
    },
  ],
  ['not', { schema: 'Not', valid: [1, null, {}, []], invalid: ['', 'a'] }],
  [
    'patternProperties',
    {
      schema: 'PatternProperties',
      valid: [{}, { id: 'x', s_a: 'a', i_b: 1 }],
      invalid: [{ s_a: 1 }, { i_b: 'x' }, { other: 1 }, { id: 1 }],
    },
  ],
  [
    'propertyNames',
    {
      schema: 'PropertyNames',
      valid: [{}, { abcd: 1 }],
      invalid: [{ Abc: 1 }, { abcde: 1 }, { 'a-b': 1 }],
    },
  ],
  [
    '$ref with siblings (3.1: both apply)',
    { schema: 'RefWithSiblings', valid: ['ab'], invalid: ['abc', 'a'] },
  ],
  [
    'keywords without type apply to their type only',
    { schema: 'Untyped', valid: ['ab', 3, true, null, [], { a: 1 }], invalid: ['a', 2, {}] },
  ],
  [
    'boolean schemas',
    {
      schema: 'BooleanSchemas',
      valid: [{}, { anything: [1] }],
      invalid: [{ nothing: 1 }, { nothing: null }],
    },
  ],
  ['empty schema', { schema: 'Empty', valid: [null, 1, 'a', {}, []], invalid: [] }],
  [
    'an empty schema still wants a value (difference non-json: ajv accepts undefined)',
    { schema: 'Empty', valid: [null], invalid: [undefined], difference: 'non-json' },
  ],
  [
    'anyOf of a ref and null',
    {
      schema: 'NullableRefUnion',
      valid: [null, { id: 'a', nested: { flag: true } }],
      invalid: [{ id: 'a' }, 1],
    },
  ],
  [
    'type list with null and anyOf',
    { schema: 'NullWithComposition', valid: [null, {}], invalid: [1, []] },
  ],
];

describeGuardCases(FILE, cases);

describe('issues reported by validateX (3.1 keywords)', () => {
  const fixture = useFixture(FILE);

  it('point at the offending value with expected and found', () => {
    const result = fixture().validate('Order', {
      items: [
        { price: { amount: 1 } },
        { price: { amount: 2 } },
        { price: { amount: 3 } },
        { price: { amount: -5 } },
      ],
    });
    expect(result.issues).toEqual([
      {
        path: '/items/3/price/amount',
        expected: 'integer >= 0',
        found: '-5',
        message: 'expected integer >= 0, found -5',
      },
    ]);
  });

  it('reports every problem, not only the first', () => {
    const result = fixture().validate('Properties', {
      id: 1,
      count: 'many',
      nested: { flag: 'yes' },
    });
    expect(result.issues?.map((i) => [i.path, i.expected, i.found])).toEqual([
      ['/id', 'string', '1'],
      ['/count', 'integer', 'string "many"'],
      ['/nested/flag', 'boolean', 'string "yes"'],
    ]);
  });

  it('reports missing required properties at their path', () => {
    const result = fixture().validate('Properties', { nested: {} });
    expect(result.issues).toEqual([
      {
        path: '/id',
        expected: 'string',
        found: 'missing',
        message: 'missing required property: expected string',
      },
      {
        path: '/nested/flag',
        expected: 'boolean',
        found: 'missing',
        message: 'missing required property: expected boolean',
      },
    ]);
  });

  it.each([
    ['Length', 'a', '', 'string with at least 2 characters', 'string "a"'],
    ['Length', 'abcd', '', 'string with at most 3 characters', 'string "abcd"'],
    ['Pattern', 'ab', '', 'string matching /^\\p{Lu}\\p{Ll}+$/u', 'string "ab"'],
    ['ExclusiveBounds', 0, '', 'number > 0', '0'],
    ['TighterOfBoth', 5, '', 'integer > 5', '5'],
    ['MultipleOfDecimal', 0.001, '', 'multiple of 0.01', '0.001'],
    [
      'EnumLarge',
      'black',
      '',
      'one of "red", "green", "blue", "cyan", "magenta", "yellow"',
      'string "black"',
    ],
    ['Const', 'x', '', '"fixed"', 'string "x"'],
    ['ItemsCount', [], '', 'array with at least 1 item', 'array of 0 items'],
    ['PropertyCount', {}, '', 'object with at least 1 property', 'object with 0 properties'],
    ['Not', 'a', '', 'not string', 'string "a"'],
    ['AdditionalFalse', { 'a/b~c': 1 }, '/a~1b~0c', 'no additional property', '1'],
    [
      'PropertyNames',
      { Abc: 1 },
      '/Abc',
      'property name: string matching /^[a-z]+$/u',
      'string "Abc"',
    ],
    ['PrefixItemsClosed', ['a', 1, 2], '', 'array with at most 2 items', 'array of 3 items'],
    ['TypeListNullable', 1, '', 'string | null', '1'],
    ['OneOfMixedKinds', [1], '/0', 'string', '1'],
  ])('%s %j: %s expected %s', (schema, value, path, expected, found) => {
    const result = fixture().validate(schema, value);
    expect(result.issues?.[0]).toMatchObject({ path, expected, found });
  });

  it('explains uniqueItems and oneOf failures', () => {
    expect(fixture().validate('Unique', [1, 2, 1]).issues?.[0]?.message).toBe(
      'items 0 and 2 are equal: expected array of unique items, found array of 3 items',
    );
    expect(fixture().validate('OneOf', 6).issues?.[0]?.message).toBe(
      'matches 2 of the oneOf schemas: expected exactly one of integer (multiple of 2) | integer (multiple of 3), found 6',
    );
  });

  it('assertX throws a GuardError with the schema name and the first issues', () => {
    const { call, guards } = fixture(); // eslint-disable-line @typescript-eslint/unbound-method -- plain functions, not methods
    const GuardError = guards['GuardError'] as unknown as new (...args: never[]) => Error;
    let thrown: unknown;
    try {
      call('assertProperties', { id: 1, count: 'x', nested: { flag: 1 }, extra: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GuardError);
    expect(thrown).toMatchObject({ name: 'GuardError', schema: 'Properties' });
    expect((thrown as { issues: unknown[] }).issues).toHaveLength(3);
    expect((thrown as Error).message).toBe(
      [
        'Invalid Properties (3 issues):',
        '  /id: expected string, found 1',
        '  /count: expected integer, found string "x"',
        '  /nested/flag: expected boolean, found 1',
      ].join('\n'),
    );
    expect(call('assertProperties', { id: 'a', nested: { flag: true } })).toBeUndefined();
  });
});
