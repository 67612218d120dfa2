/**
 * Why a pattern recheck finds super-linear (patterns.ts) is slow, and the fix for it, as recheck's
 * verdict tells:
 * - unanchored (linear once `^` is put before it: `arn:.*role/.*`, `[a-z]+@`): a search that fails
 *   starts again at every position of the input, and from each one a repeat scans on to the end;
 * - exponential (`^(a+)+$`): a repeat holds something that matches the same text in more than one
 *   way (a nested repeat, overlapping alternatives);
 * - polynomial (`^arn:.+:mediaconnect.+:flow:.+$`): repeats that can also match what follows them
 *   (`.+` matches `:flow:` too), so the text can be split between them in many ways;
 * - found by the fuzzer (backreferences, lookaround), or not known to be slow (not analysed): the
 *   cause is not known, so the fix names the usual ones.
 */
import type { PatternSafety } from './patterns.ts';

const NESTED = 'a repeat holds something that matches the same text in more than one way';
const NESTED_FIX = `rewrite it so that no repeat holds something that matches the same text in more than one way (e.g. ^(a+)+$ → ^a+$)`;
const OVERLAP = 'a repeat can also match the text that follows it';
const OVERLAP_FIX =
  'rewrite it so that no repeat can also match the text that follows it, and the input splits between the repeats one way only (e.g. ^a.+:b.+$ → ^a[^:]+:b.+$, where `.+` also matched ":b")';

/** Why the pattern is slow, a clause to follow its complexity in the warning; empty if not known. */
export function superLinearWhy(safety: PatternSafety): string {
  if (safety.status !== 'super-linear' || safety.fuzzed === true) return '';
  if (safety.cause === 'unanchored')
    return ', as it is not anchored: a search that fails starts again at each position of the input and scans on from there';
  return `, as ${safety.complexity === 'exponential' ? NESTED : OVERLAP}`;
}

/** The fix for a pattern that is not linear (`source`, as the spec writes it). */
export function superLinearFix(safety: PatternSafety, source: string): string {
  if (safety.status !== 'super-linear' || safety.fuzzed === true)
    return 'rewrite it so that it matches the input one way only: no repeat holding something that matches the same text in more than one way (^(a+)+$ → ^a+$), none that can also match the text after it (.+: → [^:]+:), and ^ first if the value must begin with it';
  if (safety.cause === 'unanchored')
    return `if the value must begin with it, start it with ^ (${anchoredText(source)}): anchored, it matches in linear time`;
  return safety.complexity === 'exponential' ? NESTED_FIX : OVERLAP_FIX;
}

/** `source` with `^` before it, grouped when it may have alternatives at its top level. */
function anchoredText(source: string): string {
  return source.includes('|') ? `^(?:${source})` : `^${source}`;
}
