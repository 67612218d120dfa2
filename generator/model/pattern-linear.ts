/**
 * Patterns that run in linear time by their shape alone, so that recheck (patterns.ts) is not
 * loaded for them: its checker is some 3 MB of JavaScript and takes 0.3 to 0.5 s of CPU to load
 * and answer its first question, more than generating a small package's types.
 *
 * The shape (checked on the pattern with its counted repeats relaxed to `*` or `+`, the form
 * patterns.ts gives recheck): `^` first, then a sequence of single characters, character classes
 * and escapes (`\d`, `.`, `\p{L}`), `$`, and groups without alternatives or repeats of their own;
 * at most one element repeated without bound (`*`, `+`, `{2,}`, `{2,5}` relaxed) and at most
 * {@link MAX_OPTIONAL} optional ones (`?`). `^[A-Z]{2}$`, `^[a-z0-9-]+$`, `^v?\d+$` and
 * `^https://.+$` are such; `^\d{4}-\d{2}$` (two repeats) and `^(a|b)+$` go to recheck.
 *
 * Why that is linear: `^` leaves one place for a match to start (no `m` flag is ever set), and
 * from there every element consumes exactly one character. A backtracking engine tries the
 * optional elements before the unbounded one (at most 2^k ways, k ≤ {@link MAX_OPTIONAL}), lets the
 * unbounded one stop at each of at most n + 1 places (n: the input's length), and from each stop
 * tries the elements after it, at most 2^k ways of at most m steps (m: the pattern's length): at
 * most 2^k × 2^k × (n + 1) × m steps, linear in n. The same holds as written, since a counted
 * repeat (`{2,5}`) stops at fewer places than its relaxed form. recheck's automaton checker (exact
 * for such patterns) agrees: its automaton has at most one loop, so no ambiguity to exploit
 * (test/model/pattern-linear.test.ts asks it about random patterns of the shape).
 */
import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from './pattern-ast.ts';
import { pushAll } from '../json.ts';

/** Optional elements at most (each doubles the ways a match can be tried). */
const MAX_OPTIONAL = 8;

/**
 * Whether `source` (with `flags`, `u` or none) has the shape above, and so runs in linear time
 * with its counted repeats relaxed, and as written. False for anything else, including a pattern
 * that does not parse: recheck then decides.
 */
export function linearByShape(source: string, flags: string): boolean {
  const pattern = parsePattern(source, flags);
  if (pattern === undefined) return false;
  if (flags !== '' && flags !== 'u') return false;
  const [only, ...more] = pattern.alternatives;
  if (only === undefined || more.length > 0) return false;
  const first = only.elements[0];
  if (first?.type !== 'Assertion' || first.kind !== 'start') return false;
  const count = { unbounded: 0, optional: 0 };
  return sequenceFits(only.elements, count);
}

type Count = { unbounded: number; optional: number };

function sequenceFits(elements: readonly AST.Element[], count: Count): boolean {
  for (const element of elements) {
    if (!elementFits(element, count)) return false;
  }
  return count.unbounded <= 1 && count.optional <= MAX_OPTIONAL;
}

function elementFits(element: AST.Element, count: Count): boolean {
  switch (element.type) {
    case 'Character':
    case 'CharacterSet':
      return true;
    case 'CharacterClass':
      // A class of `v` mode may match strings (`\q{ab}`); without it, one character.
      return !element.unicodeSets;
    case 'Assertion':
      // `\b` and lookaround are left to recheck.
      return element.kind === 'start' || element.kind === 'end';
    case 'Group':
    case 'CapturingGroup': {
      const [only, ...more] = element.alternatives;
      return only !== undefined && more.length === 0 && sequenceFits(only.elements, count);
    }
    case 'Quantifier': {
      const single = element.element;
      if (
        single.type !== 'Character' &&
        single.type !== 'CharacterSet' &&
        !(single.type === 'CharacterClass' && !single.unicodeSets)
      )
        return false;
      // patterns.ts relaxes every repeat of more than one (`{2}`, `{2,5}`) to `*` or `+`.
      if (element.max > 1) count.unbounded++;
      else if (element.max === 1 && element.min === 0) count.optional++;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Whether a spec file's value (as parsed, before bundling) holds a pattern recheck will be asked
 * about: a `pattern` string, or a key of a `patternProperties` object, not linear by its shape.
 * A guess made early, so that recheck loads while the spec is still being read (pipeline.ts); it
 * may say yes for a `pattern` member of an example, which only loads recheck for nothing.
 */
export function mayAskRecheck(parsed: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pushAll(stack, value as unknown[]);
      continue;
    }
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'pattern' && typeof member === 'string' && !linearAsModelled(member)) return true;
      if (key === 'patternProperties' && typeof member === 'object' && member !== null) {
        if (Object.keys(member).some((source) => !linearAsModelled(source))) return true;
      }
      stack.push(member);
    }
  }
  return false;
}

/** {@link linearByShape} with the flags the model gives a pattern: `u` where it is valid so. */
function linearAsModelled(source: string): boolean {
  let flags = 'u';
  try {
    new RegExp(source, 'u');
  } catch {
    flags = '';
  }
  return linearByShape(source, flags);
}
