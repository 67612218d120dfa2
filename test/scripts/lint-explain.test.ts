/**
 * scripts/lib/lint-explain.ts: the fix line under each Redocly example problem a spec edit meets,
 * in Redocly's (ajv's) own words as it prints them, and no advice to ignore every problem.
 */
import { describe, expect, it } from 'vitest';
import { exampleFix, explainLintReport } from '../../scripts/lib/lint-explain.ts';

const SAID = 'Example value must conform to the schema: ';

describe('exampleFix', () => {
  it.each([
    [
      `${SAID}must NOT have unevaluated properties \`extra\`.`,
      /^fix: the example holds `extra`, which its schema does not have/,
    ],
    [
      `${SAID}must have required property 'name'.`,
      /^fix: the example lacks `name`, which its schema requires/,
    ],
    [
      `${SAID}\`id\` property type must be string.`,
      /^fix: the example's `id` is not of the type its schema says \(string\)/,
    ],
    [
      `${SAID}type must be integer,null.`,
      /^fix: the example is not of the type its schema says \(integer or null\)/,
    ],
  ])('%s', (message, fix) => {
    expect(exampleFix(message)).toMatch(fix);
  });

  it('says nothing of other problems', () => {
    expect(exampleFix('Info object should contain `contact` field.')).toBeUndefined();
  });
});

describe('explainLintReport', () => {
  it('adds each fix under its message and drops the advice to ignore every problem', () => {
    const report = [
      `${SAID}must have required property 'name'.`,
      '',
      '❌ Validation failed with 1 error.',
      'run `redocly lint --generate-ignore-file` to add all problems to the ignore file.',
    ].join('\n');
    const lines = explainLintReport(report).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^fix: the example lacks `name`/);
    expect(lines.at(-1)).toBe('❌ Validation failed with 1 error.');
  });
});
