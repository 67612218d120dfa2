/**
 * The RE2 form of a pattern (generator/model/re2-syntax.ts) means what ECMAScript's does:
 * each pattern, translated and run on re2js, gives RegExp's verdict (unicode mode) on strings
 * chosen where the two dialects differ (`\s`, `.`, line terminators, astral code points, `\b`).
 */
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { re2Form, toRe2Syntax } from '../../generator/model/re2-syntax.ts';

const STRINGS = [
  '',
  'abc',
  'ABC',
  'a b',
  'a\tb',
  'a\u00a0b',
  'a\ufeffb',
  'a\u2028b',
  'a\rb',
  'a\nb',
  '123-4567',
  'me@example.org',
  'Élan',
  'élan',
  '😀',
  'a😀b',
  'foo bar',
  'foobar',
  'a.b-c_d',
  'abcde',
  'e',
  '[]',
  '\\',
  '-',
];

const SAME_MEANING = [
  '^\\d{3}-\\d{4}$',
  '^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$',
  '^.+$',
  '^a.b$',
  '\\bfoo\\b',
  '^\\p{Lu}\\p{Ll}*$',
  '^\\p{L}+$',
  '^[\\w.-]+$',
  '^(?:ab|cd)*?e$',
  '^\\S+$',
  '^\\s*$',
  'a\\sb',
  '^[^a-z]*$',
  '^.$',
  '^[\\[\\]\\\\-]+$',
  '^\\u{1F600}',
  '^\\W+$',
];

describe('toRe2Syntax keeps the meaning', () => {
  it.each(SAME_MEANING)('%s', (source) => {
    const translated = toRe2Syntax(source, 'u');
    expect(translated, 'has an RE2 form').toBeDefined();
    const re2 = RE2JS.compile(translated ?? '');
    const native = new RegExp(source, 'u');
    expect(STRINGS.map((s) => [s, re2.test(s)])).toEqual(STRINGS.map((s) => [s, native.test(s)]));
  });
});

describe('patterns without an RE2 form', () => {
  it.each([
    ['lookahead', '^(?=.*\\d).+$', 'it has lookaround ("(?=.*\\\\d)"), which RE2 lacks'],
    ['lookbehind', '(?<=@)\\w+', 'it has lookaround ("(?<=@)"), which RE2 lacks'],
    ['a backreference', '^(\\w)\\1$', 'it has a backreference ("\\\\1"), which RE2 lacks'],
    [
      'a binary property',
      '^\\p{Emoji}+$',
      'it has the Unicode property "\\\\p{Emoji}", which RE2 does not have',
    ],
    [
      'a negated set inside a class',
      '^[\\S\\d]+$',
      'it has a negated escape inside a class ("[\\\\S\\\\d]"), which RE2 lacks',
    ],
    ['a repeat over 1,000', '^a{1001}$', 'it repeats "a{1001}": RE2 counts repeats up to 1,000'],
    ['inline modifiers', '^(?i:ab)+$', 'it has inline modifiers ("(?i:ab)")'],
  ])('%s: none, and the reason says which', (_, source, reason) => {
    expect(toRe2Syntax(source, 'u')).toBeUndefined();
    expect(re2Form(source, 'u')).toEqual({ reason });
  });

  it.each([
    ['a lone brace (AWS IoT TwinMaker)', '^\\{[a-z]+[a-z0-9]*}$', ['{ab1}'], ['ab1', '{}', '{ab1']],
    ['an identity escape', '^a\\-b$', ['a-b'], ['ab', 'a\\-b']],
    ['a lone bracket', '^a]+$', ['a]]'], ['a', ']']],
  ])(
    'a pattern that only compiles without the u flag (%s) is read as ECMAScript reads it then',
    (_, source, accepts, rejects) => {
      const translated = toRe2Syntax(source, '');
      expect(translated).toBeDefined();
      const re2 = RE2JS.compile(translated!);
      for (const text of [...accepts, ...rejects]) {
        expect(re2.matcher(text).find(), text).toBe(new RegExp(source).test(text));
        expect(re2.matcher(text).find(), text).toBe(accepts.includes(text));
      }
    },
  );

  it('one without the u flag that spells an astral character as surrogates has none', () => {
    expect(re2Form('^\\uD83D\\uDE00$', '')).toEqual({
      reason:
        'it spells a character as UTF-16 surrogates ("\\\\uD83D"), which RE2 matches by code point',
    });
  });
});
