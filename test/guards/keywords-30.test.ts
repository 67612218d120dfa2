/** OpenAPI 3.0 spellings: emitted guards vs hand labels vs ajv draft-07 (with its `nullable` support). */
import { describe, expect, it } from 'vitest';
import { describeGuardCases, useFixture, type GuardCases } from './cases.ts';

const FILE = 'keywords-30.yaml';
const user = { login: 'octocat' };
const team = { slug: 'core' };

const cases: GuardCases = [
  [
    'nullable string',
    { schema: 'NullableString', valid: ['ab', null], invalid: ['a', 1, undefined] },
  ],
  [
    'nullable object',
    { schema: 'NullableObject', valid: [null, { id: 1 }], invalid: [{}, { id: null }, []] },
  ],
  [
    'nullable enum with null listed',
    { schema: 'NullableEnumListed', valid: ['success', null], invalid: ['x'] },
  ],
  [
    'nullable enum without null listed',
    { schema: 'NullableEnumNotListed', valid: ['failure'], invalid: [null, 'x'] },
  ],
  [
    'nullable enum without type: enum decides, null is not listed',
    { schema: 'NullableEnumWithoutType', valid: ['on', 'off'], invalid: [null, 'x'] },
  ],
  [
    'nullable one-value enum without null listed',
    { schema: 'NullableConst', valid: ['fixed'], invalid: [null] },
  ],
  [
    'a nullable enum property without null listed',
    {
      schema: 'NullableEnumProperty',
      valid: [{ state: 'open' }],
      invalid: [{ state: null }, {}],
    },
  ],
  [
    'nullable beside anyOf (no type)',
    { schema: 'NullableAnyOf', valid: [null, user, team], invalid: [{}, 'x'] },
  ],
  [
    'nullable beside oneOf (no type)',
    { schema: 'NullableOneOf', valid: [null, 'a', ['a']], invalid: [[1], 1, {}] },
  ],
  [
    'nullable beside allOf of a ref',
    { schema: 'NullableAllOfRef', valid: [null, user], invalid: [team, 1] },
  ],
  ['exclusiveMinimum: true', { schema: 'ExclusiveMinimum', valid: [0.1, 5], invalid: [0, -1] }],
  [
    'exclusiveMaximum: true',
    { schema: 'ExclusiveMaximum', valid: [9, -5], invalid: [10, 11, 9.5] },
  ],
  ['exclusive bounds false', { schema: 'NotExclusive', valid: [0, 10], invalid: [-1, 11] }],
  [
    'items (3.0 form) with nullable items',
    { schema: 'Items', valid: [['a', null]], invalid: [[], [1], 'a'] },
  ],
  [
    '$ref siblings are ignored in 3.0',
    { schema: 'RefWithSiblings', valid: ['abc', ''], invalid: [null, 'abcd', 1] },
  ],
  [
    'additionalProperties of nullable scalars (GitHub metadata)',
    {
      schema: 'Metadata',
      valid: [{}, { a: null, b: 1 }, { a: true }],
      invalid: [{ a: [] }, { a: 1, b: 2, c: 3 }, { a: {} }],
    },
  ],
  [
    'annotations do not check anything (format is not enforced)',
    {
      schema: 'Annotated',
      valid: [{}, { id: 'not-a-uuid', created: 'yesterday' }],
      invalid: [{ id: 1 }, { created: null }],
    },
  ],
];

describeGuardCases(FILE, cases);

describe('3.0 guards: details', () => {
  const fixture = useFixture(FILE);

  it('marks deprecated schemas, and links to the type for its description', () => {
    const { source } = fixture().compiled;
    expect(source).toMatch(
      /Checks `value` against the \{@link Annotated\} schema and reports every issue\.\s+\* @deprecated The Annotated schema is deprecated\.\s+\*\/\s+export function validateAnnotated/,
    );
    expect(source).not.toContain('Only annotations beside the checks.');
    expect(source).not.toMatch(/@deprecated The User schema/);
  });

  it('reports a failing nullable value with "| null" in expected', () => {
    expect(fixture().validate('NullableAnyOf', 'x').issues).toEqual([
      {
        path: '',
        expected: 'User | Team | null',
        found: 'string "x"',
        message: 'expected User | Team | null, found string "x"',
      },
    ]);
  });
});
