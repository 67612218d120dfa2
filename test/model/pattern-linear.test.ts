/**
 * Patterns linear by their shape (generator/model/pattern-linear.ts) are decided without recheck.
 * The shape must be sound: every pattern it accepts is one recheck's automaton checker (exact for
 * regular patterns) proves linear, asked here about random patterns of the shape; and the patterns
 * it turns away include every kind recheck finds super-linear.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { linearByShape, mayAskRecheck } from '../../generator/model/pattern-linear.ts';

// recheck's JavaScript build, in this thread: no agent process to start for each question.
const { checkSync } = createRequire(import.meta.url)(
  'recheck/lib/browser.js',
) as typeof import('recheck');

describe('linearByShape', () => {
  it('accepts anchored sequences of single characters with one unbounded repeat at most', () => {
    for (const pattern of [
      '^[A-Z]{2}$',
      '^[A-Z]{3}$',
      '^[a-z0-9-]+$',
      '^v?\\d+$',
      '^https://.+$',
      '^(?:ab)(c)d*e?f?$',
      '^\\p{Lu}[\\p{L} ]{0,40}$',
      '^$',
    ])
      expect(linearByShape(pattern, 'u'), pattern).toBe(true);
  });

  it('turns away what may backtrack, and what it does not read', () => {
    for (const pattern of [
      // Two unbounded repeats (counted ones count: they are relaxed to + for recheck).
      '^\\d+\\d+$',
      '^\\d{4}-\\d{2}$',
      '^a*b*$',
      // Not anchored at the start: every place is a start.
      '[a-z]+$',
      '\\s+$',
      // Repeated groups, alternatives, backreferences, lookaround, word boundaries.
      '^(a+)+$',
      '^(ab)+$',
      '^(a|b)$',
      '^a|b+$',
      '^([a-z])\\1$',
      '^(?=a)a+$',
      '^\\ba+$',
      // Too many optional parts (2^9 ways to try).
      `^${'a?'.repeat(9)}b+$`,
      // Not a pattern JavaScript reads.
      '^(',
    ])
      expect(linearByShape(pattern, 'u'), pattern).toBe(false);
    expect(linearByShape('^a+$', 'm')).toBe(false);
  });

  it('accepts only patterns recheck proves linear (100 random patterns of the shape)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '\\d', '\\w', '[ab]', '[^a]', '\\s', '-');
    const element = fc.tuple(atom, fc.constantFrom('', '', '?'));
    const shaped = fc
      .tuple(
        fc.array(element, { maxLength: 4 }),
        atom,
        fc.constantFrom('*', '+', '*?'),
        fc.array(element, { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([before, loop, repeat, after, end]) => {
        const text = (parts: [string, string][]) => parts.map(([a, q]) => a + q).join('');
        return `^${text(before)}${loop}${repeat}${text(after)}${end ? '$' : ''}`;
      })
      .filter((pattern) => linearByShape(pattern, ''));
    fc.assert(
      fc.property(shaped, (pattern) => {
        const result = checkSync(pattern, '', { checker: 'automaton', timeout: null });
        expect(result.status, pattern).toBe('safe');
      }),
      { numRuns: 100, seed: 20_261_203 },
    );
  }, 120_000);
});

describe('mayAskRecheck (the early start of recheck, before the model asks)', () => {
  it('says yes for a spec file with a pattern or a patternProperties key not linear by its shape', () => {
    const schema = (pattern: string) => ({ components: { schemas: { A: { pattern } } } });
    expect(mayAskRecheck(schema('^[A-Z]{2}$'))).toBe(false);
    expect(mayAskRecheck(schema('^(a+)+$'))).toBe(true);
    expect(mayAskRecheck({ A: { patternProperties: { '^x-': {}, '^[a-z]+$': {} } } })).toBe(false);
    expect(mayAskRecheck({ A: { patternProperties: { '^x-': {}, '\\d+$': {} } } })).toBe(true);
    // Deep in lists, and under a pattern that is not a string (the model refuses that later).
    expect(mayAskRecheck({ allOf: [{ items: [{ pattern: '^a*b*$' }] }] })).toBe(true);
    expect(mayAskRecheck({ pattern: 42, properties: {} })).toBe(false);
    expect(mayAskRecheck('^(a+)+$')).toBe(false);
  });

  it('reads a value that contains itself (YAML aliases) once', () => {
    const loop: Record<string, unknown> = { type: 'object' };
    loop['self'] = loop;
    expect(mayAskRecheck(loop)).toBe(false);
    loop['pattern'] = '(x|y)+';
    expect(mayAskRecheck(loop)).toBe(true);
  });
});
