/**
 * patternSample: a short string a spec's pattern matches, from its syntax tree, for the README's
 * calls and the testing kit's default answers (emit/pattern-sample.ts). Each sample is checked
 * here with JavaScript's own RegExp, which the generator never runs on a spec's pattern.
 */
import { describe, expect, it } from 'vitest';
import { patternSample } from '../../generator/emit/pattern-sample.ts';

describe('patternSample', () => {
  it.each([
    ['^/v1/accounts', '/v1/accounts'],
    ['^[A-Z]{2}-\\d{3}$', 'AA-000'],
    ['^(acct|cus)_[a-zA-Z0-9]+$', 'acct_a'],
    ['^\\+[1-9]\\d{1,14}$', '+10'],
    ['^[^/]+/[^/]+$', 'a/a'],
    ['^(?:[a-z0-9-]+\\.)*example\\.com$', 'example.com'],
    ['\\bid\\b', 'id'],
    ['^\\S+@\\S+$', 'a@a'],
    ['^.{3,}$', 'aaa'],
    ['^[\\w.-]{1,64}$', 'a'],
    ['^$', ''],
  ])('%s → %j, which the pattern matches', (source, sample) => {
    expect(patternSample(source, 'u')).toBe(sample);
    expect(new RegExp(source, 'u').test(sample)).toBe(true);
  });

  it.each([
    ['lookahead', '^(?=.*\\d)[a-z\\d]{8,}$'],
    ['lookbehind', '(?<=a)b'],
    ['backreference', '^(a)\\1$'],
    ['a Unicode property', '^\\p{Lu}+$'],
    ['more than it builds', '^a{1000}$'],
    ['not a pattern', '^(a'],
  ])('gives none for %s (the caller falls back on its candidates)', (_what, source) => {
    expect(patternSample(source, 'u')).toBeUndefined();
  });

  it('reads a pattern without the u flag as RegExp does without it', () => {
    const sample = patternSample('^[\\w-]+\\.txt$', '');
    expect(sample).toBe('a.txt');
    expect(/^[\w-]+\.txt$/.test(sample!)).toBe(true);
  });
});
