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
};

/** Values to decide, by schema. */
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
  BesideRefToBranches: [{ a: 'x' }, { b: 1 }, { a: 'x', b: 1 }, { z: 1 }],
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

describe('the package of these schemas', () => {
  it('compiles under strict settings (the guards narrow to the types)', async () => {
    try {
      expect(diagnostics(await specPackage(doc))).toEqual([]);
    } finally {
      await removeTempDirs();
    }
  }, 120_000);
});
