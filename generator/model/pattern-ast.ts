/**
 * A spec's `pattern` as regexpp's syntax tree, for the modules that judge what it costs to run
 * (pattern-linear.ts) or to analyse (pattern-budget.ts). ECMAScript 2025 syntax, as JavaScript's
 * RegExp reads it with the `u` flag or without flags.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** The syntax tree of `source` read with `flags` (`u` or none); undefined if it does not parse. */
export function parsePattern(source: string, flags: string): AST.Pattern | undefined {
  try {
    return new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: flags === 'u',
    });
  } catch {
    return undefined;
  }
}
