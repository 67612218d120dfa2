/**
 * A JSON Schema `pattern` (an ECMAScript regex, unicode mode) written in RE2's syntax with the
 * same meaning, for the linear-time engine (re2js) the guards use for patterns that could take
 * super-linear time. RE2 reads some escapes differently from ECMAScript: `\s` is ASCII whitespace
 * there, `.` matches `\r` and U+2028; so every class is written out as the code points
 * ECMAScript means (`.` → `[^\n\r\x{2028}\x{2029}]`). Parsed with regexpp, the ESLint
 * community's ECMAScript regex parser.
 *
 * Some patterns have no RE2 form: backreferences and lookaround (RE2 cannot match them in linear
 * time), `v`-mode set operations, Unicode properties RE2 does not name, repeat counts over 1,000.
 * For those {@link re2Form} says why, in words for the generator's warning.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';

/** What ECMAScript's `\s` matches (WhiteSpace and LineTerminator, ECMA-262 §22.2.2.9). */
const SPACE =
  '\\x{9}-\\x{d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
const DIGIT = '0-9';
const WORD = '0-9A-Za-z_';
/** What `.` matches without the `s` flag: anything but a line terminator. */
const ANY_BUT_NEWLINE = '[^\\x{a}\\x{d}\\x{2028}\\x{2029}]';

/** RE2's largest repeat count. */
const MAX_REPEAT = 1000;

/** General categories RE2 knows by their short names (`\p{Lu}`). */
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' ',
  ),
);

/** Thrown inside the translation with what RE2 lacks, said as the warning says it. */
class Untranslatable extends Error {}

/** A pattern's RE2 form, or why it has none (a phrase: "it has a backreference (`\1`)"). */
export type Re2Form = { source: string } | { reason: string };

/**
 * The RE2 form of a pattern, or why it has none (see the module doc). A pattern that only
 * compiles without the `u` flag (a lone `}`, an escape unicode mode forbids) is read as
 * ECMAScript reads it then, and matched by code point as JSON Schema means: the same, unless it
 * spells a character outside the Basic Multilingual Plane as two surrogates, which has no form.
 */
export function re2Form(source: string, flags: 'u' | ''): Re2Form {
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: flags === 'u',
    });
  } catch (error) {
    return { reason: `the regex parser refuses it (${(error as Error).message})` };
  }
  let translated: string;
  try {
    if (flags !== 'u') assertNoSurrogates(pattern);
    translated = alternatives(pattern.alternatives);
  } catch (error) {
    if (error instanceof Untranslatable) return { reason: error.message };
    throw error;
  }
  try {
    RE2JS.compile(translated);
  } catch (error) {
    return { reason: `RE2 refuses its translation (${(error as Error).message})` };
  }
  return { source: translated };
}

/** The RE2 form of a pattern, or undefined when it has none. */
export function toRe2Syntax(source: string, flags: 'u' | ''): string | undefined {
  const form = re2Form(source, flags);
  return 'source' in form ? form.source : undefined;
}

/** A pattern read without `u` that names UTF-16 surrogates, which code points cannot match. */
function assertNoSurrogates(pattern: AST.Pattern): void {
  visitRegExpAST(pattern, {
    onCharacterEnter(node) {
      if (node.value >= 0xd800 && node.value <= 0xdfff)
        throw new Untranslatable(
          `it spells a character as UTF-16 surrogates (${JSON.stringify(node.raw)}), which RE2 matches by code point`,
        );
    },
  });
}

function alternatives(list: readonly AST.Alternative[]): string {
  return list.map((a) => a.elements.map(element).join('')).join('|');
}

function element(node: AST.Element): string {
  switch (node.type) {
    case 'Assertion':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      // ECMAScript's \b is ASCII in unicode mode without `i`, as RE2's is.
      if (node.kind === 'word') return node.negate ? '\\B' : '\\b';
      throw new Untranslatable(`it has lookaround (${JSON.stringify(node.raw)}), which RE2 lacks`);
    case 'Quantifier':
      return quantifier(node);
    case 'Group':
      if (node.modifiers) {
        throw new Untranslatable(`it has inline modifiers (${JSON.stringify(node.raw)})`);
      }
      return `(?:${alternatives(node.alternatives)})`;
    case 'CapturingGroup':
      return `(${alternatives(node.alternatives)})`;
    case 'Backreference':
      throw new Untranslatable(
        `it has a backreference (${JSON.stringify(node.raw)}), which RE2 lacks`,
      );
    case 'Character':
      return character(node.value);
    case 'CharacterSet':
      return characterSet(node);
    case 'CharacterClass':
      return characterClass(node);
    case 'ExpressionCharacterClass':
      throw new Untranslatable(
        `it has a class set operation (${JSON.stringify(node.raw)}, v flag), which RE2 lacks`,
      );
  }
}

function quantifier(node: AST.Quantifier): string {
  const { min, max } = node;
  if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
    throw new Untranslatable(
      `it repeats ${JSON.stringify(node.raw)}: RE2 counts repeats up to 1,000`,
    );
  }
  const body = element(node.element);
  const count =
    min === 0 && max === Infinity
      ? '*'
      : min === 1 && max === Infinity
        ? '+'
        : min === 0 && max === 1
          ? '?'
          : max === Infinity
            ? `{${min},}`
            : min === max
              ? `{${min}}`
              : `{${min},${max}}`;
  return `(?:${body})${count}${node.greedy ? '' : '?'}`;
}

/** One code point as RE2 reads it: letters and digits as they are, anything else as `\x{…}`. */
function character(value: number): string {
  const char = String.fromCodePoint(value);
  return /^[0-9A-Za-z]$/.test(char) ? char : `\\x{${value.toString(16)}}`;
}

function characterSet(node: AST.CharacterSet): string {
  if (node.kind === 'any') return ANY_BUT_NEWLINE;
  const inner = setContents(node);
  return `[${node.negate ? '^' : ''}${inner}]`;
}

/** The inside of a class for an escape set (`\d`, `\s`, `\w`, `\p{…}`), not negated. */
function setContents(node: AST.EscapeCharacterSet | AST.UnicodePropertyCharacterSet): string {
  switch (node.kind) {
    case 'digit':
      return DIGIT;
    case 'space':
      return SPACE;
    case 'word':
      return WORD;
    case 'property':
      return `\\p{${propertyName(node)}}`;
  }
}

function propertyName(node: AST.UnicodePropertyCharacterSet): string {
  if (node.strings) {
    throw new Untranslatable(
      `it has a property of strings (${JSON.stringify(node.raw)}), which RE2 lacks`,
    );
  }
  const { key, value } = node;
  if (value === null) {
    if (CATEGORIES.has(key)) return key;
    throw new Untranslatable(
      `it has the Unicode property ${JSON.stringify(node.raw)}, which RE2 does not have`,
    );
  }
  if ((key === 'General_Category' || key === 'gc') && CATEGORIES.has(value)) return value;
  if (key === 'Script' || key === 'sc') return value;
  throw new Untranslatable(
    `it has the Unicode property ${JSON.stringify(node.raw)}, which RE2 does not have`,
  );
}

function characterClass(node: AST.CharacterClass): string {
  if (node.unicodeSets) {
    throw new Untranslatable(
      `it has a v-mode class (${JSON.stringify(node.raw)}), which RE2 lacks`,
    );
  }
  const items = node.elements.map((item) => {
    switch (item.type) {
      case 'Character':
        return character(item.value);
      case 'CharacterClassRange':
        return `${character(item.min.value)}-${character(item.max.value)}`;
      case 'CharacterSet':
        // A negated escape inside a class (`[\S\d]`) has no inside to write out.
        if (item.negate) {
          throw new Untranslatable(
            `it has a negated escape inside a class (${JSON.stringify(node.raw)}), which RE2 lacks`,
          );
        }
        return setContents(item);
    }
  });
  // `[]` matches nothing and `[^]` anything; RE2 has no empty class.
  if (items.length === 0) return node.negate ? '[\\x{0}-\\x{10ffff}]' : '[^\\x{0}-\\x{10ffff}]';
  return `[${node.negate ? '^' : ''}${items.join('')}]`;
}
