/**
 * What a pattern costs recheck to analyse, known from the pattern alone (patterns.ts).
 *
 * recheck's automaton checker first builds the deterministic automaton of the pattern read
 * backwards (its "lookahead"), and nothing in recheck bounds that step: `^[ab][ab]…[ab]a[ab]*$`
 * with k classes before the `a` needs 2^k states (16 took 6 s, 27 would never end). This module
 * builds the same kind of automaton for the pattern's positions (each character, class or set is
 * one; assertions match the empty string) and counts its states up to a cap: a pattern over the
 * cap is not given to recheck. The count is of this module's automaton, not recheck's (which also
 * tracks assertions), so the cap leaves a wide margin; it only has to tell the few patterns that
 * blow up from the many that do not.
 */
import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from './pattern-ast.ts';

/** Characters whose membership tells the pattern's classes apart (with the ones it names). */
const SAMPLES = [
  ...Array.from({ length: 128 }, (_, code) => code),
  0xa0,
  0xe9,
  0x3a9,
  0x2028,
  0x3000,
  0x4e2d,
  0xfeff,
  0x1f600,
];

/** The positions of a pattern: what each matches, and which may follow which. */
interface Positions {
  /** For each position, whether each sample character (by index in `samples`) matches it. */
  matches: boolean[][];
  first: Set<number>;
  last: Set<number>;
  follow: Set<number>[];
}

/** What a part of the pattern contributes: may it be empty, where it starts and ends. */
interface Part {
  nullable: boolean;
  first: Set<number>;
  last: Set<number>;
}

const EMPTY: Part = { nullable: true, first: new Set(), last: new Set() };

/**
 * The positions of `source` (a pattern without lookaround or backreferences, whose counted
 * repeats are `*` or `+`); undefined if it does not parse.
 */
function positions(source: string, flags: string): Positions | undefined {
  const pattern = parsePattern(source, flags);
  if (pattern === undefined) return undefined;
  const atoms: string[] = [];
  const follow: Set<number>[] = [];
  const codes = new Set(SAMPLES);

  const link = (from: Set<number>, to: Set<number>) => {
    for (const p of from) for (const q of to) follow[p]!.add(q);
  };
  const atom = (raw: string): Part => {
    const p = atoms.length;
    atoms.push(raw);
    follow.push(new Set());
    return { nullable: false, first: new Set([p]), last: new Set([p]) };
  };
  const sequence = (parts: Part[]): Part =>
    parts.reduce((left, right) => {
      link(left.last, right.first);
      return {
        nullable: left.nullable && right.nullable,
        first: left.nullable ? new Set([...left.first, ...right.first]) : left.first,
        last: right.nullable ? new Set([...left.last, ...right.last]) : right.last,
      };
    }, EMPTY);
  const choice = (parts: Part[]): Part => ({
    nullable: parts.some((part) => part.nullable),
    first: new Set(parts.flatMap((part) => [...part.first])),
    last: new Set(parts.flatMap((part) => [...part.last])),
  });
  const part = (node: AST.Node): Part => {
    switch (node.type) {
      case 'Alternative':
        return sequence(node.elements.map(part));
      case 'Group':
      case 'CapturingGroup':
      case 'Pattern':
        return choice(node.alternatives.map(part));
      case 'Quantifier': {
        if (node.max === 0) return EMPTY;
        const inner = part(node.element);
        if (node.max > 1) link(inner.last, inner.first);
        return { ...inner, nullable: inner.nullable || node.min === 0 };
      }
      case 'Character':
        codes.add(node.value);
        return atom(node.raw);
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
      case 'CharacterSet':
        visitCodes(node, codes);
        return atom(node.raw);
      default:
        // Assertions (and, were there any, lookaround and backreferences) match the empty string.
        return EMPTY;
    }
  };

  const whole = part(pattern);
  const samples = [...codes].sort((x, y) => x - y).map((code) => String.fromCodePoint(code));
  const matches = atoms.map((raw) => {
    const re = new RegExp(`^(?:${raw})$`, flags);
    return samples.map((sample) => re.test(sample));
  });
  return { matches, first: whole.first, last: whole.last, follow };
}

/** Adds the ends of each range a class names (and the characters just outside) to `codes`. */
function visitCodes(node: AST.Node, codes: Set<number>): void {
  if (node.type === 'Character') codes.add(node.value);
  else if (node.type === 'CharacterClassRange') {
    for (const code of [node.min.value - 1, node.min.value, node.max.value, node.max.value + 1]) {
      if (code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) codes.add(code);
    }
  } else if ('elements' in node) {
    for (const element of node.elements) visitCodes(element, codes);
  } else if (node.type === 'ClassIntersection' || node.type === 'ClassSubtraction') {
    visitCodes(node.left, codes);
    visitCodes(node.right, codes);
  }
}

/**
 * How many states the deterministic automaton of `source` read backwards has, counted up to
 * `cap`: `cap + 1` means more (and undefined that the pattern does not parse). Deterministic, and
 * quick: the count stops at the cap.
 */
export function backwardStates(source: string, flags: string, cap: number): number | undefined {
  const found = positions(source, flags);
  if (found === undefined) return undefined;
  const { matches, first, last, follow } = found;
  const start = -1;
  // Read backwards, a position is left for each position it may follow (or the start).
  const before = matches.map(() => [] as number[]);
  follow.forEach((next, p) => {
    for (const q of next) before[q]!.push(p);
  });
  for (const q of first) before[q]!.push(start);
  const symbols = new Map<string, number>();
  for (let c = 0; c < (matches[0]?.length ?? 0); c++) {
    symbols.set(matches.map((m) => (m[c] ? '1' : '0')).join(''), c);
  }
  // Read backwards, a match starts at a position that may end it.
  const initial = [...last].sort((x, y) => x - y);
  const seen = new Set<string>([initial.join(',')]);
  const queue = [initial];
  for (let states = queue.pop(); states; states = queue.pop()) {
    for (const c of symbols.values()) {
      const next = new Set<number>();
      for (const q of states) {
        if (!matches[q]![c]) continue;
        for (const p of before[q]!) if (p !== start) next.add(p);
      }
      const key = [...next].sort((x, y) => x - y).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > cap) return cap + 1;
      queue.push([...next]);
    }
  }
  return seen.size;
}
