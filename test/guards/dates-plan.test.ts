/** Which schemas the dates helpers revive, and where: generator/emit/dates/plan.ts, table-driven. */
import { describe, expect, it } from 'vitest';
import { planDates, type Reviver } from '../../generator/emit/dates/plan.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';

const date = { type: 'string', format: 'date-time' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function plan(
  schemas: Record<string, unknown>,
  version: '3.0' | '3.1' = '3.1',
): Record<string, Reviver> {
  const model = buildSchemaModel({ components: { schemas } }, { file: 'inline.yaml', version });
  return Object.fromEntries(planDates(model));
}

const D = { kind: 'date', nullable: false } as const;

describe('planDates', () => {
  it.each<[string, Record<string, unknown>, Record<string, Reviver>]>([
    ['a date-time string', { At: date }, { At: D }],
    ['a date (not date-time) is left alone', { Day: { type: 'string', format: 'date' } }, {}],
    [
      'a nullable date-time',
      { At: { type: ['string', 'null'], format: 'date-time' } },
      { At: { ...D, nullable: true } },
    ],
    [
      'properties, required or not',
      {
        E: {
          type: 'object',
          required: ['a'],
          properties: { a: date, b: date, c: { type: 'string' } },
        },
      },
      {
        E: {
          kind: 'object',
          nullable: false,
          properties: [
            { name: 'a', required: true, reviver: D },
            { name: 'b', required: false, reviver: D },
          ],
        },
      },
    ],
    [
      'items and map values',
      { L: { type: 'array', items: date }, M: { type: 'object', additionalProperties: date } },
      {
        L: { kind: 'array', nullable: false, items: D },
        M: { kind: 'map', nullable: false, values: D },
      },
    ],
    [
      'inline variants of different JSON kinds, by kind',
      {
        K: {
          oneOf: [
            { type: 'object', properties: { at: date } },
            { type: 'array', items: date },
            { type: 'integer' },
            { type: 'null' },
          ],
        },
      },
      {
        K: {
          kind: 'kinds',
          nullable: true,
          kinds: {
            object: {
              kind: 'object',
              nullable: false,
              properties: [{ name: 'at', required: false, reviver: D }],
            },
            array: { kind: 'array', nullable: false, items: D },
          },
        },
      },
    ],
    [
      "an allOf member's additionalProperties, on the keys other members declare too",
      {
        A: {
          allOf: [
            { type: 'object', additionalProperties: date },
            { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          ],
        },
      },
      {
        A: {
          kind: 'object',
          nullable: false,
          properties: [{ name: 'id', required: true, reviver: D }],
          rest: { declared: ['id'], patterns: [], additional: D },
        },
      },
    ],
    [
      'unevaluatedProperties: the keys no combined schema declares',
      {
        U: {
          type: 'object',
          allOf: [{ properties: { id: { type: 'string' } } }],
          anyOf: [{ properties: { n: { type: 'integer' } } }, { type: 'object' }],
          unevaluatedProperties: date,
        },
      },
      {
        U: {
          kind: 'object',
          nullable: false,
          properties: [],
          rest: { declared: ['id', 'n'], patterns: [], additional: D },
        },
      },
    ],
    [
      'a ref to a schema declared later (found by the fixpoint)',
      {
        A: { type: 'object', properties: { b: ref('B') } },
        B: { type: 'array', items: ref('C') },
        C: date,
      },
      {
        A: {
          kind: 'object',
          nullable: false,
          properties: [
            { name: 'b', required: false, reviver: { kind: 'ref', target: 'B', nullable: false } },
          ],
        },
        B: { kind: 'array', nullable: false, items: { kind: 'ref', target: 'C', nullable: false } },
        C: D,
      },
    ],
    [
      'a union with null around one variant',
      { N: { oneOf: [ref('C'), { type: 'null' }] }, C: date },
      { N: { kind: 'ref', target: 'C', nullable: true }, C: D },
    ],
    [
      'a union of refs: the guards pick the variant',
      {
        U: { anyOf: [ref('A'), ref('B'), { type: 'string' }] },
        A: { type: 'object', properties: { at: date } },
        B: { type: 'integer' },
      },
      {
        U: { kind: 'variants', targets: ['A'], nullable: false },
        A: {
          kind: 'object',
          nullable: false,
          properties: [{ name: 'at', required: false, reviver: D }],
        },
      },
    ],
    [
      'allOf merges properties across members and refs',
      {
        S: {
          allOf: [
            ref('A'),
            { type: 'object', required: ['at'], properties: { n: { type: 'integer' } } },
          ],
        },
        A: { type: 'object', properties: { at: date } },
      },
      {
        S: {
          kind: 'object',
          nullable: false,
          properties: [{ name: 'at', required: true, reviver: D }],
        },
        A: {
          kind: 'object',
          nullable: false,
          properties: [{ name: 'at', required: false, reviver: D }],
        },
      },
    ],
    [
      'reached: prefixItems by position, a __proto__ property, additionalProperties and patternProperties beside properties',
      JSON.parse(
        JSON.stringify({
          T: { type: 'array', prefixItems: [date, { type: 'string' }] },
          P: { type: 'object', properties: { __proto__x: date } },
          R: {
            type: 'object',
            properties: { id: { type: 'string' } },
            patternProperties: { '^n_': { type: 'integer' } },
            additionalProperties: date,
          },
        }).replace('__proto__x', '__proto__'),
      ) as Record<string, unknown>,
      JSON.parse(
        JSON.stringify({
          T: { kind: 'array', prefix: [D, 'keep'], items: 'keep', nullable: false },
          P: {
            kind: 'object',
            properties: [{ name: '__proto__x', required: false, reviver: D }],
            nullable: false,
          },
          R: {
            kind: 'object',
            properties: [],
            rest: {
              declared: ['id'],
              patterns: [{ pattern: { source: '^n_', flags: 'u' }, reviver: 'keep' }],
              additional: D,
            },
            nullable: false,
          },
        }).replace('__proto__x', '__proto__'),
      ) as Record<string, Reviver>,
    ],
    [
      'left alone: inline variants beside others of their kind, a pattern not proven safe, and allOf with an empty object',
      {
        V: {
          anyOf: [
            { type: 'object', properties: { at: date } },
            { type: 'object', properties: { n: { type: 'integer' } } },
          ],
        },
        U: {
          type: 'object',
          patternProperties: { '^(a+)+$': date },
          additionalProperties: date,
        },
        X: {
          allOf: [
            { type: 'object', properties: { m: { type: 'object', properties: { at: date } } } },
            { type: 'object', properties: { m: { type: 'object' } } },
          ],
        },
      },
      {},
    ],
  ])('%s', (_name, schemas, expected) => {
    expect(plan(schemas)).toEqual(expected);
  });

  it('a schema whose property is an allOf of a $ref to itself and more: planned, no stack overflow', () => {
    // Found by the generator fuzz (seed 3000, case 462: a `$ref` with a `const` beside it).
    const tree = {
      type: 'object',
      properties: {
        at: date,
        next: { allOf: [ref('Tree'), { type: 'object', properties: { x: { type: 'string' } } }] },
        same: { ...ref('Tree'), const: 0 },
      },
    };
    const self = { kind: 'ref', target: 'Tree', nullable: false } as const;
    // One level is inlined (the allOf's members merged); below it, the `$ref` revives.
    const inner: Reviver = {
      kind: 'object',
      nullable: false,
      properties: [
        { name: 'at', required: false, reviver: D },
        { name: 'next', required: false, reviver: self },
        { name: 'same', required: false, reviver: self },
      ],
    };
    expect(plan({ Tree: tree })).toEqual({
      Tree: {
        kind: 'object',
        nullable: false,
        properties: [
          { name: 'at', required: false, reviver: D },
          { name: 'next', required: false, reviver: inner },
          { name: 'same', required: false, reviver: inner },
        ],
      },
    });
  });

  it('reads OpenAPI 3.0 nullable', () => {
    expect(plan({ At: { type: 'string', format: 'date-time', nullable: true } }, '3.0')).toEqual({
      At: { ...D, nullable: true },
    });
  });
});
