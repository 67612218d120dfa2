/**
 * The discriminator kind (issue 10 item 1): variants that pin the discriminator property are
 * picked by the pinned value (const, a one-value or several-value enum, through allOf and $ref),
 * an explicit mapping wins over pins and implicit names, anyOf and nullable unions dispatch the
 * same way, and an allOf parent or inline variants leave the discriminator an annotation. Every
 * value is also checked against ajv (its own `discriminator: true` where it supports the form).
 */
import { describe, expect, it } from 'vitest';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import type { UnionNode } from '../../generator/model/schema-types.ts';
import { describeGuardCases, useFixture } from './cases.ts';
import { loadFixture } from './harness.ts';

describeGuardCases('discriminator-pinned.yaml', [
  [
    'no mapping: the values the variants pin pick them (const, one-value enum)',
    {
      schema: 'Player',
      valid: [{ now: { kind: 'song', seconds: 3 } }, { now: { kind: 'talk', host: 'Ann' } }],
      invalid: [
        { now: { kind: 'Song', seconds: 3 } },
        { now: { kind: 'Talk', host: 'Ann' } },
        { now: { kind: 'song', host: 'Ann' } },
        { now: { seconds: 3 } },
        { now: 'song' },
      ],
    },
  ],
  [
    'no mapping: pinned through allOf and a $ref, two enum values, and a variant named implicitly',
    {
      schema: 'Vehicle',
      valid: [
        { kind: 'bike', wheels: 2 },
        { kind: 'van', seats: 3 },
        { kind: 'minivan', seats: 7 },
        { kind: 'Cart' },
        { kind: 'van', seats: 3, load: 1 },
      ],
      invalid: [
        { kind: 'Bike', wheels: 2 },
        { kind: 'bike' },
        { kind: 'Van', seats: 3 },
        { kind: 'cart' },
        { kind: 'van' },
      ],
    },
  ],
  [
    'an explicit mapping beside pinned and implicit variants',
    {
      schema: 'Payment',
      valid: [{ method: 'wire', iban: 'DE00' }, { method: 'Cash' }],
      invalid: [
        // The mapping sends `plastic` to Card, which pins `card`: no value reaches Card.
        { method: 'plastic', last4: '1234' },
        { method: 'card', last4: '1234' },
        { method: 'Card', last4: '1234' },
        { method: 'wire' },
        { method: 'cash' },
      ],
    },
  ],
  [
    'anyOf with a discriminator and pinned variants',
    {
      schema: 'Notice',
      valid: [
        { level: 'info', text: 'x' },
        { level: 'alert', text: 'x', urgent: true },
      ],
      invalid: [{ level: 'alert', text: 'x' }, { level: 'Info', text: 'x' }, { text: 'x' }],
    },
  ],
  [
    'a nullable discriminated union (3.1 type: null variant)',
    {
      schema: 'MaybeMedia',
      valid: [null, { kind: 'song', seconds: 1 }, { kind: 'talk', host: 'h' }],
      invalid: [{ kind: 'Song', seconds: 1 }, { kind: 'song' }, 'song', 1],
    },
  ],
  [
    'a discriminator on an allOf parent is an annotation where the parent is checked',
    {
      schema: 'Animal',
      valid: [{ species: 'owl' }, { species: 'anything', name: 'x' }],
      invalid: [{ name: 'x' }, { species: 1 }],
    },
  ],
  [
    'children of an allOf parent, picked by the mapping',
    {
      schema: 'Shelter',
      valid: [
        {},
        { resident: { species: 'owl', wingspan: 1.5 } },
        { resident: { species: 'fox', tail: true } },
      ],
      invalid: [
        { resident: { species: 'owl', tail: true } },
        { resident: { species: 'Owl', wingspan: 1 } },
        { resident: { species: 'fox' } },
      ],
    },
  ],
  [
    'inline variants that pin the property: an annotation, plain oneOf decides',
    {
      schema: 'Shape2D',
      valid: [
        { shape: 'circle', r: 1 },
        { shape: 'rect', w: 2 },
      ],
      invalid: [{ shape: 'circle', w: 1 }, { shape: 'oval', r: 1 }, {}],
    },
  ],
]);

describeGuardCases('discriminator-pinned-30.yaml', [
  [
    '3.0: no mapping, one-value enums',
    {
      schema: 'Pet',
      valid: [{ petType: 'cat', lives: 1 }, { petType: 'dog' }],
      invalid: [{ petType: 'Cat', lives: 1 }, { petType: 'Dog' }, { petType: 'cat' }, null],
    },
  ],
  [
    '3.0: nullable without type beside a discriminated oneOf',
    {
      schema: 'NullablePet',
      valid: [null, { petType: 'dog' }],
      invalid: [{ petType: 'Dog' }, 'dog'],
    },
  ],
  [
    '3.0: nullable with type beside a discriminated oneOf',
    {
      schema: 'TypedNullablePet',
      valid: [null, { petType: 'cat', lives: 2 }],
      invalid: [{ petType: 'Cat', lives: 2 }, []],
    },
  ],
  [
    '3.0: a discriminated union behind a nullable allOf wrapper',
    {
      schema: 'Owner',
      valid: [{ favoritePet: null }, { favoritePet: { petType: 'dog' } }],
      invalid: [{}, { favoritePet: { petType: 'Dog' } }],
    },
  ],
]);

describe('the discriminator model', () => {
  const union = (file: string, schema: string, property?: string): UnionNode => {
    const { doc, version } = loadFixture(file);
    const named = buildSchemaModel(doc, { file, version }).find((s) => s.originalName === schema);
    let node = named?.node;
    if (property !== undefined && node?.kind === 'object')
      node = node.properties.find((p) => p.name === property)?.node;
    if (node?.kind !== 'union') throw new Error(`${schema} is not a union`);
    return node;
  };

  it.each([
    [
      'Player.now',
      union('discriminator-pinned.yaml', 'Player', 'now'),
      [
        ['song', 'Song'],
        ['talk', 'Talk'],
      ],
    ],
    [
      'Vehicle',
      union('discriminator-pinned.yaml', 'Vehicle'),
      [
        ['bike', 'Bike'],
        ['van', 'Van'],
        ['minivan', 'Van'],
        ['Cart', 'Cart'],
      ],
    ],
    [
      'Payment',
      union('discriminator-pinned.yaml', 'Payment'),
      [
        ['plastic', 'Card'],
        ['wire', 'Wire'],
        ['Cash', 'Cash'],
      ],
    ],
    [
      'MaybeMedia',
      union('discriminator-pinned.yaml', 'MaybeMedia'),
      [
        ['song', 'Song'],
        ['talk', 'Talk'],
      ],
    ],
  ])('%s maps values to variants', (_name, node, mapping) => {
    expect(node.discriminator?.mapping.map((m) => [m.value, m.target])).toEqual(mapping);
  });

  it('leaves the discriminator of inline object variants an annotation', () => {
    expect(union('discriminator-pinned.yaml', 'Shape2D').discriminator).toBeUndefined();
  });
});

describe('discriminator issues name the pinned values', () => {
  const fixture = useFixture('discriminator-pinned.yaml');
  it('an unknown value lists the values that pick a variant', () => {
    expect(fixture().validate('Vehicle', { kind: 'truck' }).issues).toEqual([
      {
        path: '/kind',
        expected: '"bike" | "van" | "minivan" | "Cart"',
        found: 'string "truck"',
        message:
          'unknown discriminator value: expected "bike" | "van" | "minivan" | "Cart", found string "truck"',
      },
    ]);
  });
});
