/**
 * `unevaluatedProperties` across every way JSON Schema 2020-12 combines schemas (allOf, anyOf,
 * oneOf, $ref, if/then/else, dependentSchemas, nested unevaluatedProperties), on small
 * hand-written schemas: the guards decide each value as ajv does (the reference of reference.ts,
 * with the deliberate differences of differences.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, specPackage } from '../faults/package.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { compileDoc, guardFunction, type SpecGuards } from './compile.ts';
import { referenceFor, type Reference } from './reference.ts';

const str = { type: 'string' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const SCHEMAS: Record<string, unknown> = {
  Own: { type: 'object', properties: { a: str }, unevaluatedProperties: false },
  BesideAllOf: {
    type: 'object',
    allOf: [{ properties: { a: str } }, ref('Named')],
    unevaluatedProperties: false,
  },
  Named: { type: 'object', properties: { n: str } },
  ClosedInside: { type: 'object', properties: { a: str }, unevaluatedProperties: false },
  AroundClosed: {
    type: 'object',
    properties: { c: str },
    allOf: [ref('ClosedInside')],
    unevaluatedProperties: false,
  },
  BesideIfThen: {
    type: 'object',
    properties: { kind: str },
    if: { properties: { kind: { const: 'a' } } },
    then: { properties: { x: str } },
    else: { properties: { y: str } },
    unevaluatedProperties: false,
  },
  BesideDependent: {
    type: 'object',
    properties: { card: str },
    dependentSchemas: { card: { properties: { billing: str } } },
    unevaluatedProperties: false,
  },
  Typed: {
    type: 'object',
    properties: { a: str },
    patternProperties: { '^x-': { type: 'integer' } },
    unevaluatedProperties: { type: 'boolean' },
  },
  Items: {
    type: 'array',
    prefixItems: [str],
    allOf: [{ prefixItems: [str, str] }],
    unevaluatedItems: false,
  },
  TypedItems: { type: 'array', prefixItems: [str], unevaluatedItems: { type: 'integer' } },
  ItemsBesideItems: { type: 'array', allOf: [{ items: str }], unevaluatedItems: false },
  ItemsBesideThen: {
    type: 'array',
    if: { prefixItems: [{ const: 'a' }] },
    then: { prefixItems: [str, str] },
    unevaluatedItems: false,
  },
  // Items `contains` matches are evaluated (§10.3.1.3, helper-125 1): they were refused.
  ContainsClosed: { type: 'array', contains: str, unevaluatedItems: false },
  ContainsTyped: { type: 'array', contains: str, unevaluatedItems: { type: 'integer' } },
  ContainsBesidePrefix: {
    type: 'array',
    prefixItems: [str],
    contains: { type: 'integer' },
    unevaluatedItems: false,
  },
  ContainsInAllOf: { type: 'array', allOf: [{ contains: { const: 1 } }], unevaluatedItems: false },
  Tree: { type: 'object', unevaluatedProperties: ref('Tree') },
  // Beside a `$ref` (3.1): what the target evaluates counts, as through allOf (§8.2.3.1).
  RefTarget: { type: 'object', properties: { a: str } },
  BesideRef: {
    $ref: '#/components/schemas/RefTarget',
    properties: { b: str },
    unevaluatedProperties: false,
  },
  RefChain: {
    $ref: '#/components/schemas/BesideRefOpen',
    properties: { c: str },
    unevaluatedProperties: false,
  },
  BesideRefOpen: { $ref: '#/components/schemas/RefTarget', properties: { b: str } },
  BesideInlineRef: {
    $ref: '#/components/schemas/Holder/properties/inner',
    properties: { b: str },
    unevaluatedProperties: false,
  },
  Holder: { type: 'object', properties: { inner: { type: 'object', properties: { a: str } } } },
  RefTuple: { type: 'array', prefixItems: [str, str] },
  ItemsBesideRef: {
    $ref: '#/components/schemas/RefTuple',
    prefixItems: [str],
    unevaluatedItems: false,
  },
  RefBranches: {
    type: 'object',
    anyOf: [{ properties: { a: str } }, { properties: { b: { type: 'integer' } } }],
  },
  BesideRefToBranches: {
    $ref: '#/components/schemas/RefBranches',
    unevaluatedProperties: false,
  },
  // Only the branches that pass evaluate (§11.3): every passing anyOf branch, the one of oneOf.
  AnyOfU: {
    type: 'object',
    anyOf: [{ properties: { a: str } }, { properties: { b: { type: 'integer' } } }],
    unevaluatedProperties: false,
  },
  OneOfU: {
    type: 'object',
    oneOf: [
      { properties: { a: str }, required: ['a'] },
      { properties: { b: { type: 'integer' } }, required: ['b'] },
    ],
    unevaluatedProperties: false,
  },
  NestedAnyOfU: {
    type: 'object',
    properties: { k: str },
    allOf: [
      {
        anyOf: [
          {
            properties: { a: str },
            anyOf: [{ properties: { c: str } }, { properties: { d: str } }],
          },
          { properties: { b: { type: 'integer' } } },
        ],
      },
    ],
    unevaluatedProperties: false,
  },
  BranchOpen: {
    type: 'object',
    properties: { k: str },
    anyOf: [{ required: ['k'], additionalProperties: true }, { properties: { a: str } }],
    unevaluatedProperties: false,
  },
  AnyOfSame: {
    type: 'object',
    anyOf: [{ properties: { a: str } }, { properties: { a: { type: 'integer' } } }],
    unevaluatedProperties: false,
  },
  AnyOfTyped: {
    type: 'object',
    anyOf: [{ properties: { a: str } }, { patternProperties: { '^p-': { type: 'integer' } } }],
    unevaluatedProperties: { type: 'boolean' },
  },
  ThenElseU: {
    type: 'object',
    if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
    then: { properties: { x: str } },
    else: { properties: { y: str } },
    unevaluatedProperties: false,
  },
  AnyItems: {
    type: 'array',
    anyOf: [{ prefixItems: [str] }, { prefixItems: [{ type: 'integer' }, { type: 'integer' }] }],
    unevaluatedItems: false,
  },
  OneOfItemsTyped: {
    type: 'array',
    oneOf: [{ prefixItems: [str] }, { prefixItems: [{ type: 'integer' }, { type: 'integer' }] }],
    unevaluatedItems: { type: 'boolean' },
  },
  AnyItemsOpen: {
    type: 'array',
    anyOf: [
      { prefixItems: [str] },
      { prefixItems: [{ type: 'integer' }], items: { type: 'integer' } },
    ],
    unevaluatedItems: false,
  },
};

/**
 * Values to decide, by schema. Left out, where ajv 8 departs from §11.3 and the guards do not: the
 * keys a nested anyOf of a FAILED branch evaluates (ajv counts them: NestedAnyOfU with
 * `{ k, a: 1, b: 1, c: 'y' }`), and `items` inside an anyOf branch that passes (ajv does not count
 * it: AnyItemsOpen with `[1, 2, 3]`).
 */
const VALUES: Record<string, unknown[]> = {
  Own: [{ a: 'x' }, { b: 'x' }, {}],
  BesideAllOf: [
    { a: 'x', n: 'y' },
    { a: 'x', z: 1 },
  ],
  AroundClosed: [{ a: 'x' }, { a: 'x', c: 'y' }],
  BesideIfThen: [{ kind: 'a', x: 'x' }, { kind: 'b', y: 'y' }, { kind: 'a' }, { z: 1 }],
  BesideDependent: [{ card: 'c', billing: 'b' }, { card: 'c' }, { z: 1 }],
  Typed: [{ a: 'x', 'x-n': 1, other: true }, { other: 'no' }, { 'x-n': 'no' }],
  Items: [['a'], ['a', 'b'], ['a', 'b', 'c'], []],
  TypedItems: [['a', 1, 2], ['a', 'b'], ['a']],
  ItemsBesideItems: [['a', 'b'], []],
  ItemsBesideThen: [['a', 'b'], ['a'], ['a', 'b', 'c']],
  BesideRef: [{ a: 'x' }, { a: 'x', b: 'y' }, { b: 'y' }, { a: 'x', z: 1 }, { a: 1 }],
  RefChain: [{ a: 'x', b: 'y', c: 'z' }, { a: 'x' }, { c: 'z', d: 1 }],
  BesideInlineRef: [{ a: 'x', b: 'y' }, { b: 'y' }],
  ItemsBesideRef: [['a', 'b'], ['a'], ['a', 'b', 'c'], ['a', 1]],
  BesideRefToBranches: [
    { a: 'x' },
    { b: 1 },
    { a: 1, b: 1 },
    { a: 'x', b: 'y' },
    { a: 'x', b: 1 },
    { z: 1 },
  ],
  AnyOfU: [
    { a: 'x' },
    { b: 1 },
    { a: 'x', b: 1 },
    { a: 1, b: 1 },
    { a: 'x', b: 'y' },
    {},
    { c: 1 },
  ],
  OneOfU: [{ a: 'x' }, { b: 1 }, { a: 'x', b: 'y' }, { a: 1, b: 1 }, { a: 'x', b: 1 }],
  NestedAnyOfU: [
    { k: 'k', a: 'x', c: 'y' },
    { k: 'k', a: 'x', c: 1, d: 'y' },
    { a: 'x', c: 'y', d: 'z' },
    { b: 1, c: 'y' },
  ],
  BranchOpen: [{ k: 'k', z: 1 }, { a: 'x', z: 1 }, { a: 'x' }, { k: 'k' }],
  AnyOfSame: [{ a: 'x' }, { a: 1 }, { a: 'x', b: 1 }],
  AnyOfTyped: [
    { a: 'x', 'p-1': 2 },
    { a: 'x', 'p-1': 'y' },
    { a: 1, 'p-1': 2 },
    { a: 'x', z: true },
    { a: 'x', z: 1 },
  ],
  ThenElseU: [
    { kind: 'a', x: 'x' },
    { kind: 'b', y: 'y' },
    { kind: 'a', y: 'y' },
    { kind: 'b', x: 'x' },
  ],
  AnyItems: [['a'], [1, 2], ['a', 2], [1, 2, 3], [1], ['a', 'b'], []],
  OneOfItemsTyped: [
    ['a', true],
    [1, 2, true],
    [1, 2, 3],
    ['a', 2],
    [1, true, true],
  ],
  AnyItemsOpen: [['a'], ['a', 'b'], ['a', 2]],
  ContainsClosed: [['a'], ['a', 'b'], [], [1]],
  // ['s', true] is refused, where ajv accepts it: differences.ts `contains-evaluates`.
  ContainsTyped: [['s', 1], [1], ['s'], [true]],
  ContainsBesidePrefix: [['s', 1], ['s', 's'], ['s'], ['s', 1, 2]],
  ContainsInAllOf: [[1], [1, 1], [2], []],
};

const doc = {
  openapi: '3.1.0',
  info: { title: 'unevaluated', version: '1' },
  paths: {},
  components: { schemas: SCHEMAS },
};
let compiled: SpecGuards;
let reference: Reference;

beforeAll(async () => {
  compiled = await compileDoc(doc, '3.1');
  reference = referenceFor(doc, '3.1');
}, 60_000);

describe('unevaluatedProperties and unevaluatedItems, as ajv decides', () => {
  it.each(Object.entries(VALUES).flatMap(([name, values]) => values.map((v) => [name, v])))(
    '%s: %j',
    (name, value) => {
      const guard = guardFunction(compiled.guards, `is${name as string}`);
      expect(guard(value)).toBe(reference.check(name as string, value));
    },
  );
});

describe('validate reports the keys and items no schema that applies evaluates', () => {
  const validate = (name: string, value: unknown) =>
    guardFunction(compiled.guards, `validate${name}`)(value) as {
      ok: boolean;
      issues?: { path: string; expected: string }[];
    };

  it('a key only a failing anyOf branch declares, as an unexpected property', () => {
    expect(validate('AnyOfU', { a: 'x', b: 'y' }).issues).toEqual([
      expect.objectContaining({
        path: '/b',
        expected: 'no additional property',
        message: 'unexpected property: expected no additional property, found string "y"',
      }),
    ]);
    expect(validate('AnyOfU', { a: 'x', b: 1 }).ok).toBe(true);
  });

  it('the first item only a failing anyOf branch evaluates', () => {
    expect(validate('AnyItems', ['a', 2]).issues).toEqual([
      expect.objectContaining({ path: '/1', expected: 'no unevaluated item' }),
    ]);
  });

  it('the items after those evaluated, against the unevaluatedItems schema', () => {
    expect(validate('OneOfItemsTyped', ['a', 2]).issues).toEqual([
      expect.objectContaining({ path: '/1', expected: 'boolean' }),
    ]);
  });
});

describe('a schema that recurs through unevaluatedProperties', () => {
  it('stops at the nesting limit instead of overflowing the stack', () => {
    let value: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) value = { next: value };
    const isTree = guardFunction(compiled.guards, 'isTree');
    expect(isTree({ next: { next: {} } })).toBe(true);
    expect(isTree({ next: 1 })).toBe(false);
    expect(isTree(value)).toBe(false);
  });
});

describe('the package of these schemas', () => {
  it('compiles under strict settings (the guards narrow to the types)', async () => {
    try {
      expect(diagnostics(await specPackage(doc))).toEqual([]);
    } finally {
      await removeTempDirs();
    }
  }, 120_000);
});
