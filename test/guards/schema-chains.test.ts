/**
 * Chains of named schemas that are not recursive but reach the same value by several paths, and
 * schemas that refer to themselves without consuming a primitive value. Each named schema's guard
 * decides a value once per outermost call (an object by identity, a primitive by its value when
 * its check could be long), so a chain of 25 links whose two branches both refer to the next link
 * is decided in 25 steps instead of 2^25; a cycle on a primitive ends at once with the least
 * answer (the cycle adds nothing), instead of recursing until the nesting limit through every
 * branch. Every check runs in a child process killed after a deadline.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { runIsolated, writeModules } from './compile.ts';

/** Links per chain: 2^40 checks take days, 40 take microseconds. */
const LINKS = 40;
/** The child process is killed after this; a linear guard answers in a fraction of it. */
const DEADLINE_MS = 5_000;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
type Schema = Record<string, unknown>;

/** `prefix0` … `prefix<LINKS>`: link i is `link(next)`, the last one is `last`. */
function chain(prefix: string, link: (next: Schema) => Schema, last: Schema): Schema {
  const out: Schema = {};
  for (let i = 0; i < LINKS; i++) out[`${prefix}${i}`] = link(ref(`${prefix}${i + 1}`));
  out[`${prefix}${LINKS}`] = last;
  return out;
}

const ITEM = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1 } },
};

const SCHEMAS: Schema = {
  // anyOf of two branches that both refer to the next link: an invalid value tries both.
  ...chain(
    'Any',
    (next) => ({
      anyOf: [
        { allOf: [next], minProperties: 1 },
        { allOf: [next], maxProperties: 9 },
      ],
    }),
    { type: 'object', required: ['end'] },
  ),
  // The same on strings: a primitive cannot be remembered by identity.
  ...chain(
    'Text',
    (next) => ({
      anyOf: [
        { allOf: [next], minLength: 1 },
        { allOf: [next], maxLength: 90 },
      ],
    }),
    { type: 'string', pattern: '^ok' },
  ),
  // oneOf counts every branch that matches, so even a valid value tries both.
  ...chain(
    'One',
    (next) => ({
      oneOf: [
        { allOf: [next], required: ['a'] },
        { allOf: [next], required: ['b'] },
      ],
    }),
    { type: 'object', required: ['end'] },
  ),
  // allOf that checks the next link and a oneOf that checks it again.
  ...chain('Mix', (next) => ({ allOf: [next, { oneOf: [next, { required: ['never'] }] }] }), {
    type: 'object',
    required: ['end'],
  }),
  // allOf whose members share a big sub-schema (a list of 2,000 items at the end of the chain).
  ...chain('Big', (next) => ({ allOf: [next, { allOf: [next], required: ['items'] }] }), {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ITEM } },
  }),
  // if/then/else whose three parts all check the next link.
  ...chain('Cond', (next) => ({ if: next, then: next, else: next }), {
    type: 'object',
    required: ['end'],
  }),
  // unevaluatedProperties over a oneOf of links: what is evaluated asks the branches again.
  ...chain(
    'Uneval',
    (next) => ({
      oneOf: [
        { allOf: [next], required: ['a'] },
        { allOf: [next], required: ['b'] },
      ],
      properties: { a: {}, b: {} },
      unevaluatedProperties: false,
    }),
    { type: 'object', required: ['end'], properties: { end: {} } },
  ),
  // Both branches check the same property with the next link: the shared value is one level
  // down, so every level of a 40-deep value doubles the work unless the next link remembers.
  ...chain(
    'Deep',
    (next) => ({
      anyOf: [
        { type: 'object', required: ['a'], properties: { a: next }, minProperties: 1 },
        { type: 'object', required: ['a'], properties: { a: next }, maxProperties: 9 },
      ],
    }),
    { type: 'string', pattern: '^ok' },
  ),
  // A property that a pattern matches too: both subschemas check its value.
  ...chain(
    'Pattern',
    (next) => ({ type: 'object', properties: { a: next }, patternProperties: { '^a$': next } }),
    { type: 'string', pattern: '^ok' },
  ),
  // A schema used as a property here and as a list's items there: each use checks another
  // value, so its guard stays plain (no memo to keep).
  Shared: { type: 'object', required: ['x'], properties: { x: { type: 'string' } } },
  UsesShared: {
    type: 'object',
    properties: { one: ref('Shared'), many: { type: 'array', items: ref('Shared') } },
  },
  // The same chain under properties, so issues have paths below the root.
  Holder: {
    type: 'object',
    properties: { first: ref('One0'), text: ref('Text0') },
  },
  // A cycle that consumes nothing, on primitives and objects alike: Loop is a string.
  Loop: { anyOf: [ref('Back'), { type: 'string' }] },
  Back: { allOf: [ref('Loop')] },
  // The same with three ways back at each turn: the nesting limit alone would take 3^2000 steps.
  // Knot is an integer or a boolean.
  Knot: { anyOf: [ref('KnotA'), ref('KnotB'), ref('KnotC'), { type: 'integer' }] },
  KnotA: { allOf: [ref('Knot')] },
  KnotB: { anyOf: [ref('Knot'), ref('KnotA')] },
  KnotC: { anyOf: [ref('Knot'), { type: 'boolean' }] },
  // not of a cyclic schema: NotLoop is anything but a string.
  NotLoop: { not: ref('Loop') },
  // A list of knots: the cycle is cut for each item on its own.
  Knots: { type: 'array', items: ref('Knot') },
  // A child that adds to a parent with nothing of its own, whose union lists more than its
  // children: no union-parent family (generator/union-parent.ts), so its `$ref` stays, and the
  // cycle adds nothing: Grounded is an integer, GroundedB one not below 0. Read as the idiom, the
  // member was dropped: GroundedB took any value but a negative number, Grounded any value.
  Grounded: { anyOf: [ref('GroundedB'), { type: 'integer' }] },
  GroundedB: { allOf: [ref('Grounded')], minimum: 0 },
  // With another allOf member: GroundedC must be a GroundedD (a string, through the cycle) and a
  // NonNegative at once, which no value is; it was NonNegative alone.
  NonNegative: { type: 'integer', minimum: 0 },
  GroundedC: { allOf: [ref('GroundedD'), ref('NonNegative')] },
  GroundedD: { anyOf: [ref('GroundedC'), { type: 'string' }] },
};

let dir = '';
beforeAll(() => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Chains', version: '1' },
    paths: {},
    components: { schemas: SCHEMAS },
  };
  const schemas = buildSchemaModel(doc, { file: 'chains.yaml', version: '3.1' });
  dir = writeModules({
    'guards.ts': printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
    'guards-runtime.ts': printSourceFile(emitGuardRuntime()),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALUES = `
const items = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: 'item ' + i }));
const verdict = (name, value) => {
  const result = guards['validate' + name](value);
  return { is: guards['is' + name](value), issues: result.ok ? [] : result.issues.map((i) => [i.path, i.message]) };
};
`;

interface Verdict {
  is: boolean;
  issues: [string, string][];
}

function verdict(schema: string, value: string): Verdict {
  const run = runIsolated(
    dir,
    `${VALUES}\nprint(verdict(${JSON.stringify(schema)}, ${value}));`,
    DEADLINE_MS,
  );
  expect(run.timedOut, `timed out: ${run.stderr}`).toBe(false);
  expect(run.stderr).toBe('');
  return run.result as Verdict;
}

describe(`chains of ${LINKS} named schemas whose branches share the next link`, () => {
  it('anyOf: a valid object, and an invalid one that every branch rejects', () => {
    expect(verdict('Any0', '{ end: 1 }')).toEqual({ is: true, issues: [] });
    const { is, issues } = verdict('Any0', '{ other: 1 }');
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every(([path]) => path === '')).toBe(true);
  });

  it('anyOf on strings: valid and invalid primitives', () => {
    expect(verdict('Text0', '"ok then"')).toEqual({ is: true, issues: [] });
    const { is, issues } = verdict('Text0', '"no"');
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
    expect(verdict('Text0', '5').is).toBe(false);
  });

  it('oneOf keeps exactly-one: one branch fits, both fit, none fits', () => {
    expect(verdict('One0', '{ a: 1, end: 1 }')).toEqual({ is: true, issues: [] });
    expect(verdict('One0', '{ b: 1, end: 1 }')).toEqual({ is: true, issues: [] });
    // Both branches of the last link fit, so it fails, and so does every link above.
    const both = verdict('One0', '{ a: 1, b: 1, end: 1 }');
    expect(both.is).toBe(false);
    expect(both.issues).toEqual([['', expect.stringMatching(/^expected \(object & One1\)/)]]);
    expect(verdict(`One${LINKS - 1}`, '{ a: 1, b: 1, end: 1 }').issues).toEqual([
      ['', expect.stringMatching(/^matches 2 of the oneOf schemas/)],
    ]);
    expect(verdict('One0', '{ a: 1 }').is).toBe(false);
  });

  it('allOf with a oneOf that checks the next link again', () => {
    expect(verdict('Mix0', '{ end: 1 }')).toEqual({ is: true, issues: [] });
    const { is, issues } = verdict('Mix0', '{}');
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('allOf members that share a big sub-schema: 2,000 items checked once, issues once', () => {
    expect(verdict('Big0', '{ items }')).toEqual({ is: true, issues: [] });
    const { is, issues } = verdict('Big0', '{ items: [...items, { id: "z", name: "" }] }');
    expect(is).toBe(false);
    expect(issues).toEqual([
      ['/items/2000/id', 'expected integer, found string "z"'],
      ['/items/2000/name', 'expected string with at least 1 character, found string ""'],
    ]);
  });

  it('if/then/else whose three parts check the next link', () => {
    expect(verdict('Cond0', '{ end: 1 }')).toEqual({ is: true, issues: [] });
    expect(verdict('Cond0', '{}').is).toBe(false);
  });

  it('unevaluatedProperties over the branches of a chain', () => {
    expect(verdict('Uneval0', '{ a: 1, end: 1 }')).toEqual({ is: true, issues: [] });
    expect(verdict('Uneval0', '{ a: 1, end: 1, extra: 2 }').is).toBe(false);
    // The last link finds the property no branch evaluates; every link above fails with it.
    expect(verdict(`Uneval${LINKS - 1}`, '{ a: 1, end: 1, extra: 2 }').issues).toEqual([
      ['/extra', expect.stringMatching(/^unexpected property/)],
    ]);
  });

  it('issues below the root keep their paths', () => {
    expect(verdict('Holder', '{ first: { a: 1, end: 1 }, text: "ok" }')).toEqual({
      is: true,
      issues: [],
    });
    const { is, issues } = verdict('Holder', '{ first: { a: 1, b: 1, end: 1 }, text: 5 }');
    expect(is).toBe(false);
    expect(issues.map(([path]) => path)).toEqual(['/first', '/text']);
  });
});

describe(`values ${LINKS} levels deep whose parts two subschemas check`, () => {
  const nested = (leaf: string) => `${'{ a: '.repeat(LINKS)}${leaf}${' }'.repeat(LINKS)}`;

  it('two anyOf branches that check the same property with the next link', () => {
    expect(verdict('Deep0', nested('"ok"'))).toEqual({ is: true, issues: [] });
    const { is, issues } = verdict('Deep0', nested('"no"'));
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('a property a pattern matches too', () => {
    expect(verdict('Pattern0', nested('"ok"'))).toEqual({ is: true, issues: [] });
    expect(verdict('Pattern0', nested('"no"')).is).toBe(false);
  });

  it('a schema each use of which checks another value keeps a plain guard', () => {
    const source = readFileSync(join(dir, 'guards.js'), 'utf8');
    const isShared = source.slice(source.indexOf('export function isShared('));
    expect(isShared.slice(0, isShared.indexOf('\n}\n'))).not.toMatch(/beginCheck|_calls/);
    expect(verdict('UsesShared', '{ one: { x: "a" }, many: [{ x: "b" }] }').is).toBe(true);
    expect(verdict('UsesShared', '{ one: { x: 1 } }').is).toBe(false);
  });
});

describe('schemas that refer to themselves without consuming a primitive', () => {
  it('a string is a Loop, nothing else is', () => {
    expect(verdict('Loop', '"x"')).toEqual({ is: true, issues: [] });
    expect(verdict('Back', '"x"')).toEqual({ is: true, issues: [] });
    for (const value of ['1', 'null', '{}', '[]']) {
      const { is, issues } = verdict('Loop', value);
      expect(is).toBe(false);
      expect(issues.length).toBeGreaterThan(0);
    }
  });

  it('three ways back at each turn end at once', () => {
    expect(verdict('Knot', '3').is).toBe(true);
    expect(verdict('KnotB', '3').is).toBe(true);
    expect(verdict('KnotC', '3').is).toBe(true);
    expect(verdict('KnotC', 'true').is).toBe(true);
    expect(verdict('Knot', 'true').is).toBe(true);
    const { is, issues } = verdict('Knot', '"x"');
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('an allOf member that refers back into the cycle is kept, not dropped', () => {
    expect(verdict('GroundedB', '3').is).toBe(true);
    expect(verdict('Grounded', '-3').is).toBe(true);
    for (const value of ['-1', '1.5', '"text"', 'null', '{}']) {
      expect(verdict('GroundedB', value).is, value).toBe(false);
    }
    expect(verdict('Grounded', '"text"').is).toBe(false);
    expect(verdict('GroundedD', '"text"').is).toBe(true);
    for (const value of ['3', '"text"', '-1']) {
      expect(verdict('GroundedC', value).is, value).toBe(false);
    }
  });

  it('not of a cyclic schema', () => {
    expect(verdict('NotLoop', '1').is).toBe(true);
    expect(verdict('NotLoop', '"x"').is).toBe(false);
  });

  it('a list of 2,000 knots', () => {
    expect(verdict('Knots', 'items.map((_, i) => i)').is).toBe(true);
    const { is, issues } = verdict('Knots', 'items.map((_, i) => (i === 7 ? "x" : i))');
    expect(is).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every(([path]) => path === '/7')).toBe(true);
  });
});
