/**
 * A spec with several broken `$ref`s: each is reported at the `$ref` that is broken (in the file
 * where it is written, with its line), not where a chain of `$ref`s through it is used, and all of
 * them in one run (up to a cap, saying how many more), so the user fixes them in one go.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.ts';
import { GeneratorError, SHOWN_PROBLEMS } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { specModel } from '../model/fixture-model.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";

function usesSchema(ref: string): string {
  return `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\n`;
}

async function refused(files: Record<string, string>): Promise<GeneratorError> {
  const dir = await tempDir('several-problems-');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const root = Object.keys(files)[0]!;
  const error = await generate({ spec: join(dir, root), out: join(dir, 'sdk'), cwd: dir }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('a broken $ref is reported where it is written', () => {
  it('a component that is only a $ref to a missing schema: at the component, not where it is used', async () => {
    const error = await refused({
      'openapi.yaml': `${usesSchema('#/components/schemas/A')}components:\n  schemas:\n    A: {$ref: '#/components/schemas/Missing'}\n`,
    });
    expect(error.problems).toHaveLength(1);
    expect(error.location).toEqual({
      file: 'openapi.yaml',
      pointer: '#/components/schemas/A',
      line: 14,
      column: 8,
    });
    expect(error.message).toContain(
      'cannot resolve $ref "#/components/schemas/Missing": nothing in openapi.yaml is at #/components/schemas/Missing',
    );
    expect(error.message).not.toMatch(/more problem/);
  });

  it('a chain of components: at its last link', async () => {
    const error = await refused({
      'openapi.yaml': `${usesSchema('#/components/schemas/A')}components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/Missing'}\n`,
    });
    expect(error.problems.map((problem) => problem.location.pointer)).toEqual([
      '#/components/schemas/B',
    ]);
  });

  it('a chain through another file, used twice: once, in that file, at its line', async () => {
    const root = usesSchema('./c.yaml#/Z').replace(
      "schema: {$ref: './c.yaml#/Z'}\n",
      "schema: {$ref: './c.yaml#/Z'}\n            text/plain:\n              schema: {$ref: './c.yaml#/Z'}\n",
    );
    const error = await refused({
      'openapi.yaml': root,
      'c.yaml': 'Yes: {type: string}\nZ: {$ref: "#/Gone"}\n',
    });
    expect(error.problems).toHaveLength(1);
    expect(error.location).toMatchObject({ file: 'c.yaml', pointer: '#/Z', line: 2 });
    expect(error.message).toContain('cannot resolve $ref "#/Gone": nothing in c.yaml is at #/Gone');
  });

  it('a broken file two $refs reach: once', async () => {
    const error = await refused({
      'openapi.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n    C: {$ref: './broken.yaml'}\n    D: {$ref: './broken.yaml#/x'}\n`,
      'broken.yaml': 'x: [\n',
    });
    expect(error.problems).toHaveLength(1);
    expect(error.location.file).toBe('broken.yaml');
    expect(error.message).toMatch(/invalid YAML/);
  });
});

describe('every broken $ref is reported in one run', () => {
  const root = `${usesSchema('#/components/schemas/A')}components:
  schemas:
    A: {$ref: '#/components/schemas/Missing'}
    B:
      type: object
      properties:
        x: {$ref: './nofile.yaml'}
        y: {$ref: './c.yaml#/Nope'}
`;
  const files = { 'openapi.yaml': root, 'c.yaml': 'Yes: {type: string}\n' };

  it('each at its own place, with its own fix', async () => {
    const error = await refused(files);
    expect(
      error.problems.map(({ location }) => [location.file, location.pointer, location.line]),
    ).toEqual([
      ['openapi.yaml', '#/components/schemas/A', 14],
      ['openapi.yaml', '#/components/schemas/B/properties/x', 18],
      ['openapi.yaml', '#/components/schemas/B/properties/y', 19],
    ]);
    expect(error.problems[1]!.message).toMatch(
      /"\.\/nofile\.yaml": there is no file nofile\.yaml\n/,
    );
    expect(error.problems[2]!.message).toContain('nothing in c.yaml is at #/Nope');
    for (const problem of error.problems) expect(problem.hint).toMatch(/point the \$ref at/);
    // The error's own message holds them all, for callers of generate().
    for (const problem of error.problems) expect(error.message).toContain(problem.message);
  });

  it('the CLI prints each on its own, with exit code 1 and no stack trace', async () => {
    const dir = await tempDir('several-problems-cli-');
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => (stderr.push(String(chunk)), true);
    let code: number;
    try {
      code = await main(['--spec', join(dir, 'openapi.yaml'), '--out', join(dir, 'sdk')]);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(1);
    const text = stderr.join('');
    expect(text.match(/^error: .*openapi\.yaml:\d+:\d+ #\/components\/schemas\//gm)).toHaveLength(
      3,
    );
    expect(text.match(/^ {2}fix: /gm)).toHaveLength(3);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it(`up to ${SHOWN_PROBLEMS}, then how many more`, async () => {
    const count = SHOWN_PROBLEMS + 7;
    const lines = Array.from(
      { length: count },
      (_, i) => `    S${i}: {$ref: '#/components/schemas/Gone${i}'}`,
    );
    const error = await refused({
      'openapi.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n${lines.join('\n')}\n`,
    });
    expect(error.problems).toHaveLength(SHOWN_PROBLEMS);
    expect(error.message).toContain('Gone0"');
    expect(error.message).not.toContain(`Gone${SHOWN_PROBLEMS}"`);
    expect(error.message).toMatch(/and 7 more problems like these/);
  });
});

describe('every value of the wrong kind is reported in one run', () => {
  it('each at its place, in document order', async () => {
    const error = await refused({
      'openapi.yaml': `${HEAD}paths:
  /a:
    get:
      responses: {'200': true}
  /b:
    get:
      responses:
        '200': {description: ok, content: json}
    post:
      parameters: {q: 1}
      responses: {'200': {description: ok}}
components:
  schemas:
    Ok: {type: string}
  responses:
    Bad: []
`,
    });
    expect(error.problems.map(({ location }) => location.pointer)).toEqual([
      '#/paths/~1a/get/responses/200',
      '#/paths/~1b/get/responses/200/content',
      '#/paths/~1b/post/parameters',
      '#/components/responses/Bad',
    ]);
    expect(error.problems[0]!.message).toMatch(/must be a Response Object, not the boolean true/);
    expect(error.problems[3]!.hint).toMatch(/write a Response Object here/);
  });
});

describe('the model reports every schema it refuses in one run', () => {
  it('two schemas with values of the wrong kind: both, each at its place', async () => {
    const error = await refused({
      'openapi.yaml': [
        HEAD,
        'paths: {}\n',
        'components:\n  schemas:\n',
        '    First: {type: object, minProperties: many}\n',
        '    Fine: {type: string}\n',
        '    Second: {type: array, maxItems: -1}\n',
      ].join(''),
    });
    expect(error.problems.map((problem) => problem.location.pointer)).toEqual([
      '#/components/schemas/First/minProperties',
      '#/components/schemas/Second/maxItems',
    ]);
    expect(error.message.match(/fix: /g)).toHaveLength(2);
  });
});

describe('the model reports every operation it refuses in one run', () => {
  it('two bad operations of one path and one of another: each at its place', async () => {
    const error = await refused({
      'openapi.yaml': [
        HEAD,
        'paths:\n',
        '  /a:\n    get:\n      parameters: [{name: q, schema: {type: string}}]\n',
        "      responses: {'200': {description: ok}}\n",
        '    post:\n      parameters: [{in: query, schema: {type: string}}]\n',
        "      responses: {'200': {description: ok}}\n",
        '  /b:\n    get:\n      parameters: [{name: q, in: nowhere, schema: {type: string}}]\n',
        "      responses: {'200': {description: ok}}\n",
      ].join(''),
    });
    expect(error.problems.map((problem) => problem.location.pointer)).toEqual([
      '#/paths/~1a/get/parameters/0',
      '#/paths/~1a/post/parameters/0',
      '#/paths/~1b/get/parameters/0/in',
    ]);
    expect(error.message).toContain(
      'a parameter\'s `in` must be path, query, header or cookie (OpenAPI 3.1 §4.8.12.1), not "nowhere"',
    );
  });
});

/** The error a spec of test/fixtures/specs/bad/ is refused with. */
async function refusedFixture(name: string): Promise<GeneratorError> {
  const error = await specModel(`test/fixtures/specs/bad/${name}`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const pointers = (error: GeneratorError) => error.problems.map((p) => p.location.pointer);

describe('every problem of a schema, at every depth, with the operations’, in one run', () => {
  it('ten wrong keyword values of one schema, two nested ones and a parameter', async () => {
    const error = await refusedFixture('every-schema-value-problem.yaml');
    const wrong = (key: string) => `#/components/schemas/Wrong/${key}`;
    expect(pointers(error)).toEqual([
      '#/paths/~1things/get/parameters/0/in',
      wrong('required'),
      wrong('minItems'),
      wrong('maxItems'),
      wrong('properties'),
      wrong('additionalProperties'),
      wrong('minimum'),
      wrong('multipleOf'),
      wrong('format'),
      wrong('enum'),
      wrong('discriminator'),
      '#/components/schemas/Nested/properties/name/maxLength',
      '#/components/schemas/Nested/properties/tags/items/maxLength',
    ]);
    expect(error.problems[1]!.message).toContain(
      '"required" must be a list of strings, found "yes"',
    );
    expect(error.problems[7]!.message).toContain('"multipleOf" must be a number greater than 0');
    expect(error.problems[5]!.hint).toMatch(/Schema Object/);
    expect(error.message.match(/\n {2}fix: /g)).toHaveLength(13);
  });
});

describe('every refused x-sdk-method in one run', () => {
  it('six operations, each with its own reason and fix', async () => {
    const error = await refusedFixture('every-sdk-method-problem.yaml');
    expect(pointers(error)).toEqual([
      '#/paths/~1a/post/x-sdk-method',
      '#/paths/~1b/get/x-sdk-method',
      '#/paths/~1b/post/x-sdk-method',
      '#/paths/~1c/get/x-sdk-method',
      '#/paths/~1c/post/x-sdk-method',
      '#/paths/~1d/get/x-sdk-method',
    ]);
    const [client, twice, dots, empty, cased, then] = error.problems.map((p) => p.message);
    expect(client).toMatch(/"_client\.request" is not a camelCase name/);
    expect(twice).toMatch(/two operations are mapped to index\.list/);
    expect(dots).toMatch(/"a\.b\.c" is not "resource\.method"/);
    expect(empty).toMatch(/"" is not "resource\.method"/);
    expect(cased).toMatch(/"Index\.List" is not a camelCase name/);
    expect(then).toMatch(/`then` cannot be a method name/);
  });
});

describe('every schema loop and misplaced schema in one run', () => {
  it('a $ref loop, a schema that is its own `not`, an allOf of itself, a string', async () => {
    const error = await refusedFixture('every-schema-loop.yaml');
    expect(pointers(error)).toEqual([
      '#/components/schemas/A',
      '#/components/schemas/Self',
      '#/components/schemas/Whole',
      '#/components/schemas/NotObject',
    ]);
    expect(error.problems[0]!.message).toMatch(/circular \$ref/);
    expect(error.problems[1]!.message).toMatch(/contains itself/);
    expect(error.problems[2]!.message).toMatch(/contains itself/);
    expect(error.problems[3]!.message).toMatch(/must be a Schema Object, not the string "string"/);
  });

  it('two $ref loops inside schemas, which the bundler cannot follow: both', async () => {
    const error = await refused({
      'openapi.yaml': `${HEAD}paths: {}
components:
  schemas:
    A: {type: object, properties: {x: {$ref: '#/components/schemas/A/properties/x'}}}
    B: {type: object, properties: {y: {$ref: '#/components/schemas/B/properties/y'}}}
`,
    });
    expect(pointers(error)).toEqual([
      '#/components/schemas/A/properties/x',
      '#/components/schemas/B/properties/y',
    ]);
  });

  it('the checks after bundling report together: credentials, containers, texts, loops', async () => {
    const error = await refused({
      'openapi.yaml': `${HEAD}servers:
  - url: https://me:secret@api.example.com
  - url: https://you:secret@api.example.com
paths:
  /a:
    get:
      summary: 5
      responses: {'200': true}
    post:
      summary: true
      responses: {'200': {description: ok}}
components:
  schemas:
    Ext: {$ref: './other.yaml#/Loop'}
`,
      'other.yaml': "Loop: {allOf: [{$ref: '#/Loop'}]}\n",
    });
    expect(pointers(error)).toEqual([
      '#/servers/0/url',
      '#/servers/1/url',
      '#/paths/~1a/get/summary',
      '#/paths/~1a/get/responses/200',
      '#/paths/~1a/post/summary',
      // The other file's schema, written as a $ref under Ext (load/file-components.ts): the
      // problem is placed in the file that holds it (load/source-map.ts).
      '#/Loop',
    ]);
    expect(error.problems.at(-1)!.location).toMatchObject({ file: 'other.yaml', line: 1 });
  });
});

describe('every problem of one operation, and of the security schemes, in one run', () => {
  it('a parameter, a request body, a response schema, a pagination; two schemes', async () => {
    const error = await refusedFixture('every-operation-part-problem.yaml');
    const post = '#/paths/~1things/post';
    expect(pointers(error)).toEqual([
      `${post}/parameters/0/in`,
      `${post}/requestBody`,
      `${post}/responses/200/content/application~1json/schema/minProperties`,
      '#/paths/~1things/put/requestBody',
      '#/paths/~1things/put/x-sdk-pagination',
      '#/components/securitySchemes/Key',
      '#/components/securitySchemes/Other/name',
    ]);
    expect(error.problems[4]!.message).toMatch(/`x-sdk-pagination` must be an object/);
  });
});

describe('a broken $ref and the document’s other problems, in one run', () => {
  it('the checks that need no $ref to arrive report beside it: credentials, field values', async () => {
    const error = await refused({
      'openapi.yaml': `${HEAD}servers: [{url: 'https://user:secret@api.example.com'}]
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, required: 'yes', schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Missing'}
`,
    });
    expect(
      error.problems.map((problem) => [problem.location.pointer, problem.location.line]),
    ).toEqual([
      ['#/paths/~1a/get/responses/200/content/application~1json/schema', 14],
      ['#/servers/0/url', 3],
      ['#/paths/~1a/get/parameters/0/required', 8],
    ]);
    expect(error.message).not.toContain('secret');
  });
});

describe('numbers JSON cannot carry come with the other problems, in one run', () => {
  // helper-107: `maximum: 1e400` was refused alone; fixing it showed the next problem.
  it('with a problem found before bundling and one found after, each in its file', async () => {
    const error = await refused({
      'openapi.yaml': `${usesSchema('#/components/schemas/Node')}components:\n  schemas:\n    Node:\n      allOf: [{$ref: '#/components/schemas/Node'}, {type: object}]\n    Big: {type: integer, maximum: 1e400}\n`,
    });
    expect(error.problems.map((p) => [p.location.pointer, p.problem.split(':')[0]])).toEqual([
      [
        '#/components/schemas/Big/maximum',
        'the number here is beyond what a JSON number holds (about ±1.8e308), so it reads as Infinity',
      ],
      [
        '#/components/schemas/Node',
        'the schema contains itself without an object or array in between',
      ],
    ]);
    const other = await refused({
      'openapi.yaml': `${usesSchema('./b.yaml')}components:\n  schemas:\n    Gone: {$ref: '#/components/schemas/Missing'}\n`,
      'b.yaml': 'type: object\nproperties:\n  n: {type: number, minimum: -1e999}\n',
    });
    expect(other.problems.map((p) => [p.location.file, p.location.pointer])).toEqual([
      ['b.yaml', '#/properties/n/minimum'],
      ['openapi.yaml', '#/components/schemas/Gone'],
    ]);
  });

  // helper-119 H6: `.inf` came in one run, a `!!binary` default (read as bytes) in the next.
  it('with values YAML tags made that JSON cannot carry, each at its line, with the fix', async () => {
    const error = await refused({
      'openapi.yaml': `${usesSchema('#/components/schemas/Big')}components:\n  schemas:\n    Big:\n      type: number\n      enum: [1, .inf]\n    Tagged:\n      type: string\n      default: !!binary aGVsbG8=\n    When:\n      type: string\n      example: !!timestamp 2001-12-14\n    Listed:\n      type: array\n      example: !!set {a, b}\n`,
    });
    expect(
      error.problems.map((p) => [p.location.pointer, p.location.line, p.problem, p.hint]),
    ).toEqual([
      [
        '#/components/schemas/Big/enum/1',
        16,
        'the number here is beyond what a JSON number holds (about ±1.8e308), so it reads as Infinity',
        expect.stringMatching(/^write a number within that range/),
      ],
      [
        '#/components/schemas/Tagged/default',
        19,
        'the value here is bytes (YAML reads a `!!binary` value as bytes), which JSON has no way to write',
        'write it as a string of base64 text, quoted and with no YAML tag',
      ],
      [
        '#/components/schemas/When/example',
        22,
        'the value here is a date (YAML reads a `!!timestamp` as one), which JSON has no way to write',
        expect.stringMatching(/^write it as a string, an RFC 3339 date-time/),
      ],
      // helper-125: the fix for a set spoke of base64 and dates.
      [
        '#/components/schemas/Listed/example',
        25,
        expect.stringMatching(/^the value here is a \w+ \(a YAML tag made it, such as `!!set`/),
        'write it without the tag, as plain YAML: a list (`- a`) for a set, a mapping for an ordered map',
      ],
    ]);
  });
});

// helper-119 H8: `~2` is no JSON Pointer escape; it resolved to a key `A~2b` without a word, and
// where there was none the error quoted the pointer re-escaped (`A~02b`).
describe('a $ref with a `~` that is no escape', () => {
  it('is refused at the $ref, with the escape to write, whether or not such a key exists', async () => {
    for (const components of [
      `components:\n  schemas:\n    A~2b: {type: string}\n`,
      `components:\n  schemas:\n    Other: {type: string}\n`,
    ]) {
      const error = await refused({
        'openapi.yaml': `${usesSchema('#/components/schemas/A~2b')}${components}`,
      });
      expect(error.problems.map((p) => [p.location.pointer, p.problem, p.hint])).toEqual([
        [
          '#/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
          'the $ref "#/components/schemas/A~2b" has a `~` that is no JSON Pointer escape: RFC 6901 §3 has `~0` for a `~` in a key and `~1` for a `/`, nothing else',
          'for a key with a `~` in it, write it as `~0`: "#/components/schemas/A~02b"',
        ],
      ]);
    }
  });
  // helper-123 5: a percent-encoded `~` (`%7E2`) got its own text back as the fix.
  it('written percent-encoded, with the escape to write', async () => {
    const error = await refused({
      'openapi.yaml': `${usesSchema('#/components/schemas/A%7E2b')}components:\n  schemas:\n    A~2b: {type: string}\n`,
    });
    expect(error.problems.map((p) => p.hint)).toEqual([
      'for a key with a `~` in it, write it as `~0`: "#/components/schemas/A~02b"',
    ]);
  });

  // A file the root refers to was not checked: its `~2` resolved to a key `A~2b` without a word.
  it('in a file the root refers to as well, at its line there', async () => {
    for (const defs of ['$defs:\n  A~2b: {type: string}\n', '$defs:\n  Other: {type: string}\n']) {
      const error = await refused({
        'openapi.yaml': usesSchema('./b.yaml'),
        'b.yaml': `type: object\nproperties:\n  n: {$ref: '#/$defs/A~2b'}\n${defs}`,
      });
      expect(
        error.problems.map((p) => [p.location.file, p.location.pointer, p.location.line, p.hint]),
      ).toEqual([
        [
          'b.yaml',
          '#/properties/n/$ref',
          3,
          'for a key with a `~` in it, write it as `~0`: "#/$defs/A~02b"',
        ],
      ]);
    }
  });
});
