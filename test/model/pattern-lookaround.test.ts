/**
 * Patterns with a lookaround whose body matches in a bounded number of ways (`(?!https://)`,
 * `(?<!-)`) are proven linear by recheck's automaton checker on the pattern without it
 * (model/patterns.ts `relaxRepeats`), not fuzzed: the fuzzer took about half a second per pattern
 * on recheck's native agent, one after another (1.6 s of Lob's spec's 2.3 s model step), and
 * proves nothing. Without the lookaround a pattern that is not linear is fuzzed as written, since a
 * lookaround can stop backtracking; unbounded lookarounds (`(?=.*\d)`) are fuzzed as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import type { Warnings } from '../../generator/warnings.ts';

function schemasWith(patterns: readonly string[]): NamedSchema[] {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Patterns', version: '1.0.0' },
    paths: {},
    components: {
      schemas: Object.fromEntries(
        patterns.map((pattern, i) => [`P${i}`, { type: 'string', pattern }]),
      ),
    },
  };
  return buildSchemaModel(doc, { file: 'openapi.json', version: '3.1' });
}

/** A fresh patterns.ts's questions to recheck, engines and warnings for each pattern. */
async function analyse(patterns: readonly string[]) {
  vi.resetModules();
  const module = await import('../../generator/model/patterns.ts');
  const { default: recheck } = await import('recheck');
  const schemas = schemasWith(patterns);
  const asked: string[] = [];
  await module.analysePatterns(schemas, undefined, (question) => {
    asked.push(`${(question[2] as { checker: string }).checker} ${question[0]}`);
    return recheck.check(...question);
  });
  const warnings: string[] = [];
  const collector = {
    add: (...args: unknown[]) => warnings.push(JSON.stringify(args)),
  } as unknown as Warnings;
  module.addPatternWarnings(schemas, 'openapi.json', 're2js', collector);
  const engines = module
    .patternUses(schemas)
    .map(({ regex }) => module.patternEngine(regex, 're2js').engine);
  return { asked, warnings, engines };
}

describe('a bounded lookaround', () => {
  it.each([
    [
      '^(?!https://)[a-zA-Z0-9@:%._+~#=/]{1,256}.(html?|pdf)$',
      '^(?:)[a-zA-Z0-9@:%._+~#=/]+.(html?|pdf)$',
    ],
    ['^(?!-)[a-z0-9-]{1,63}(?<!-)$', '^(?:)[a-z0-9-]+(?:)$'],
    ['^(?=[A-Z])(?:[A-Z][a-z]?|x)\\d$', '^(?:)(?:[A-Z][a-z]?|x)\\d$'],
  ])(
    '%s is proven linear without it, not fuzzed, and runs on RegExp',
    async (pattern, read) => {
      const { asked, warnings, engines } = await analyse([pattern]);
      expect(asked).toEqual([`auto ${read}`]);
      expect(engines).toEqual(['regexp']);
      expect(warnings).toEqual([]);
    },
    60_000,
  );

  it('a pattern not linear without it is fuzzed as written: the lookaround may stop backtracking', async () => {
    // `[a-z]+$` alone is quadratic (each start backtracks to the end); after `(?<=@)` only one
    // start matches, and the fuzzer finds no attack.
    const { asked, engines, warnings } = await analyse(['(?<=@)[a-z]+$']);
    expect(asked).toEqual(['auto (?:)[a-z]+$', 'fuzz (?<=@)[a-z]+$']);
    expect(engines).toEqual(['regexp']);
    expect(warnings).toEqual([]);
  }, 60_000);

  it('a super-linear pattern with one is still found so', async () => {
    const { asked, engines, warnings } = await analyse(['^(?!x)(a+)+$']);
    expect(asked).toEqual(['auto ^(?:)(a+)+$', 'fuzz ^(?!x)(a+)+$']);
    expect(engines).toEqual(['none']);
    expect(warnings.join('\n')).toMatch(/can take exponential time to match/);
  }, 60_000);
});

describe('the fuzzer', () => {
  // AWS SageMaker's pattern: not linear without its `(?<!-)` (any start backtracks), so it went to
  // the fuzzer, which took minutes and 1 GB on its counted repeats (`{12}`, `{0,62}`, `{1,5}`).
  const SAGEMAKER =
    '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,5})?$';

  it('is not asked about a pattern with more than 30 counted repeats: undecided, and not checked', async () => {
    const { asked, engines, warnings } = await analyse([SAGEMAKER]);
    expect(asked).toEqual([expect.stringMatching(/^auto /)]);
    // RE2 has no lookbehind: the guards leave the pattern unchecked, and say so.
    expect(engines).toEqual(['none']);
    expect(warnings.join('\n')).toMatch(/counted repeats of more than 30 in all/);
  }, 60_000);

  it('is asked about one with 30 or fewer', async () => {
    const { asked } = await analyse(['^(?!x)(a{1,10})+b{20}$']);
    expect(asked).toEqual(['auto ^(?:)(a+)+b+$', 'fuzz ^(?!x)(a{1,10})+b{20}$']);
  }, 60_000);
});

describe('a lookaround that is not bounded', () => {
  it.each(['^(?=.*\\d)(?=.*[a-z]).{8,}$', '^(?!(ab)+c)[a-z]+$', '^(?=a{2,5})a+$', '^(?=(a))\\1b$'])(
    '%s goes to the fuzzer as written',
    async (pattern) => {
      const { asked } = await analyse([pattern]);
      expect(asked).toEqual([`fuzz ${pattern}`]);
    },
    60_000,
  );
});
