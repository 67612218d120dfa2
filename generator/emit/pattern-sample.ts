/**
 * A short string a spec's `pattern` matches, built from the pattern's syntax tree (regexpp, as
 * model/pattern-ast.ts reads it), for the samples: the README's calls and the testing kit's
 * default answers. `^/v1/accounts` gives `/v1/accounts`, `^[A-Z]{2}-\d{3}$` gives `AA-000`. Each
 * part gives its shortest form: a quantifier its minimum, a group its first alternative that
 * gives one, a class its first character. Lookarounds, backreferences, Unicode properties and
 * set operations give none (the caller falls back on its fixed candidates). The pattern is never
 * run here, and the caller checks the string against it as the guards would.
 */
import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from '../model/pattern-ast.ts';

/** The longest sample built: a pattern asking for more (`a{5000}`) gives none. */
const MAX_LENGTH = 256;

class NoSample extends Error {}

/** A string `source` (read with `flags`) matches, or undefined when the tree is beyond this. */
export function patternSample(source: string, flags: 'u' | ''): string | undefined {
  const pattern = parsePattern(source, flags);
  if (pattern === undefined) return undefined;
  try {
    return firstOf(pattern.alternatives);
  } catch (error) {
    if (error instanceof NoSample) return undefined;
    throw error;
  }
}

function firstOf(alternatives: readonly AST.Alternative[]): string {
  for (const alternative of alternatives) {
    try {
      return sequence(alternative);
    } catch (error) {
      if (!(error instanceof NoSample)) throw error;
    }
  }
  throw new NoSample();
}

function sequence(alternative: AST.Alternative): string {
  let text = '';
  for (const element of alternative.elements) {
    text += sample(element);
    if (text.length > MAX_LENGTH) throw new NoSample();
  }
  return text;
}

function sample(element: AST.Element): string {
  switch (element.type) {
    case 'Character':
      return String.fromCodePoint(element.value);
    case 'CharacterSet':
      return setSample(element);
    case 'CharacterClass':
      return classSample(element);
    case 'Quantifier': {
      if (element.min > MAX_LENGTH) throw new NoSample();
      return element.min === 0 ? '' : sample(element.element).repeat(element.min);
    }
    case 'Group':
    case 'CapturingGroup':
      return firstOf(element.alternatives);
    case 'Assertion':
      // `^`, `$`, `\b`: a short sample sits between them; lookarounds are not followed.
      if (element.kind === 'start' || element.kind === 'end' || element.kind === 'word') return '';
      throw new NoSample();
    default:
      throw new NoSample();
  }
}

/** `.`, `\d`, `\s`, `\w` and their negations: one character each. */
function setSample(set: AST.CharacterSet): string {
  switch (set.kind) {
    case 'any':
      return 'a';
    case 'digit':
      return set.negate ? 'a' : '0';
    case 'space':
      return set.negate ? 'a' : ' ';
    case 'word':
      return set.negate ? '-' : 'a';
    default:
      throw new NoSample();
  }
}

/** Characters tried for a negated class (`[^/]`): the first it does not exclude. */
const OUTSIDE = ['a', 'A', '0', '-', '_', ' ', 'z', '.'];

function classSample(cls: AST.CharacterClass): string {
  if (cls.negate) {
    const excluded = (char: string) =>
      cls.elements.some((element) => inClassElement(element, char.codePointAt(0)!));
    const char = OUTSIDE.find((candidate) => !excluded(candidate));
    if (char === undefined) throw new NoSample();
    return char;
  }
  const [first] = cls.elements;
  if (first === undefined) throw new NoSample();
  switch (first.type) {
    case 'Character':
      return String.fromCodePoint(first.value);
    case 'CharacterClassRange':
      return String.fromCodePoint(first.min.value);
    case 'CharacterSet':
      return setSample(first);
    default:
      throw new NoSample();
  }
}

/** Whether a class element holds the code point; undecided elements count as holding it. */
function inClassElement(element: AST.CharacterClassElement, code: number): boolean {
  switch (element.type) {
    case 'Character':
      return element.value === code;
    case 'CharacterClassRange':
      return element.min.value <= code && code <= element.max.value;
    case 'CharacterSet': {
      const char = String.fromCodePoint(code);
      const test =
        element.kind === 'digit'
          ? /\d/
          : element.kind === 'space'
            ? /\s/
            : element.kind === 'word'
              ? /\w/
              : undefined;
      if (test === undefined) return true;
      return test.test(char) !== element.negate;
    }
    default:
      return true;
  }
}
