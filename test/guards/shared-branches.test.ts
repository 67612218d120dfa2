/**
 * Recursive schemas whose branches check the same nested value more than once per level
 * (test/fixtures/guards/shared-branches.yaml): a oneOf whose variants all look into `child`, an
 * if/then/else whose `if`, `else` and properties all look into `next`, an allOf whose members both
 * do. Each guard of a recursive schema checks an object once per outermost call and remembers the
 * verdict, so a value 40 levels deep is decided at once; checked afresh at every branch it took
 * 2^40 or 3^40 steps. Every check runs in a child process killed after a deadline, so a guard
 * that takes exponential time fails the test instead of hanging the run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { runIsolated, writeModules } from './compile.ts';

const FIXTURE = new URL('../fixtures/guards/shared-branches.yaml', import.meta.url);
/** Deep enough that 2^DEPTH steps take hours; a linear guard answers in well under a second. */
const DEPTH = 40;
/** The child process is killed after this: only an exponential guard comes near it. */
const DEADLINE_MS = 20_000;

let dir = '';
beforeAll(() => {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const schemas = buildSchemaModel(doc, { file: 'shared-branches.yaml', version: '3.1' });
  dir = writeModules({
    'guards.ts': printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
    'guards-runtime.ts': printSourceFile(emitGuardRuntime()),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values built in the child process: `leaf` wrapped `DEPTH` times. */
const VALUES = `
const deep = (leaf, wrap) => { let v = leaf; for (let i = 0; i < ${DEPTH}; i++) v = wrap(v); return v; };
const verdict = (name, value) => {
  const result = guards['validate' + name](value);
  return { is: guards['is' + name](value), issues: result.ok ? [] : result.issues };
};
`;

interface Verdict {
  is: boolean;
  issues: { path: string; message: string }[];
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

const childPath = (name: string, levels = DEPTH) => `${`/${name}`.repeat(levels)}`;

describe(`guards on values ${DEPTH} levels deep through branches that share a subschema`, () => {
  it('oneOf whose variants all check the child: a valid value', () => {
    const value = `deep({ leaf: 1 }, (v) => ({ child: v, left: true }))`;
    expect(verdict('NodeModel', value)).toEqual({ is: true, issues: [] });
  });

  it('oneOf whose variants all check the child: a value invalid at the bottom', () => {
    const value = `deep({ leaf: 'x' }, (v) => ({ child: v, right: true }))`;
    const { is, issues } = verdict('NodeModel', value);
    expect(is).toBe(false);
    // No variant fits (each accepts objects), so the one issue names the union.
    expect(issues).toEqual([
      expect.objectContaining({
        path: '',
        message: 'expected Leaf | Left | Right, found object with 2 properties',
      }),
    ]);
  });

  it('if/then/else whose if, else and properties all check the next link: a valid value', () => {
    const value = `deep({}, (v) => ({ next: v, ok: true }))`;
    expect(verdict('Chain', value)).toEqual({ is: true, issues: [] });
  });

  it('if/then/else: a value invalid at the bottom', () => {
    // The last link has a valid `next` but no `ok`, which `then` requires; every link above has
    // an invalid `next`, which `else` forbids.
    const value = `deep({ next: {} }, (v) => ({ next: v, ok: true }))`;
    const { is, issues } = verdict('Chain', value);
    expect(is).toBe(false);
    expect(issues.map((i) => [i.path, i.message.split(':')[0]])).toEqual([
      [childPath('next'), 'does not meet it'],
      ...Array.from({ length: DEPTH }, (_, i) => [
        childPath('next', DEPTH - 1 - i),
        'does not meet it',
      ]),
    ]);
  });

  it('allOf whose members both check the child: a valid value', () => {
    const value = `deep({ n: 1, m: 'x' }, (v) => ({ child: v }))`;
    expect(verdict('Twice', value)).toEqual({ is: true, issues: [] });
  });

  it('allOf whose members both check the child: one issue, reported once', () => {
    const value = `deep({ n: 'x', m: 'y' }, (v) => ({ child: v }))`;
    const { is, issues } = verdict('Twice', value);
    expect(is).toBe(false);
    expect(issues).toEqual([
      expect.objectContaining({
        path: `${childPath('child')}/n`,
        message: 'expected integer, found string "x"',
      }),
    ]);
  });
});
