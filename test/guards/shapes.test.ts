/** Recursion, discriminated unions and readOnly/writeOnly: emitted guards vs hand labels vs ajv. */
import { describe, expect, it } from 'vitest';
import { describeGuardCases, useFixture } from './cases.ts';

const tree = {
  value: 1,
  children: [{ value: 2 }, { value: 3, children: [{ value: 4, children: [] }] }],
};
const folder = {
  name: 'root',
  entries: [
    { name: 'a', size: 1 },
    { name: 'sub', entries: [{ name: 'b', size: 0 }] },
  ],
};
const list = { head: 'a', tail: { head: 'b', tail: null } };

describeGuardCases('recursion.yaml', [
  [
    'a tree',
    {
      schema: 'Tree',
      valid: [{ value: 1 }, tree],
      invalid: [{ value: 1, children: [{ value: 'x' }] }, { children: [] }],
    },
  ],
  [
    'mutual recursion through oneOf',
    {
      schema: 'Folder',
      valid: [folder, { name: 'empty', entries: [] }],
      invalid: [
        { name: 'root', entries: [{ name: 'a', size: -1 }] },
        { name: 'root', entries: [{ name: 'sub', entries: [{ name: 'b' }] }] },
        { name: 'root', entries: [{ name: 'a', size: 1, entries: [1] }] },
        { name: 'root', entries: [{ name: 'a', size: 1, extra: true }] },
      ],
    },
  ],
  [
    'recursion through anyOf, items and maps',
    {
      schema: 'Value',
      valid: [{}, { v: null }, { v: [{ v: 1 }, {}] }, { v: { a: { v: { b: { v: 'x' } } } } }],
      invalid: [{ v: [1] }, { v: { a: 1 } }, { v: { a: { v: [null] } } }],
    },
  ],
  [
    'a nullable recursive list',
    {
      schema: 'LinkedList',
      valid: [null, list],
      invalid: [{ head: 'a', tail: { tail: null } }, 1],
    },
  ],
]);

describe('recursion: issues deep in the structure', () => {
  const fixture = useFixture('recursion.yaml');
  it('reports the full path through recursive calls', () => {
    const bad = { value: 1, children: [{ value: 2 }, { value: 3, children: [{ value: 4.5 }] }] };
    expect(fixture().validate('Tree', bad).issues).toEqual([
      {
        path: '/children/1/children/0/value',
        expected: 'integer',
        found: '4.5',
        message: 'expected integer, found 4.5',
      },
    ]);
  });
  it('copes with deep data', () => {
    let deep: { value: number; children?: unknown[] } = { value: 0 };
    for (let i = 1; i < 2000; i++) deep = { value: i, children: [deep] };
    expect(fixture().call('isTree', deep)).toBe(true);
  });
});

describeGuardCases('discriminator.yaml', [
  [
    'oneOf with discriminator mapping',
    {
      schema: 'Pet',
      valid: [{ petType: 'cat', lives: 9 }, { petType: 'dog' }, { petType: 'Lizard' }],
      invalid: [
        { petType: 'cat', lives: 10 },
        { petType: 'bird' },
        { lives: 1 },
        { petType: 'Cat', lives: 1 },
        'cat',
        null,
      ],
    },
  ],
  [
    'anyOf with discriminator',
    {
      schema: 'Event',
      valid: [{ type: 'created', id: 'x' }, { type: 'deleted' }],
      invalid: [{ type: 'created' }, { type: 'other' }],
    },
  ],
  [
    'a discriminator with an array variant (GitHub contents)',
    {
      schema: 'Content',
      valid: [[], [{ name: 'a' }], { type: 'symlink', target: 't' }],
      invalid: [{ type: 'array' }, [{}], { type: 'symlink' }],
    },
  ],
  [
    'a nullable discriminated union: a type: null variant beside the refs',
    { schema: 'MaybePet', valid: [null, { petType: 'dog' }], invalid: [{ petType: 'bird' }, 1] },
  ],
  [
    'the discriminator picks the variant (difference discriminator: plain oneOf decides otherwise)',
    {
      schema: 'Shape',
      valid: [
        { kind: 'Circle', radius: 1 },
        { kind: 'Circle', radius: 1, side: 2 },
      ],
      invalid: [
        { kind: 'Square', radius: 1 },
        { kind: 'Triangle', side: 1 },
      ],
    },
  ],
]);

describe('discriminator: issues', () => {
  const fixture = useFixture('discriminator.yaml');
  it.each([
    [
      { petType: 'bird' },
      {
        path: '/petType',
        expected: '"cat" | "dog" | "Lizard"',
        found: 'string "bird"',
        message:
          'unknown discriminator value: expected "cat" | "dog" | "Lizard", found string "bird"',
      },
    ],
    [
      { lives: 1 },
      {
        path: '/petType',
        expected: '"cat" | "dog" | "Lizard"',
        found: 'missing',
        message: 'missing discriminator property: expected "cat" | "dog" | "Lizard"',
      },
    ],
    [
      { petType: 'cat', lives: 10 },
      {
        path: '/lives',
        expected: 'integer <= 9',
        found: '10',
        message: 'expected integer <= 9, found 10',
      },
    ],
    [
      'cat',
      {
        path: '',
        expected: 'Cat | Dog | Lizard',
        found: 'string "cat"',
        message: 'expected Cat | Dog | Lizard, found string "cat"',
      },
    ],
  ])('Pet %j', (value, issue) => {
    expect(fixture().validate('Pet', value).issues).toEqual([issue]);
  });
  it('checks only the chosen variant', () => {
    expect(fixture().validate('Shape', { kind: 'Square', radius: 1 }).issues).toEqual([
      {
        path: '/side',
        expected: 'number',
        found: 'missing',
        message: 'missing required property: expected number',
      },
    ]);
  });
});

describeGuardCases('read-write.yaml', [
  [
    'readOnly is required in responses; writeOnly is not (difference write-only)',
    {
      schema: 'Account',
      valid: [
        { id: 'a', email: 'e' },
        { id: 'a', email: 'e', password: 'long enough', pin: '1234' },
      ],
      invalid: [
        { email: 'e' },
        { id: 'a', email: 'e', password: 'short' },
        { id: 'a', email: 'e', pin: '12' },
      ],
    },
  ],
  [
    'present writeOnly values are checked like ajv does',
    {
      schema: 'Account',
      valid: [{ id: 'a', email: 'e', password: '12345678', pin: '0000' }],
      invalid: [
        { id: 1, email: 'e', password: '12345678', pin: '0000' },
        { id: 'a', email: 'e', password: 'short', pin: '0000' },
      ],
    },
  ],
]);
