/**
 * Issue 11 item 3: a `pattern` the guards cannot run safely on JavaScript's RegExp (catastrophic
 * backtracking, or syntax of another regex dialect) never makes a guard hang or throw. Each is
 * run on re2js (linear time) or left unchecked, and the generator warns with the schema location
 * and the pattern (generator/model/patterns.ts).
 *
 * The adversarial calls run in a child process killed at a deadline far above what a linear
 * match needs (runIsolated): on RegExp, `^(a+)+$` against 50,000 characters would not finish in
 * years, so passing proves the engine, not a timing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import {
  addPatternWarnings,
  patternEngine,
  usesRe2js,
  type UnsafePatterns,
} from '../../generator/model/patterns.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { Warnings } from '../../generator/warnings.ts';
import { compileGuards } from './harness.ts';
import { runIsolated, writeModules } from './compile.ts';

const FILE = 'test/fixtures/guards/patterns.yaml';
const doc = parse(
  readFileSync(new URL('../fixtures/guards/patterns.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const schemas = buildSchemaModel(doc, { file: FILE, version: '3.1' });

/** The JavaScript expression of a long adversarial string (built in the child process). */
const LONG = (head: string, repeated: string, tail: string) =>
  `${JSON.stringify(head)} + ${JSON.stringify(repeated)}.repeat(50000) + ${JSON.stringify(tail)}`;

interface Row {
  schema: string;
  engine: 're2js' | 'regexp' | 'none';
  /** Strings the guard accepts and rejects (a `none` row accepts everything). */
  accepts: string[];
  rejects: string[];
  /** The adversarial input, as a JavaScript expression, and the guard's verdict on it. */
  attack: string;
  attackVerdict: boolean;
  /** What the warning for the schema's pattern says, or null for none. */
  warning: RegExp | null;
}

const SUPER_LINEAR_ON_RE2 =
  /can take (exponential|polynomial \(degree \d\)) time to match(, as [^(]*)? \(recheck; e\.g\. .*\); the guards run it on re2js, a linear-time engine/;
const NOT_VALID =
  /is not a valid ECMAScript regular expression \(.+\), so the guards do not check it\n {2}fix: write the pattern in ECMA-262 syntax/;

const rows: Row[] = [
  {
    schema: 'Nested',
    engine: 're2js',
    accepts: ['a', 'aaaa'],
    rejects: ['', 'ab', 'b'],
    attack: LONG('', 'a', '!'),
    attackVerdict: false,
    warning: SUPER_LINEAR_ON_RE2,
  },
  {
    schema: 'Words',
    engine: 're2js',
    accepts: ['hello world', 'a b c ', '', 'x\u2028y'],
    rejects: ['hello  world', 'a-b'],
    attack: LONG('', 'a ', '!'),
    attackVerdict: false,
    warning: SUPER_LINEAR_ON_RE2,
  },
  {
    schema: 'Spaces',
    engine: 're2js',
    accepts: ['x', ' \t\u00a0\ufeffx'],
    rejects: ['y', ' x '],
    attack: LONG('', '\t', '!'),
    attackVerdict: false,
    warning: SUPER_LINEAR_ON_RE2,
  },
  {
    // Lookbehind with nested repetition: RE2 has no lookbehind, so it is not checked.
    schema: 'LookbehindNested',
    engine: 'none',
    accepts: ['xaa', 'b', ''],
    rejects: [],
    attack: LONG('x', 'a', '!'),
    attackVerdict: true,
    warning:
      /can take exponential time to match \(recheck; .*\); RE2 cannot express it \(it has lookaround \("\(\?<=x\)"\), which RE2 lacks\), so the guards do not check it/,
  },
  {
    // Lookbehind the fuzzer finds no attack on: checked on RegExp, no warning.
    schema: 'AfterAt',
    engine: 'regexp',
    accepts: ['me@example', '@a'],
    rejects: ['example', 'me@Example', '@'],
    attack: LONG('', '@', 'A'),
    attackVerdict: false,
    warning: null,
  },
  {
    schema: 'Doubled',
    engine: 'none',
    accepts: ['abab', 'abc'],
    rejects: [],
    attack: LONG('', 'a', '!'),
    attackVerdict: true,
    warning:
      /can take polynomial \(degree 2\) time to match .*; RE2 cannot express it \(it has a backreference \("\\\\1"\), which RE2 lacks\)/,
  },
  {
    // The warning names what RE2 lacks, whatever it is: here a repeat count over RE2's 1,000.
    schema: 'LongRepeat',
    engine: 'none',
    accepts: ['ab', 'b'],
    rejects: [],
    attack: LONG('', 'a', '!'),
    attackVerdict: true,
    warning:
      /; RE2 cannot express it \(it repeats "b\{1001\}": RE2 counts repeats up to 1,000\), so the guards do not check it/,
  },
  {
    // …or a Unicode property RE2 does not have.
    schema: 'EmojiRuns',
    engine: 'none',
    accepts: ['😀', 'x'],
    rejects: [],
    attack: LONG('', '😀', '!'),
    attackVerdict: true,
    warning:
      /RE2 cannot express it \(it has the Unicode property "\\\\p\{Emoji\}", which RE2 does not have\), so the guards do not check it/,
  },
  // Other dialects' syntax and broken patterns: JavaScript cannot compile them, or only without
  // the u flag, where they mean something else (`\A` the letter A; they used to refuse `abc`).
  ...['Possessive', 'Atomic', 'InlineFlag', 'Unclosed', 'RubyAnchors', 'PcreEnd', 'PosixClass'].map(
    (schema): Row => ({
      schema,
      engine: 'none',
      accepts: ['aaa', 'ABC', ''],
      rejects: [],
      attack: LONG('', 'a', '!'),
      attackVerdict: true,
      warning: NOT_VALID,
    }),
  ),
  {
    // `\p{L}` needs the u flag: the guards use it, so the pattern works and is linear.
    schema: 'Letters',
    engine: 'regexp',
    accepts: ['élan', 'Ωmega', '日本'],
    rejects: ['a1', '', 'p{L}'],
    attack: LONG('', 'é', '1'),
    attackVerdict: false,
    warning: null,
  },
  {
    schema: 'NonUnicode',
    engine: 'regexp',
    accepts: ['a-b'],
    rejects: ['ab', 'a\\-b'],
    attack: LONG('a', '-', 'b'),
    attackVerdict: false,
    warning:
      /is not valid in unicode mode \(the u flag JSON Schema asks for\), so the guards run it without/,
  },
  {
    schema: 'Plain',
    engine: 'regexp',
    accepts: ['abc'],
    rejects: ['ABC', 'a1'],
    attack: LONG('', 'a', '!'),
    attackVerdict: false,
    warning: null,
  },
];

const schemaNamed = (name: string): NamedSchema => {
  const found = schemas.find((s) => s.name === name);
  if (!found) throw new Error(`no schema ${name} in ${FILE}`);
  return found;
};

let dir = '';
beforeAll(() => {
  dir = writeModules({
    'guards.ts': printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
    'guards-runtime.ts': printSourceFile(emitGuardRuntime()),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `script` on the guards in a child process; fails the test if it hangs or throws. */
function inChild(script: string): unknown {
  const run = runIsolated(dir, script, 60_000);
  expect(run.timedOut, `the guard did not answer: ${run.stderr}`).toBe(false);
  expect(run.stderr).toBe('');
  return run.result;
}

/** The generator's warnings about the fixture's patterns, as the CLI prints them. */
function warningsFor(unsafe: UnsafePatterns): string[] {
  const warnings = new Warnings();
  addPatternWarnings(schemas, FILE, unsafe, warnings);
  return warnings.list().map((w) => w.message);
}

const warnings = warningsFor('re2js');
const warningAt = (pointer: string) =>
  warnings.filter((w) => w.startsWith(`${FILE} #/components/schemas/${pointer}:`));

describe('patterns the guards cannot run safely on RegExp', () => {
  it.each(rows)('$schema: runs on $engine', (row) => {
    const node = schemaNamed(row.schema).node;
    if (node.kind !== 'string' || !node.pattern) throw new Error(`${row.schema} has no pattern`);
    expect(patternEngine(node.pattern, 're2js').engine).toBe(row.engine);
  });

  it.each(rows)('$schema: decides as the pattern says, and answers on a long attack', (row) => {
    const fn = `is${row.schema}`;
    const verdicts = inChild(`
      const strings = ${JSON.stringify([...row.accepts, ...row.rejects])};
      print({
        plain: strings.map((s) => guards.${fn}(s)),
        attack: guards.${fn}(${row.attack}),
        validated: guards.validate${row.schema}(${row.attack}).ok,
      });
    `);
    expect(verdicts).toEqual({
      plain: [...row.accepts.map(() => true), ...row.rejects.map(() => false)],
      attack: row.attackVerdict,
      validated: row.attackVerdict,
    });
  });

  it.each(rows)('$schema: the generator warns with the location and the pattern', (row) => {
    const found = warningAt(`${row.schema}/pattern`);
    if (row.warning === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    const node = schemaNamed(row.schema).node;
    if (node.kind !== 'string' || !node.pattern) throw new Error(`${row.schema} has no pattern`);
    expect(found[0]).toContain(`the pattern ${JSON.stringify(node.pattern.source)}`);
    expect(found[0]).toMatch(row.warning);
  });

  it('the warning for a super-linear pattern, in full', () => {
    expect(warningAt('Nested/pattern')).toEqual([
      `${FILE} #/components/schemas/Nested/pattern: the pattern "^(a+)+$" can take exponential time to match, as a repeat holds something that matches the same text in more than one way (recheck; e.g. "'a' + 'a'.repeat(31) + '\\\\x00'"); the guards run it on re2js, a linear-time engine (the package depends on re2js)\n` +
        '  fix: rewrite it so that no repeat holds something that matches the same text in more than one way (e.g. ^(a+)+$ → ^a+$)',
    ]);
  });
});

describe('patternProperties the guards cannot run safely on RegExp', () => {
  it('a super-linear key pattern runs on re2js: keys still select, and a long key answers', () => {
    expect(
      inChild(`print([
        guards.isNestedKeys({ aaa: 1 }),
        guards.isNestedKeys({ aaa: 'x' }),
        guards.isNestedKeys({ b: 1 }),
        guards.isNestedKeys({ [${LONG('', 'a', '!')}]: 1 }),
      ]);`),
    ).toEqual([true, false, false, false]);
    expect(warningAt('NestedKeys/patternProperties/^(a+)+$')).toEqual([
      expect.stringMatching(SUPER_LINEAR_ON_RE2) as unknown as string,
    ]);
  });

  it('one RE2 cannot express is taken to match any key: lenient, and a long key answers', () => {
    expect(
      inChild(`print([
        guards.isLookbehindKeys({ id: 'a', other: 'anything' }),
        guards.isLookbehindKeys({ id: 1 }),
        guards.isLookbehindKeys({ ['x' + ${LONG('', 'a', '!')}]: 'text' }),
      ]);`),
    ).toEqual([true, false, true]);
    const [warning] = warningAt('LookbehindKeys/patternProperties/(?<=x)(a+)+$');
    expect(warning).toMatch(
      /RE2 cannot express it \(it has lookaround \("\(\?<=x\)"\), which RE2 lacks\), so the guards take it to match any key \(its schema and additionalProperties are not checked there\)/,
    );
  });
});

describe('the --unsafe-patterns choice', () => {
  const nested = schemaNamed('Nested').node;
  if (nested.kind !== 'string' || !nested.pattern) throw new Error('Nested has no pattern');
  const regex = nested.pattern;

  it.each([
    ['re2js', 're2js', /the guards run it on re2js/],
    ['skip', 'none', /; the guards do not check it \(--unsafe-patterns skip\)/],
    ['native', 'regexp', /RegExp anyway \(--unsafe-patterns native\): a long input can stall them/],
  ] as const)('%s: the engine is %s, and the warning says so', (unsafe, engine, says) => {
    expect(patternEngine(regex, unsafe).engine).toBe(engine);
    const [warning] = warningsFor(unsafe).filter((w) =>
      w.includes('#/components/schemas/Nested/pattern:'),
    );
    expect(warning).toMatch(says);
  });

  it('skip leaves even patterns the fuzzer found no attack on unchecked', () => {
    const afterAt = schemaNamed('AfterAt').node;
    if (afterAt.kind !== 'string' || !afterAt.pattern) throw new Error('AfterAt has no pattern');
    expect(patternEngine(afterAt.pattern, 'skip').engine).toBe('none');
    expect(patternEngine(afterAt.pattern, 're2js').engine).toBe('regexp');
  });

  it('reading the patterns leaves the model as it was (variant order included)', () => {
    const before = JSON.stringify(schemas);
    warningsFor('re2js');
    expect(JSON.stringify(schemas)).toBe(before);
    usesRe2js(schemas, 're2js');
    expect(JSON.stringify(schemas)).toBe(before);
  });

  it('--strict: every pattern warning is an error naming its place and its pattern', () => {
    const strict = new Warnings(true);
    addPatternWarnings(schemas, FILE, 're2js', strict);
    const errors = strict.asErrors();
    const places = strict.list().reduce((sum, warning) => sum + warning.places.length, 0);
    expect(errors.length).toBe(places);
    expect(errors[0]?.message).toMatch(
      /the pattern "\^\(a\+\)\+\$" can take exponential time .*\(an error because of --strict\)/,
    );
    expect(errors.every((error) => error.location.pointer !== undefined)).toBe(true);
  });

  it('the package depends on re2js only when a guard runs a pattern on it', () => {
    expect(usesRe2js(schemas, 're2js')).toBe(true);
    expect(usesRe2js(schemas, 'skip')).toBe(false);
    expect(usesRe2js(schemas, 'native')).toBe(false);
    expect(usesRe2js([schemaNamed('Plain'), schemaNamed('AfterAt')], 're2js')).toBe(false);
  });
});

describe('the guards with re2js', () => {
  it('compile under strict TypeScript with no any', async () => {
    for (const unsafe of ['re2js', 'skip', 'native'] as const) {
      const compiled = await compileGuards(doc, '3.1', FILE, { unsafePatterns: unsafe });
      expect(compiled.diagnostics, unsafe).toBe('');
      expect(compiled.anyCount).toBe(0);
      expect(compiled.source.includes('from "re2js"'), unsafe).toBe(unsafe === 're2js');
    }
  }, 120_000);
});
