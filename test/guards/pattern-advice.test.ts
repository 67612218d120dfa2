/**
 * The warning for a super-linear pattern says why it is slow and gives the fix for that
 * (generator/model/pattern-advice.ts). helper-138: `arn:.*role/.*`, slow only because a search
 * for it starts again at every position, was told to drop "nested or overlapping repetition" it
 * does not have; its fix is the anchor.
 */
import { describe, expect, it } from 'vitest';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { addPatternWarnings } from '../../generator/model/patterns.ts';
import { Warnings } from '../../generator/warnings.ts';

const PATTERNS: Record<string, string> = {
  RoleArn: 'arn:.*role/.*',
  AtSign: 'x|[a-z]+@',
  Flow: '^arn:.+:mediaconnect.+:flow:.+$',
  Nested: '^(a+)+$',
  Both: 'arn:.+:mediaconnect.+:flow:.+$',
};
const doc = {
  openapi: '3.1.0',
  info: { title: 'patterns', version: '1' },
  paths: {},
  components: {
    schemas: Object.fromEntries(
      Object.entries(PATTERNS).map(([name, pattern]) => [name, { type: 'string', pattern }]),
    ),
  },
};
const warnings = new Warnings();
addPatternWarnings(
  buildSchemaModel(doc, { file: 'spec.yaml', version: '3.1' }),
  'spec.yaml',
  're2js',
  warnings,
);

function warningOf(name: string): { problem: string; fix: string } {
  const found = warnings
    .list()
    .flatMap((warning) => warning.places)
    .filter((place) => place.location.pointer === `#/components/schemas/${name}/pattern`);
  expect(found).toHaveLength(1);
  return { problem: found[0]!.problem, fix: found[0]!.hint };
}

describe('a super-linear pattern', () => {
  it('that is slow only unanchored is told so, with the anchored pattern as the fix', () => {
    expect(warningOf('RoleArn')).toEqual({
      problem: `the pattern "arn:.*role/.*" can take polynomial (degree 2) time to match, as it is not anchored: a search that fails starts again at each position of the input and scans on from there (recheck; e.g. "'arn:'.repeat(27387)"); the guards run it on re2js, a linear-time engine (the package depends on re2js)`,
      fix: 'if the value must begin with it, start it with ^ (^arn:.*role/.*): anchored, it matches in linear time',
    });
    expect(warningOf('AtSign').fix).toContain('start it with ^ (^(?:x|[a-z]+@))');
  });

  it.each(['Flow', 'Both'])('%s, whose repeats overlap what follows them, is told so', (name) => {
    const { problem, fix } = warningOf(name);
    expect(problem).toMatch(
      /time to match, as a repeat can also match the text that follows it \(recheck;/,
    );
    expect(fix).toBe(
      'rewrite it so that no repeat can also match the text that follows it, and the input splits between the repeats one way only (e.g. ^a.+:b.+$ → ^a[^:]+:b.+$, where `.+` also matched ":b")',
    );
  });

  it('with nested repeats is told so', () => {
    const { problem, fix } = warningOf('Nested');
    expect(problem).toContain(
      'exponential time to match, as a repeat holds something that matches the same text in more than one way',
    );
    expect(fix).toContain('^(a+)+$ → ^a+$');
  });
});
