/** Hostile names and texts: nothing breaks out of a string or comment, and every name is safe. */
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { describeGuardCases, useFixture } from './cases.ts';

const FILE = 'hostile.yaml';
/** Built with JSON.parse, as a response body is, so `__proto__` is an own property. */
const json = (text: string): unknown => JSON.parse(text);
const classOk = json(
  '{"user.birthday":"1990-01-01","constructor":"c","__proto__":1,"quote\\"key":2}',
);

describeGuardCases(FILE, [
  ['names that collide after pascalCase (1)', { schema: 'foo-bar', valid: ['x'], invalid: [1] }],
  ['names that collide after pascalCase (2)', { schema: 'foo_bar', valid: [1], invalid: ['x'] }],
  [
    'property keys with dots, quotes, slashes and inherited names',
    {
      schema: 'class',
      valid: [
        classOk,
        json(
          '{"user.birthday":"x","constructor":"c","__proto__":1,"quote\\"key":2,"back\\\\slash":true,"new\\nline":"n","a/b~c":"s","toString":"t","":false,"</script>":"s","\\u2028":"s","${x}":"s"}',
        ),
      ],
      invalid: [
        json('{"user.birthday":"x","__proto__":1,"quote\\"key":2}'),
        json('{"user.birthday":"x","constructor":"c","quote\\"key":2}'),
        json('{"user.birthday":"x","constructor":"c","__proto__":1,"quote\\"key":2,"toString":1}'),
        json('{"user.birthday":"x","constructor":"c","__proto__":1,"quote\\"key":2,"":"no"}'),
        json('{"user.birthday":"x","constructor":"c","__proto__":1,"quote\\"key":2,"a/b~c":1}'),
        {},
      ],
    },
  ],
  [
    'a __proto__ key is checked like any other (difference proto-key: plain ajv skips it)',
    {
      schema: 'class',
      valid: [classOk],
      invalid: [json('{"user.birthday":"x","constructor":"c","__proto__":"1","quote\\"key":2}')],
    },
  ],
  [
    'enum strings with quotes, backslashes, newlines and comment ends',
    {
      schema: '2fa',
      valid: ["it's", 'say "hi"', 'back\\slash', 'new\nline', '*/', '${x}', '\u2028', '</script>'],
      invalid: ['its', 'say "hi', 'back\\\\slash', 'new\\nline', '*', ''],
    },
  ],
  [
    'a schema named like the runtime error class',
    { schema: 'GuardError', valid: ['x'], invalid: [1] },
  ],
  [
    'a schema named like a global',
    { schema: 'Array', valid: [[], [classOk]], invalid: [[{}], {}] },
  ],
  [
    'a map of hostile enum values',
    { schema: 'Record', valid: [{ a: '*/' }], invalid: [{ a: '*' }] },
  ],
  [
    'a pattern with quotes, backslashes and slashes',
    { schema: 'Quotes', valid: ['"\'\\/`'], invalid: ['a', ''] },
  ],
  [
    'a pattern property with a quote',
    { schema: 'Keys', valid: [{ 'x-a"': 1 }], invalid: [{ 'x-a"': 'x' }, { 'x-a': 1 }] },
  ],
  [
    'a const with quotes and newlines',
    { schema: 'Old', valid: [{ value: 'a"b\\c\nd' }], invalid: [{ value: 'a"b\\c\\nd' }] },
  ],
]);

describe('hostile names and texts', () => {
  const fixture = useFixture(FILE);

  it('gives every schema a safe, unique name', () => {
    expect(fixture().compiled.schemas.map((s) => [s.originalName, s.name])).toEqual([
      ['foo-bar', 'FooBar'],
      ['foo_bar', 'FooBar2'],
      ['class', 'Class'],
      ['2fa', '_2fa'],
      ['GuardError', 'GuardError2'],
      ['ValidationIssue', 'ValidationIssue2'],
      ['Array', 'ArrayModel'],
      ['Record', 'RecordModel'],
      ['Quotes', 'Quotes'],
      ['Keys', 'Keys'],
      ['Old', 'Old'],
    ]);
    for (const fn of ['isFooBar2', 'assert_2fa', 'validateGuardError2', 'isArrayModel']) {
      expect(typeof fixture().guards[fn]).toBe('function');
    }
    expect(typeof fixture().guards['GuardError']).toBe('function');
  });

  it('copies no description into the guards (the type has it), and deprecates only what the spec does', () => {
    const { source } = fixture().compiled;
    expect(source).not.toContain('Closes a comment');
    expect(source).not.toContain('@deprecated not really');
    expect(source).not.toMatch(/@deprecated The FooBar schema/);
    expect(source).toMatch(/@deprecated The Old schema is deprecated\./);
  });

  it('reports hostile keys as escaped JSON pointers', () => {
    const value = json(
      '{"user.birthday":1,"constructor":"c","__proto__":1,"quote\\"key":2,"a/b~c":1}',
    );
    expect(
      fixture()
        .validate('class', value)
        .issues?.map((i) => i.path),
    ).toEqual(['/user.birthday', '/a~1b~0c']);
    expect(
      fixture()
        .validate('class', {})
        .issues?.map((i) => i.path),
    ).toEqual(['/user.birthday', '/quote"key', '/constructor', '/__proto__']);
  });

  it('prints a file prettier can format', async () => {
    await expect(format(fixture().compiled.source, { parser: 'typescript' })).resolves.toContain(
      'export function isFooBar(',
    );
  });
});
