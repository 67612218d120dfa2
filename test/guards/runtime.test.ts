/** templates/guards/runtime.ts as it stands: the runtime copied next to every generated guards file. */
import { describe, expect, it } from 'vitest';
import {
  GuardError,
  codePointLength,
  deepEqual,
  describeValue,
  duplicateItems,
  beginCheck,
  beginCollect,
  endCheck,
  endCollect,
  guardCalls,
  MAX_DEPTH,
  formatIssues,
  issue,
  jsonKind,
  missingIssue,
  multipleOf,
  ownProperty,
  pointerToken,
  type ValidationIssue,
} from '../../templates/guards/runtime.ts';
import { emitGuardRuntime } from '../../generator/emit/guards.ts';
import { readFileSync } from 'node:fs';

describe('describeValue', () => {
  it.each([
    [-5, '-5'],
    [-0, '0'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    ['abc', 'string "abc"'],
    ['say "hi"\n', 'string "say \\"hi\\"\\n"'],
    ['', 'string ""'],
    ['x'.repeat(41), `string "${'x'.repeat(40)}"… (41 characters)`],
    ['\u{1F600}'.repeat(41), `string "${'\u{1F600}'.repeat(40)}"… (41 characters)`],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'array of 0 items'],
    [[1], 'array of 1 item'],
    [{}, 'object with 0 properties'],
    [{ a: 1 }, 'object with 1 property'],
    [{ a: 1, b: 2 }, 'object with 2 properties'],
    [10n, 'bigint 10'],
    [() => 1, 'function'],
  ])('%s -> %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['\u{1F600}', 1],
    ['a\u{1F600}b\u{1F600}', 4],
    ['\uD83D', 1], // a lone high surrogate counts as one
    ['\uDE00\uD83D', 2], // low before high is not a pair
    ['e\u0301', 2], // combining marks are code points of their own
  ])('%j has %i code points', (text, length) => {
    expect(codePointLength(text)).toBe(length);
    expect(codePointLength(text)).toBe([...text].length);
  });
});

describe('multipleOf', () => {
  it.each([
    [19.99, 0.01, true],
    [0.07, 0.01, true],
    [4.35, 0.01, true],
    [0.3, 0.1, true],
    [1e21, 0.01, true],
    [-1.1, 0.1, true],
    [10, 2.5, true],
    [0, 0.7, true],
    [0.001, 0.01, false],
    [19.995, 0.01, false],
    [1.0000001, 1, false],
    [7, 2, false],
    [1, 3, false],
    [Infinity, 0.5, false],
  ])('%f multiple of %f: %s', (value, divisor, expected) => {
    expect(multipleOf(value, divisor)).toBe(expected);
  });
});

describe('deepEqual and duplicateItems', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, {}, false],
    [[1, [2, { a: 3 }]], [1, [2, { a: 3 }]], true],
    [[1, 2], [2, 1], false],
    [[1], [1, 1], false],
    [{ a: 1, b: [2] }, { b: [2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: undefined }, { b: undefined }, false],
    [[], {}, false],
    [{}, [], false],
  ])('deepEqual(%j, %j) is %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
    expect(deepEqual(b, a)).toBe(expected);
  });

  it.each([
    [[], undefined],
    [[1, '1', true, null, {}, []], undefined],
    [
      [1, 2, 1],
      [0, 2],
    ],
    [
      [null, 1, null],
      [0, 2],
    ],
    [
      [{ a: [1] }, { a: [2] }, { a: [1] }],
      [0, 2],
    ],
    [
      ['a', 'b', 'b', 'a'],
      [1, 2],
    ],
  ])('duplicateItems(%j) is %j', (items, expected) => {
    expect(duplicateItems(items)).toEqual(expected);
  });
});

describe('deepEqual on cyclic and deep values', () => {
  const deep = (levels: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };

  it('compares values 100,000 levels deep without overflowing the stack', () => {
    expect(deepEqual(deep(100_000), deep(100_000))).toBe(true);
    expect(deepEqual(deep(100_000), deep(99_999))).toBe(false);
  });

  it('ends on cyclic values: same shape is equal, another is not', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    const c: Record<string, unknown> = { n: 2 };
    c.self = c;
    expect(deepEqual(a, b)).toBe(true);
    expect(deepEqual(a, c)).toBe(false);
    expect(duplicateItems([a, c, b])).toEqual([0, 2]);
  });
});

describe('the nesting of recursive guards (beginCheck, beginCollect)', () => {
  it('refuses an object already being checked by the same function, not by another', () => {
    const mine = guardCalls<boolean>();
    const other = guardCalls<boolean>();
    const value = {};
    expect(beginCheck(mine, value)).toBeUndefined();
    expect(beginCheck(mine, value)).toBe(false);
    expect(beginCheck(other, value)).toBeUndefined();
    endCheck(other, value, true);
    endCheck(mine, value, true);
    expect(beginCheck(mine, value)).toBeUndefined();
    endCheck(mine, value, true);
  });

  it(`refuses more than ${MAX_DEPTH} calls under way, and reports why`, () => {
    const calls = guardCalls<boolean>();
    const collect = guardCalls<Set<string>>();
    const values = Array.from({ length: MAX_DEPTH }, () => ({}));
    for (const value of values) expect(beginCheck(calls, value)).toBeUndefined();
    expect(beginCheck(calls, {})).toBe(false);
    const issues: ValidationIssue[] = [];
    expect(beginCollect(collect, 'one more', '/a', issues)).toBe(false);
    expect(issues[0]?.message).toBe(
      `nested too deep: expected at most ${MAX_DEPTH} levels of nesting, found string "one more"`,
    );
    for (const value of values.reverse()) endCheck(calls, value, false);
    expect(beginCheck(calls, 'again')).toBeUndefined();
    endCheck(calls, 'again', true);
  });

  it('reports a cyclic value as such', () => {
    const calls = guardCalls<Set<string>>();
    const value = { a: 1 };
    const issues: ValidationIssue[] = [];
    expect(beginCollect(calls, value, '', issues)).toBe(true);
    expect(beginCollect(calls, value, '/a', issues)).toBe(false);
    expect(issues[0]?.message).toBe(
      'cyclic value: expected a value that does not contain itself, found object with 1 property',
    );
    endCollect(calls, value, '');
  });

  it('guards of schemas that are not recursive do not count towards the limit', () => {
    const calls = guardCalls<boolean>(false);
    const value = {};
    // Met again while being checked: not a cycle (a chain that names one schema twice).
    expect(beginCheck(calls, value)).toBeUndefined();
    expect(beginCheck(calls, value)).toBeUndefined();
    endCheck(calls, value, true);
    endCheck(calls, value, true);
  });

  it('refuses a primitive met again while being checked, when it keeps primitives', () => {
    const calls = guardCalls<boolean>(true, true);
    expect(beginCheck(calls, 'x')).toBeUndefined();
    // Schemas that refer to each other without consuming the value: the cycle adds nothing.
    expect(beginCheck(calls, 'x')).toBe(false);
    const collect = guardCalls<Set<string>>(true, true);
    const issues: ValidationIssue[] = [];
    expect(beginCollect(collect, 1, '/n', issues)).toBe(true);
    expect(beginCollect(collect, 1, '/n', issues)).toBe(false);
    expect(issues[0]?.message).toBe(
      'schemas refer to each other here: expected a schema that decides it, found 1',
    );
    endCollect(collect, 1, '/n');
    endCheck(calls, 'x', true);
    // Kept by value for the rest of the outermost call: here it has ended, so checked again.
    expect(beginCheck(calls, 'x')).toBeUndefined();
    endCheck(calls, 'x', true);
  });
});

describe('beginCheck and beginCollect (recursive guards check an object once per outermost call)', () => {
  it('gives the verdict kept for an object while a call is under way, and checks it again after', () => {
    const outer = guardCalls<boolean>();
    const calls = guardCalls<boolean>();
    const root = {};
    const child = {};
    expect(beginCheck(outer, root)).toBeUndefined();
    expect(beginCheck(calls, child)).toBeUndefined();
    endCheck(calls, child, false);
    // Another branch checks the same object: the kept verdict, without entering.
    expect(beginCheck(calls, child)).toBe(false);
    expect(beginCheck(calls, {})).toBeUndefined();
    endCheck(calls, {}, true);
    // Primitives are checked every time.
    expect(beginCheck(calls, 1)).toBeUndefined();
    endCheck(calls, 1, true);
    expect(beginCheck(calls, 1)).toBeUndefined();
    endCheck(calls, 1, true);
    endCheck(outer, root, false);
    // A new outermost call: the caller may have changed the object since.
    expect(beginCheck(calls, child)).toBeUndefined();
    endCheck(calls, child, true);
  });

  it('still refuses an object the function is checking (a cyclic value)', () => {
    const calls = guardCalls<boolean>();
    const value = {};
    expect(beginCheck(calls, value)).toBeUndefined();
    expect(beginCheck(calls, value)).toBe(false);
    endCheck(calls, value, false);
  });

  it('reports an object at a path once, at another path again', () => {
    const outer = guardCalls<Set<string>>();
    const calls = guardCalls<Set<string>>();
    const issues: ValidationIssue[] = [];
    const root = {};
    const child = {};
    expect(beginCollect(outer, root, '', issues)).toBe(true);
    expect(beginCollect(calls, child, '/child', issues)).toBe(true);
    endCollect(calls, child, '/child');
    expect(beginCollect(calls, child, '/child', issues)).toBe(false);
    expect(beginCollect(calls, child, '/other', issues)).toBe(true);
    endCollect(calls, child, '/other');
    endCollect(outer, root, '');
    expect(beginCollect(calls, child, '/child', issues)).toBe(true);
    endCollect(calls, child, '/child');
    expect(issues).toEqual([]);
  });
});

describe('small helpers', () => {
  it('ownProperty ignores what an object inherits', () => {
    const parsed = JSON.parse('{"__proto__": 1, "toString": "t"}') as Record<string, unknown>;
    expect(ownProperty(parsed, '__proto__')).toBe(1);
    expect(ownProperty(parsed, 'toString')).toBe('t');
    expect(ownProperty({}, 'constructor')).toBeUndefined();
    expect(ownProperty({}, '__proto__')).toBeUndefined();
  });

  it('pointerToken escapes ~ before /', () => {
    expect(pointerToken('a/b~c~1')).toBe('a~1b~0c~01');
    expect(pointerToken('user.birthday')).toBe('user.birthday');
  });

  it.each([
    [null, 'null'],
    [true, 'boolean'],
    [1, 'integer'],
    [-0, 'integer'],
    [1.5, 'number'],
    [Number.NaN, 'other'],
    ['1', 'string'],
    [[], 'array'],
    [{}, 'object'],
    [undefined, 'other'],
  ])('jsonKind(%j) is %s', (value, kind) => {
    expect(jsonKind(value)).toBe(kind);
  });

  it('issue and missingIssue build the message from expected and found', () => {
    expect(issue('/a', 'integer >= 0', -5)).toEqual({
      path: '/a',
      expected: 'integer >= 0',
      found: '-5',
      message: 'expected integer >= 0, found -5',
    });
    expect(issue('', 'no additional property', 'x', 'unexpected property')).toEqual({
      path: '',
      expected: 'no additional property',
      found: 'string "x"',
      message: 'unexpected property: expected no additional property, found string "x"',
    });
    expect(missingIssue('/id', 'string')).toEqual({
      path: '/id',
      expected: 'string',
      found: 'missing',
      message: 'missing required property: expected string',
    });
  });
});

describe('GuardError', () => {
  const issues = (n: number): ValidationIssue[] =>
    Array.from({ length: n }, (_, i) => issue(i === 0 ? '' : `/items/${i}`, 'string', i));

  it('shows the first five issues and the total count', () => {
    const error = new GuardError('Plan', issues(7));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GuardError');
    expect(error.schema).toBe('Plan');
    expect(error.issues).toHaveLength(7);
    expect(error.message).toBe(
      [
        'Invalid Plan (7 issues):',
        '  (root): expected string, found 0',
        '  /items/1: expected string, found 1',
        '  /items/2: expected string, found 2',
        '  /items/3: expected string, found 3',
        '  /items/4: expected string, found 4',
        '  … and 2 more',
      ].join('\n'),
    );
  });

  it('says "1 issue" and lists all when there are few', () => {
    expect(formatIssues('X', issues(1))).toBe(
      'Invalid X (1 issue):\n  (root): expected string, found 0',
    );
    expect(formatIssues('X', issues(5)).split('\n')).toHaveLength(6);
  });

  // helper-159: a key or a string of checked data (a server's answer) went into the message raw.
  it('writes control, bidirectional and separator characters of the data as escapes', () => {
    const key = '\r\n2026-01-01 INFO admin login \u001b]0;x\u0007';
    const value = 'a\u202eb\u2028c\u0085d\u007f\u2066';
    const message = formatIssues('X', [issue(`/metadata/${key}`, 'integer', value)]);
    expect(message).toBe(
      'Invalid X (1 issue):\n' +
        '  /metadata/\\r\\n2026-01-01 INFO admin login \\u001b]0;x\\u0007: expected integer, found string "a\\u202eb\\u2028c\\u0085d\\u007f\\u2066"',
    );
    expect(message.split('\n')).toHaveLength(2);
  });
});

it('emitGuardRuntime copies the template unchanged', () => {
  const template = readFileSync(
    new URL('../../templates/guards/runtime.ts', import.meta.url),
    'utf8',
  );
  const emitted = emitGuardRuntime();
  expect(emitted.path).toBe('src/guards-runtime.ts');
  expect(emitted.statements).toEqual([template.trimEnd()]);
});
