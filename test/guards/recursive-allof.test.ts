/**
 * allOf members that refer back into a cycle of named schemas through an object or an array
 * (recursive-allof.yaml): the guards decide like ajv, and the SDK's types compile under strict.
 * The cycles that consume nothing are schema-chains.test.ts's; a union parent whose children
 * extend it is test/faults/union-parents.test.ts's.
 */
import { afterAll, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, specPackage } from '../faults/package.ts';
import { describeGuardCases } from './cases.ts';
import { loadFixture } from './harness.ts';

const FILE = 'recursive-allof.yaml';

afterAll(removeTempDirs);

it('types of the SDK compile under strict', async () => {
  const pkg = await specPackage(loadFixture(FILE).doc);
  expect(
    diagnostics(pkg, {
      'src/check.ts': `
import type { Chapter, FullDict, LabelledSum, Linked, NodeModel } from './types.js';
export const node: NodeModel = { id: 'a', children: [{ id: 'b', children: [] }] };
export const chapter: Chapter = { title: 't', next: { next: { depth: 2 } } };
export const sum: LabelledSum = { terms: [1, { terms: [2] }], label: 'l' };
export const linked: Linked = { id: 'a', next: { id: 'b' } };
export const dict: FullDict = { a: { b: 1 } };
// @ts-expect-error a child's id is a string
export const badNode: NodeModel = { id: 'a', children: [{ id: 1 }] };
// @ts-expect-error a term is an integer or a Sum
export const badSum: LabelledSum = { terms: ['x'] };
`,
    }),
  ).toEqual([]);
});

describeGuardCases(FILE, [
  [
    'a tree that extends a base',
    {
      schema: 'Node',
      valid: [{ id: 'a' }, { id: 'a', children: [{ id: 'b', children: [{ id: 'c' }] }] }],
      invalid: [
        {},
        { id: 'a', children: [{}] },
        { id: 'a', children: [{ id: 'b', children: [1] }] },
      ],
    },
  ],
  [
    'mutual recursion through allOf',
    {
      schema: 'Chapter',
      valid: [{}, { title: 't', next: { next: { depth: 1 } } }],
      invalid: [{ title: 1 }, { next: { title: 1 } }, { next: { next: { depth: 1.5 } } }],
    },
  ],
  [
    'an allOf of two schemas of one cycle, with properties beside it',
    {
      schema: 'LabelledSum',
      valid: [{ terms: [] }, { terms: [1, { terms: [2] }], label: 'l' }],
      invalid: [1, { terms: [1.5] }, { terms: [{ terms: ['x'] }] }, { terms: [], label: 2 }],
    },
  ],
  [
    'recursion beside $ref (3.1)',
    {
      schema: 'Linked',
      valid: [{ id: 'a' }, { id: 'a', next: { id: 'b', next: { id: 'c' } } }],
      invalid: [{}, { id: 'a', next: {} }, { id: 'a', next: { id: 'b', next: { id: 3 } } }],
    },
  ],
  [
    'recursion through if/then/else and an allOf of the schema',
    {
      schema: 'KeyedCond',
      valid: [{ k: 'a', child: { k: 'b', other: { k: 'a' } } }, { k: 'b' }],
      invalid: [
        {},
        { k: 'b', other: {} },
        { k: 'a', child: { k: 'b', other: { k: 'b', other: 1 } } },
      ],
    },
  ],
  [
    'recursion through a map whose values allOf the map',
    {
      schema: 'FullDict',
      valid: [{ a: 1 }, { a: { b: { c: 2 } }, d: 3 }],
      invalid: [{}, { a: {} }, { a: { b: { c: 'x' } } }],
    },
  ],
  [
    'not of the schema under a property',
    {
      schema: 'Unlike',
      valid: [{}, { other: 1 }, { other: { other: {} } }],
      invalid: [{ other: {} }, { other: { other: 1, x: 1 } }, 1],
    },
  ],
]);
