/**
 * A key written twice in one object is refused in every file the loader reads, whatever its syntax
 * (JSON, JSON in a `.yaml` file, YAML) and however it is reached (the root, a `$ref`): `JSON.parse`
 * alone would keep the last one and drop the first without a word. The error names the file, the
 * line and column of the second key, the pointer of the object, the key, and the fix.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { jsonKeyCount, parsedKeyCount } from '../../generator/load/duplicate-keys.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const INFO = '"openapi": "3.1.0", "info": {"title": "T", "version": "1"}';
const GET = '{"get": {"responses": {"200": {"description": "ok"}}}}';
const POST = '{"post": {"responses": {"201": {"description": "made"}}}}';
const YAML_HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n";

interface Case {
  files: Record<string, string>;
  /** The file the error names (default: the root, the first file). */
  file?: string;
  key: string;
  pointer: string;
  line: number;
  column: number;
}

const cases: [string, Case][] = [
  [
    'a path written twice in a JSON root file',
    {
      files: { 'openapi.json': `{${INFO},\n "paths": {\n  "/a": ${GET},\n  "/a": ${POST}}}` },
      key: '/a',
      pointer: '#/paths',
      line: 4,
      column: 3,
    },
  ],
  [
    'a property written twice in a JSON file a $ref reaches',
    {
      files: {
        'openapi.yaml': `${YAML_HEAD}components:\n  schemas:\n    Pet: {$ref: './pet.json'}\n`,
        'pet.json':
          '{"type": "object",\n "properties": {\n  "name": {"type": "string"},\n  "name": {"type": "integer"}}}',
      },
      file: 'pet.json',
      key: 'name',
      pointer: '#/properties',
      line: 4,
      column: 3,
    },
  ],
  [
    'JSON written in a .yaml file',
    {
      files: {
        'openapi.yaml': `{${INFO},\n "paths": {},\n "components": {"schemas": {"A": {"type": "string", "type": "integer"}}}}`,
      },
      key: 'type',
      pointer: '#/components/schemas/A',
      line: 3,
      column: 53,
    },
  ],
  [
    'a JSON root file of another extension, keys that differ only in their escapes',
    {
      files: {
        'spec.txt': `{${INFO}, "paths": {}, "components": {"schemas": {"A": {"type": "string", "\\u0074ype": "integer"}}}}`,
      },
      key: 'type',
      pointer: '#/components/schemas/A',
      line: 1,
      column: 126,
    },
  ],
  [
    'a key with `~` and `/` written twice inside an array, in JSON',
    {
      files: {
        'openapi.json': `{${INFO}, "paths": {}, "x-list": [{"a~/b": 1}, {"a~/b": 1, "a~/b": 2}]}`,
      },
      key: 'a~/b',
      pointer: '#/x-list/1',
      line: 1,
      column: 111,
    },
  ],
  [
    'a property written twice in YAML',
    {
      files: {
        'openapi.yaml': `${YAML_HEAD}components:\n  schemas:\n    A:\n      properties:\n        x: {type: string}\n        x: {type: integer}\n`,
      },
      key: 'x',
      pointer: '#/components/schemas/A/properties',
      line: 9,
      column: 9,
    },
  ],
];

describe('a key written twice in one object', () => {
  it.each(cases)('%s: refused with file, line, pointer, key and fix', async (_name, want) => {
    const dir = await tempDir('duplicate-keys-');
    for (const [name, text] of Object.entries(want.files)) await writeFile(join(dir, name), text);
    const root = Object.keys(want.files)[0]!;
    const error = await generate({ spec: join(dir, root), out: join(dir, 'sdk'), cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const { message, location, hint } = error as GeneratorError;
    expect(location).toMatchObject({
      file: want.file ?? root,
      pointer: want.pointer,
      line: want.line,
      column: want.column,
    });
    expect(message).toContain(
      `the key ${JSON.stringify(want.key)} is written twice in this object`,
    );
    expect(hint).toContain(`keep one ${JSON.stringify(want.key)} here`);
  });

  it('the CLI prints it with exit code 1 and no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duplicate-keys-cli-'));
    await writeFile(join(dir, 'openapi.json'), `{${INFO}, "paths": {"/a": ${GET}, "/a": ${POST}}}`);
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => (stderr.push(String(chunk)), true);
    let code: number;
    try {
      code = await main(['--spec', join(dir, 'openapi.json'), '--out', join(dir, 'sdk')]);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(1);
    const text = stderr.join('');
    expect(text).toMatch(/^error: .*openapi\.json:1:\d+ #\/paths: the key "\/a" is written twice/);
    expect(text).toMatch(/\n {2}fix: keep one "\/a" here/);
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('counting keys (the check that keeps JSON.parse as the fast path)', () => {
  it.each([
    ['{}', 0],
    ['{"a": 1, "b": {"c": [1, {"d": 2}]}}', 4],
    ['{"a": "x\\": y", "b": "\\\\", "c": ":"}', 3],
    ['["a:", "b" , {"c" : "d"}]', 1],
    ['{"a": 1, "a": 2}', 2],
  ])('%s has %i keys written', (text, count) => {
    expect(jsonKeyCount(text)).toBe(count);
    expect(parsedKeyCount(JSON.parse(text))).toBe(text.includes('"a": 2') ? count - 1 : count);
  });
});
