/**
 * Plain YAML is read with openapi-core's parser (js-yaml, as Redocly's lint and docs read it), the
 * rest with the `yaml` library (load/parse.ts). Both must give the same value wherever the fast
 * way is taken: checked on every YAML file of the repository (our spec, every fixture) and on the
 * scalars and keys where YAML parsers are known to differ. The corpus's files are compared in
 * test/corpus/yaml.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml as load } from '@redocly/openapi-core';
import { parseSpecText } from '../../generator/load/parse.ts';
import { compareYamlParsers } from '../helpers/yaml-parsers.ts';
import { ROOT } from './helpers.ts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

describe('the two YAML readers', () => {
  it('read every YAML file of the repository alike, and the fast way takes our spec', () => {
    const files = [...yamlFiles(join(ROOT, 'spec')), ...yamlFiles(join(ROOT, 'test/fixtures'))];
    expect(files.length).toBeGreaterThan(50);
    const results = files.map(
      (file) => [relative(ROOT, file), compareYamlParsers(readFileSync(file, 'utf8'))] as const,
    );
    expect(results.filter(([, result]) => result.startsWith('differs'))).toEqual([]);
    const spec = results.filter(([file]) => file.startsWith('spec/'));
    expect(spec.every(([, result]) => result === 'same')).toBe(true);
  });

  const scalars = [
    '0b101',
    '1_000',
    '0o17',
    '017',
    '+12',
    '-0x1A',
    '1e3',
    '.5',
    '+.inf',
    '-.Inf',
    '.NaN',
    'True',
    'TRUE',
    'tRue',
    'yes',
    'on',
    'y',
    '~',
    'Null',
    '2024-01-01',
    '2024-01-01T10:00:00Z',
    '12:30:00',
    '0x_1',
    '-0',
    '00',
    '1.',
    '685.230_15e+03',
    '0777',
    '9007199254740993',
    '1e400',
    "'it''s'",
    '"\\u00e9"',
    '"\\x41"',
    '"\\U0001F600"',
    '"\\N"',
    '"\\_"',
    '"\\L"',
    '"\\P"',
    '"a\u2028b"',
    'a\u2029b',
  ];
  it.each(scalars)('read the scalar %s alike, or leave it to the yaml library', (scalar) => {
    expect(compareYamlParsers(`k: ${scalar}\n`)).not.toMatch(/^differs/);
  });

  it.each([
    ['a null key', '~: a\n'],
    ['a "null" key', 'null: a\n'],
    ['an empty key', ': a\n'],
    ['a complex key', '? [a, b]\n: c\n'],
    ['an inline merge', '<<: {a: 1, b: 2}\nb: 3\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'k: !custom 1\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nk: yes\n'],
    ['a __proto__ key', '__proto__: {polluted: 1}\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['only a comment', '# nothing\n'],
    ['a byte order mark and CRLF', '\ufeffk: 1\r\nj: [a,\r\n  b]\r\n'],
    ['block scalars', 'a: |+\n  x\n\nb: >-\n  y\n  z\n'],
    ['an anchor no alias uses', 'a: &x 1\nb: 2\n'],
    ['a local tag js-yaml does not know', 'k: !custom 1\n'],
  ])('read %s alike, or leave it to the yaml library', (_case, text) => {
    expect(compareYamlParsers(text)).not.toMatch(/^differs/);
  });

  it.each([
    [
      'an HTML entity in a value',
      'example: Status==&quot;&apos; + Account.ACTIVE + &apos;&quot;\n',
    ],
    [
      'code with `!` in a block scalar',
      'description: |\n  !o.getElementById(s) && init();\n  !p[s] && (p[s] = f);\n',
    ],
    [
      'an id that reads like an exponent',
      'id: 2531329f-fb09-4ef7-887e-84e648214436\nmodel: mistral-7b:587a6b29:20240514:7e773925\n',
    ],
  ])('takes %s the fast way: nothing in it needs the yaml library', (_case, text) => {
    expect(compareYamlParsers(text)).toBe('same');
  });

  it.each([
    ['an alias', 'a: &x [1]\nb: *x\n'],
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n'],
    ['a merge of an alias', 'base: &b {x: 1}\nnext:\n  <<: *b\n  y: 2\n'],
    ['a js-yaml tag', 'k: !!str 1\n'],
    ['a verbatim tag', 'k: !<tag:yaml.org,2002:str> 1\n'],
    ['a float beyond double range', 'k: 1e400\nl: [2E-500]\n'],
    ['an empty key in flow', 'k: { : a }\n'],
  ])('leaves %s to the yaml library (its alias limit, its reading)', (_case, text) => {
    expect(compareYamlParsers(text)).toBe('not plain');
  });

  it.each([
    ['~: a\n', { null: 'a' }],
    ['null: a\n', { null: 'a' }],
    ['NULL: a\n', { null: 'a' }],
    [': a\n', { null: 'a' }],
    [
      'properties:\n  null: &s { type: string }\n  other: *s\n',
      {
        properties: { null: { type: 'string' }, other: { type: 'string' } },
      },
    ],
  ])(
    'read a null key in %j as the key "null", as openapi-core (js-yaml) does, on the yaml library’s path too',
    (text, value) => {
      expect(load(text)).toEqual(value);
      expect(parseSpecText(text, '/spec/openapi.yaml')).toEqual(value);
    },
  );
});
