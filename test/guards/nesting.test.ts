/**
 * Issue 11 item 14: guards on cyclic or absurdly deep values return false (validate: an issue;
 * assert: a GuardError) instead of throwing a RangeError or running forever. Every check runs in
 * a child process killed after a deadline, so a guard that hangs fails the test instead of
 * hanging the run. The limit (MAX_DEPTH recursive guard calls) is documented in the runtime.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { MAX_DEPTH } from '../../templates/guards/runtime.ts';
import { parse } from 'yaml';
import { runIsolated, writeModules } from './compile.ts';

const FIXTURE = new URL('../fixtures/guards/nesting.yaml', import.meta.url);
let dir = '';
beforeAll(() => {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const schemas = buildSchemaModel(doc, { file: 'nesting.yaml', version: '3.1' });
  dir = writeModules({
    'guards.ts': printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
    'guards-runtime.ts': printSourceFile(emitGuardRuntime()),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values built in the child process (cycles cannot cross as JSON). */
const VALUES = `
const cyclicNode = { id: 1, children: [] };
cyclicNode.children.push(cyclicNode, cyclicNode);
const cyclicSum = { op: 'add' };
cyclicSum.left = cyclicSum;
cyclicSum.right = cyclicSum;
const deep = (levels, leaf, wrap) => { let v = leaf; for (let i = 0; i < levels; i++) v = wrap(v); return v; };
const deepNode = JSON.parse('{"id":1,"children":['.repeat(50000) + '{"id":1}' + ']}'.repeat(50000));
const deepNested = JSON.parse('['.repeat(100000) + ']'.repeat(100000));
const cyclicA = {}; cyclicA.self = cyclicA;
const cyclicB = {}; cyclicB.self = cyclicB;
const deepItems = [deep(100000, 1, (v) => [v]), deep(100000, 1, (v) => [v])];
const fine = deep(${MAX_DEPTH - 10}, { id: 1 }, (v) => ({ id: 1, children: [v] }));
const tooDeep = deep(${MAX_DEPTH + 10}, { id: 1 }, (v) => ({ id: 1, children: [v] }));
const attempt = (fn) => { try { return fn(); } catch (error) { return 'throws ' + error.name + ': ' + error.message; } };
const verdict = (name, value) => ({
  is: attempt(() => guards['is' + name](value)),
  issues: attempt(() => { const r = guards['validate' + name](value); return r.ok ? [] : r.issues.map((i) => i.message.split(':')[0]); }),
  assert: attempt(() => { guards['assert' + name](value); return 'passes'; }),
});
`;

function check(expression: string): unknown {
  const run = runIsolated(dir, `${VALUES}\nprint(${expression});`, 30_000);
  expect(run.timedOut, `timed out: ${run.stderr}`).toBe(false);
  expect(run.stderr).toBe('');
  return run.result;
}

describe('guards on cyclic and deep values', () => {
  it.each([
    ['a cyclic tree', 'TreeNode', 'cyclicNode', 'cyclic value'],
    // No single variant of the union fits, so its one issue names the union.
    [
      'a cyclic expression (a union tried at every level)',
      'Expr',
      'cyclicSum',
      'expected number | Sum | Product, found object with 3 properties',
    ],
    ['a tree 50,000 levels deep', 'TreeNode', 'deepNode', 'nested too deep'],
    ['arrays 100,000 levels deep', 'Nested', 'deepNested', 'nested too deep'],
    [`a tree ${MAX_DEPTH + 10} levels deep`, 'TreeNode', 'tooDeep', 'nested too deep'],
  ])('%s: false, an issue, a GuardError', (_name, schema, value, issue) => {
    const result = check(`verdict(${JSON.stringify(schema)}, ${value})`) as {
      is: unknown;
      issues: unknown;
      assert: unknown;
    };
    expect(result.is).toBe(false);
    expect(result.issues).toContain(issue);
    expect(result.assert).toMatch(/^throws GuardError: Invalid /);
  });

  it(`accepts a tree ${MAX_DEPTH - 10} levels deep`, () => {
    expect(check(`verdict('TreeNode', fine)`)).toEqual({ is: true, issues: [], assert: 'passes' });
  });

  it('ends schemas that refer to each other without consuming the value', () => {
    expect(check(`[guards.isPing('x'), guards.isPing(1), guards.isPong({})]`)).toEqual([
      true,
      false,
      false,
    ]);
    expect(check(`verdict('Ping', 1).issues`)).toContain('nested too deep');
  });

  it('compares cyclic and deep unique items without overflowing', () => {
    expect(check(`[guards.isDistinct([cyclicA, cyclicB]), guards.isDistinct(deepItems)]`)).toEqual([
      false,
      false,
    ]);
    expect(check(`guards.isDistinct([cyclicA, { self: 1 }])`)).toBe(true);
  });

  it('the generated README states this limit and these issues as they are', () => {
    const readme = readFileSync(new URL('../../generated/README.md', import.meta.url), 'utf8');
    const said = /nested more than ([\d,]+) levels deep[^]*?`nested too deep`/.exec(readme);
    expect(said?.[1]?.replace(/,/g, '')).toBe(String(MAX_DEPTH));
    expect(readme).toMatch(/contains itself[^]*?the issue `cyclic value`/);
  });

  it('leaves the guards usable after a rejected value (the nesting count is back to zero)', () => {
    expect(
      check(
        `[guards.isTreeNode(deepNode), guards.isTreeNode(fine), guards.isTreeNode(cyclicNode), guards.isTreeNode(fine)]`,
      ),
    ).toEqual([false, true, false, true]);
  });
});
