/**
 * A pattern the generator could not decide on (too long to analyse, or recheck out of time) and
 * that RE2 cannot run is left unchecked. Its warning says why without blaming recheck for what it
 * never ran, and the fix is the one that gets it checked (a form RE2 runs), not the advice for a
 * pattern proven to backtrack (generator/model/patterns.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addPatternWarnings, patternEngine } from '../../generator/model/patterns.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { Warnings } from '../../generator/warnings.ts';

const FILE = 'test/fixtures/guards/undecided-patterns.yaml';
const doc = parse(
  readFileSync(new URL('../fixtures/guards/undecided-patterns.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const schemas = buildSchemaModel(doc, { file: FILE, version: '3.1' });

function warningFor(name: string): { problem: string; fix: string } {
  const warnings = new Warnings();
  addPatternWarnings(schemas, FILE, 're2js', warnings);
  const found = warnings
    .list()
    .map((w) => w.message)
    .filter((m) => m.startsWith(`${FILE} #/components/schemas/${name}/pattern:`));
  expect(found).toHaveLength(1);
  const [problem = '', fix = ''] = found[0]!.split('\n  fix: ');
  return { problem, fix };
}

describe('patterns too long to analyse that RE2 cannot run', () => {
  it.each(['LongSegments', 'LongLookahead'])('%s: unchecked', (name) => {
    const node = schemas.find((schema) => schema.name === name)?.node;
    if (node?.kind !== 'string' || !node.pattern) throw new Error(`${name} has no pattern`);
    expect(patternEngine(node.pattern, 're2js').engine).toBe('none');
  });

  it.each([
    ['LongSegments', /RE2 counts repeats up to 1,000/],
    ['LongLookahead', /it has lookaround/],
  ])('%s: the warning says it was not analysed, and how to get it checked', (name, re2) => {
    const { problem, fix } = warningFor(name);
    expect(problem).toContain('(not analysed: longer than 120 characters)');
    expect(problem).not.toContain('recheck');
    expect(problem).toMatch(re2);
    expect(problem).toMatch(/so the guards do not check it$/);
    expect(fix).not.toMatch(/nested or overlapping repetition/);
    expect(fix).toMatch(/RE2 runs/);
    expect(fix).toMatch(/1,000/);
  });
});
