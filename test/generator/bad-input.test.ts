/**
 * Bad and hostile input (issue 11, items 4 and 5): each case is refused with a GeneratorError that
 * names the file, the place (line or JSON pointer) and a fix, fast (an alias bomb or 5,000 levels
 * of nesting must not run for minutes or overflow the stack), and an existing output folder is
 * left byte-for-byte as it was. Keys that are special in JavaScript (`__proto__`, `constructor`,
 * `prototype`) are ordinary names and generate a package that compiles.
 */
import { execFileSync } from 'node:child_process';
import { readdir, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { MAX_DEPTH } from '../../generator/load/parse.ts';
import {
  compile,
  existingOutput,
  linkNodeModules,
  ROOT,
  removeTempDirs,
  snapshotTree,
  tempDir,
} from './helpers.ts';

afterAll(removeTempDirs);

const HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1.0.0'}\n";
const OK_PATHS = "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function schemas(yaml: string): string {
  return `${HEAD}${OK_PATHS}components:\n  schemas:\n${yaml}`;
}

/** `levels` nested arrays around a string schema, as JSON text (JSON.stringify would overflow). */
function nestedJson(levels: number): string {
  const open = '{"type":"array","items":'.repeat(levels);
  return `{"openapi":"3.1.0","info":{"title":"T","version":"1.0.0"},"paths":{},"components":{"schemas":{"D":${open}{"type":"string"}${'}'.repeat(levels)}}}}`;
}

function aliasBomb(): string {
  const lines = [`${HEAD}paths: {}`, 'x-a: &a [x, x, x, x, x, x, x, x, x, x]'];
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) {
    const previous = `*${names[i - 1]!}`;
    lines.push(`x-${names[i]!}: &${names[i]!} [${Array(10).fill(previous).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

interface Case {
  /** File name → text; the first is the root. */
  files: Record<string, string>;
  problem: RegExp;
  pointer?: string;
  line?: number;
  column?: number;
  /** How the message starts: `file:line:column #/pointer: `. */
  where?: string;
  fix: RegExp;
  /** Text that must not appear in the message (a password). */
  secret?: string;
  /** The file the error names, when not the root. */
  file?: string;
}

const REF_ROOT = `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './b.yaml'}\n`;

const cases: [string, Case][] = [
  [
    '`openapi: 3.1` unquoted is a number: the error says so and asks for the full version string',
    {
      files: { 'a.yaml': "openapi: 3.1\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem:
        /`openapi` is the number 3\.1 \(YAML and JSON read an unquoted `3\.1` as the number 3\.1\)/,
      pointer: '#/openapi',
      fix: /write the full version as a string: `openapi: 3\.1\.0`/,
    },
  ],
  [
    '`openapi: 3.0` unquoted is the number 3: the error says what was written, not `3`',
    {
      files: { 'a.yaml': "openapi: 3.0\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem:
        /`openapi` is the number 3\.0 \(YAML and JSON read an unquoted `3\.0` as the number 3\)/,
      pointer: '#/openapi',
      fix: /write the full version as a string: `openapi: 3\.0\.0`/,
    },
  ],
  [
    // helper-125: `3.10` was said to be `3.1`, as parsed.
    '`openapi: 3.10` unquoted: the error quotes it as written',
    {
      files: {
        'a.json': '{"openapi": 3.10, "info": {"title": "T", "version": "1.0.0"}, "paths": {}}',
      },
      problem:
        /`openapi` is the number 3\.10 \(YAML and JSON read an unquoted `3\.10` as the number 3\.1\)/,
      pointer: '#/openapi',
      fix: /write the full version as a string: `openapi: 3\.1\.0`/,
    },
  ],
  [
    '`openapi: "3.0"` lacks its patch number',
    {
      files: { 'a.yaml': "openapi: '3.0'\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem: /`openapi: "3\.0"` lacks the patch number/,
      pointer: '#/openapi',
      fix: /`openapi: 3\.0\.0`/,
    },
  ],
  [
    'a version with a fourth number (`3.1.0.1`) is not a 3.1 version',
    {
      files: { 'a.yaml': "openapi: '3.1.0.1'\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem: /not an OpenAPI 3\.0 or 3\.1 document: found `openapi: "3\.1\.0\.1"`/,
      pointer: '#/openapi',
      fix: /set `openapi: 3\.1\.0`/,
    },
  ],
  [
    'text after the patch number that is not a pre-release (`3.0.3x`) is not a 3.0 version',
    {
      files: { 'a.yaml': "openapi: 3.0.3x\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem: /found `openapi: "3\.0\.3x"`/,
      pointer: '#/openapi',
      fix: /set `openapi: 3\.1\.0`/,
    },
  ],
  [
    'Swagger 2.0 is named as such, and the fix says to convert it',
    {
      files: { 'a.yaml': "swagger: '2.0'\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n" },
      problem: /not an OpenAPI 3\.0 or 3\.1 document: found `swagger: "2\.0"` \(Swagger 2\.0\)/,
      pointer: '#/swagger',
      line: 1,
      fix: /^this generator supports OpenAPI 3\.0\.x or 3\.1\.x: convert the document first, e\.g\. with swagger2openapi \(`npx swagger2openapi a\.yaml --yaml --outfile openapi\.yaml`\), then generate from the converted file$/,
    },
  ],
  [
    'invalid YAML in a file a $ref reaches (the error is that file, not the $ref)',
    {
      files: { 'a.yaml': REF_ROOT, 'b.yaml': 'type: object\nproperties:\n  x: [unclosed\n' },
      problem: /invalid YAML.*reached through the \$ref "\.\/b\.yaml" in a\.yaml/,
      file: 'b.yaml',
      fix: /YAML syntax/,
    },
  ],
  [
    'invalid JSON in a .json spec is called JSON, with a JSON fix',
    {
      files: { 'a.json': '{"openapi": "3.1.0", "info": {\n' },
      problem: /invalid JSON: /,
      line: 2,
      fix: /fix the JSON syntax at that line \(a missing comma, brace or bracket/,
    },
  ],
  ...(['//', '/*'] as const).map((opener): [string, Case] => [
    `a ${opener} comment in a JSON spec (helper-114 5: read as YAML, a key swallowed an operation)`,
    {
      files: {
        'a.json': `{"openapi": "3.1.0",\n  ${opener} the API ${opener === '/*' ? '*/' : ''}\n"info": {"title": "T", "version": "1"}, "paths": {}}\n`,
      },
      problem: new RegExp(
        `JSON has no comments, but \`${opener.replace('*', '\\*')}\` starts one here`,
      ),
      line: 2,
      column: 3,
      fix: /remove the comment \(or write the spec in YAML/,
    },
  ]),
  [
    'invalid JSON in a .json file a $ref reaches',
    {
      files: {
        'a.yaml': `${HEAD}${OK_PATHS}components:\n  schemas:\n    B: {$ref: './b.json'}\n`,
        'b.json': '{"type": "object", "properties": {"x": {"type": "string"}\n',
      },
      problem: /invalid JSON: .*reached through the \$ref "\.\/b\.json" in a\.yaml/,
      file: 'b.json',
      fix: /fix the JSON syntax/,
    },
  ],
  [
    'invalid YAML two $refs away',
    {
      files: {
        'a.yaml': REF_ROOT,
        'b.yaml': "type: object\nproperties:\n  x: {$ref: './c.yaml'}\n",
        'c.yaml': 'type: string\n  enum: [a\n',
      },
      problem: /invalid YAML.*reached through the \$ref "\.\/c\.yaml" in b\.yaml/,
      file: 'c.yaml',
      fix: /YAML syntax/,
    },
  ],
  [
    'an apiKey header name that HTTP cannot carry',
    {
      files: {
        'a.yaml': `${HEAD}paths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: 'X Key: 1'}\n`,
      },
      problem: /names the header "X Key: 1", which is not a valid HTTP field name/,
      pointer: '#/components/securitySchemes/key/name',
      fix: /X-API-Key/,
    },
  ],
  [
    'an empty file',
    { files: { 'a.yaml': '' }, problem: /the file is empty/, line: 1, fix: /openapi/ },
  ],
  [
    'a whitespace-only file',
    { files: { 'a.yaml': '  \n\t\n  ' }, problem: /the file is empty/, line: 1, fix: /openapi/ },
  ],
  [
    'a file of comments',
    { files: { 'a.yaml': '# nothing\n' }, problem: /the file is empty/, line: 1, fix: /openapi/ },
  ],
  [
    'a schema file passed as the spec (helper-106 P9: the fix spoke of Swagger 2.0)',
    {
      files: { 'a.yaml': 'type: object\nproperties:\n  id: {type: string}\n' },
      problem:
        /not an OpenAPI document: it is a schema \(no `openapi` field\), the kind of file a spec's \$ref points at/,
      line: 1,
      fix: /^pass the spec's root document: the file with `openapi: 3\.1\.0`/,
    },
  ],
  [
    'a path item file passed as the spec',
    {
      files: { 'a.yaml': 'get:\n  responses:\n    "200": {description: ok}\n' },
      problem: /it is a path item/,
      fix: /root document/,
    },
  ],
  [
    'a file that holds only null (YAML `~`, JSON `null`)',
    {
      files: { 'a.yaml': '~\n' },
      problem: /: the file holds only `null`\n/,
      line: 1,
      fix: /openapi/,
    },
  ],
  [
    'a JSON file that holds only null',
    {
      files: { 'a.json': 'null' },
      problem: /: the file holds only `null`\n/,
      line: 1,
      fix: /openapi/,
    },
  ],
  [
    'a JSON list',
    {
      files: { 'a.json': '[1, 2]' },
      problem: /holds a list, not an object/,
      line: 1,
      fix: /openapi/,
    },
  ],
  [
    'two YAML documents in one file',
    {
      files: { 'a.yaml': `${HEAD}paths: {}\n---\n${HEAD}` },
      problem: /more than one YAML document/,
      line: 4,
      fix: /one OpenAPI document per file/,
    },
  ],
  [
    'a $ref to itself',
    {
      files: { 'a.yaml': schemas("    A: {$ref: '#/components/schemas/A'}\n") },
      problem: /circular \$ref: #\/components\/schemas\/A → #\/components\/schemas\/A/,
      pointer: '#/components/schemas/A',
      line: 9,
      column: 8,
      where: 'a.yaml:9:8 #/components/schemas/A: ',
      fix: /point one of these \$refs at a schema/,
    },
  ],
  [
    'a longer $ref loop',
    {
      files: {
        'a.yaml': schemas(
          "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/C'}\n    C: {$ref: '#/components/schemas/A'}\n",
        ),
      },
      problem: /circular \$ref: .*A → .*B → .*C → .*A/,
      pointer: '#/components/schemas/A',
      line: 9,
      column: 8,
      fix: /point one of these/,
    },
  ],
  [
    'a $ref loop across files',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: './b.yaml#/X'}}}\n`,
        'b.yaml': "X: {$ref: './c.yaml#/Y'}\n",
        'c.yaml': "Y: {$ref: './b.yaml#/X'}\n",
      },
      problem:
        /circular \$ref across files: b\.yaml#\/X → c\.yaml#\/Y → b\.yaml#\/X never reaches a schema/,
      file: 'b.yaml',
      pointer: '#/X',
      line: 1,
      column: 4,
      where: 'b.yaml:1:4 #/X: ',
      fix: /point one of these \$refs at a schema .*c\.yaml#\/Y/,
    },
  ],
  [
    'a $ref loop between whole files, reached through the root',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: './b.yaml'}}}\n`,
        'b.yaml': "$ref: './c.yaml'\n",
        'c.yaml': "$ref: './b.yaml#'\n",
      },
      problem: /circular \$ref across files: b\.yaml# → c\.yaml# → b\.yaml# never reaches a schema/,
      file: 'b.yaml',
      pointer: '#',
      line: 1,
      fix: /point one of these \$refs at a schema/,
    },
  ],
  [
    'a $ref to a schema whose name holds "/", not escaped',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: '#/components/schemas/a/b'}}}\ncomponents:\n  schemas:\n    a/b: {type: string}\n`,
      },
      problem: /cannot resolve \$ref "#\/components\/schemas\/a\/b"/,
      pointer: '#/paths/~1a/get/responses/200/content/application~1json/schema',
      fix: /write the \$ref as '#\/components\/schemas\/a~1b'.*~1.*~0 \(RFC 6901\)/,
    },
  ],
  [
    'a $ref into another file to a key that holds "~", not escaped',
    {
      files: {
        'a.yaml': REF_ROOT.replace("'./b.yaml'", "'./b.yaml#/defs/x~1'"),
        'b.yaml': 'defs:\n  x~1: {type: string}\n',
      },
      problem: /cannot resolve \$ref "\.\/b\.yaml#\/defs\/x~1"/,
      fix: /write the \$ref as '\.\/b\.yaml#\/defs\/x~01'/,
    },
  ],
  [
    'a discriminator mapping to a schema whose name holds "/", not escaped',
    {
      files: {
        'a.yaml': schemas(
          "    Pet:\n      oneOf: [{$ref: '#/components/schemas/pets~1Dog'}]\n      discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/pets/Dog'}}\n    pets/Dog: {type: object, properties: {kind: {type: string}}}\n",
        ),
      },
      problem: /mapping "dog" points at "#\/components\/schemas\/pets\/Dog"/,
      pointer: '#/components/schemas/Pet/discriminator/mapping/dog',
      fix: /write the mapping as '#\/components\/schemas\/pets~1Dog'/,
    },
  ],
  [
    'a schema that is its own allOf member',
    {
      files: {
        'a.yaml': schemas(
          "    A:\n      allOf: [{$ref: '#/components/schemas/A'}, {type: object}]\n",
        ),
      },
      problem:
        /contains itself without an object or array in between: #\/components\/schemas\/A → #\/components\/schemas\/A\/allOf\/0 → #\/components\/schemas\/A/,
      pointer: '#/components/schemas/A',
      fix: /under an object property/,
    },
  ],
  [
    // The loop's places are spelled as pointers, however its refs escape the names.
    'a schema that is its own allOf member through an escaped $ref',
    {
      files: {
        'a.yaml': schemas(
          "    'a b/c':\n      allOf: [{$ref: '#/components/schemas/a%20b~1c'}, {type: object}]\n",
        ),
      },
      problem:
        /contains itself without an object or array in between: #\/components\/schemas\/a b~1c → #\/components\/schemas\/a b~1c\/allOf\/0 → #\/components\/schemas\/a b~1c \(/,
      pointer: '#/components/schemas/a b~1c',
      fix: /under an object property/,
    },
  ],
  [
    // (A schema that is its own array item is a nested list, which compiles: test/faults/.)
    'a schema that is its own oneOf member, through another schema',
    {
      files: {
        'a.yaml': schemas(
          "    A: {anyOf: [{$ref: '#/components/schemas/B'}, {type: integer}]}\n    B: {oneOf: [{$ref: '#/components/schemas/A'}, {type: string}]}\n",
        ),
      },
      problem: /contains itself without an object or array in between/,
      pointer: '#/components/schemas/A',
      fix: /under an object property/,
    },
  ],
  [
    // The union-parent idiom (test/faults/union-parents) needs a family: a discriminator, or a
    // child that adds to the parent. Link adds nothing: it is Peer, and Peer its own member.
    'a schema that is its own oneOf member through a child that only extends it',
    {
      files: {
        'a.yaml': schemas(
          "    Peer: {oneOf: [{$ref: '#/components/schemas/Link'}, {type: string}]}\n    Link: {description: Another peer., allOf: [{$ref: '#/components/schemas/Peer'}]}\n",
        ),
      },
      problem:
        /contains itself without an object or array in between: #\/components\/schemas\/Peer → #\/components\/schemas\/Peer\/oneOf\/0 → #\/components\/schemas\/Link → #\/components\/schemas\/Link\/allOf\/0 → #\/components\/schemas\/Peer/,
      pointer: '#/components/schemas/Peer',
      fix: /under an object property/,
    },
  ],
  [
    // Nor is it a family when the parent has nothing of its own for the child to inherit and its
    // union lists more than children: read as the idiom, KnotB's member was the empty schema,
    // silently dropped (KnotB any value but a negative number, Knot any value).
    'a child that adds a keyword to a parent with nothing of its own (a union beside a non-child)',
    {
      files: {
        'a.yaml': schemas(
          "    Knot: {anyOf: [{$ref: '#/components/schemas/KnotB'}, {type: integer}]}\n    KnotB: {allOf: [{$ref: '#/components/schemas/Knot'}], minimum: 0}\n",
        ),
      },
      problem:
        /contains itself without an object or array in between: #\/components\/schemas\/Knot → #\/components\/schemas\/Knot\/anyOf\/0 → #\/components\/schemas\/KnotB → #\/components\/schemas\/KnotB\/allOf\/0 → #\/components\/schemas\/Knot/,
      pointer: '#/components/schemas/Knot',
      fix: /under an object property/,
    },
  ],
  [
    'a child that adds another allOf member to a parent with nothing of its own',
    {
      files: {
        'a.yaml': schemas(
          "    NonNegative: {type: integer, minimum: 0}\n    KnotC: {allOf: [{$ref: '#/components/schemas/KnotD'}, {$ref: '#/components/schemas/NonNegative'}]}\n    KnotD: {anyOf: [{$ref: '#/components/schemas/KnotC'}, {type: string}]}\n",
        ),
      },
      problem:
        /contains itself without an object or array in between: #\/components\/schemas\/KnotC → #\/components\/schemas\/KnotC\/allOf\/0 → #\/components\/schemas\/KnotD → #\/components\/schemas\/KnotD\/anyOf\/0 → #\/components\/schemas\/KnotC/,
      pointer: '#/components/schemas/KnotC',
      fix: /under an object property/,
    },
  ],
  [
    'a $ref that is not a string (found by the fuzz test)',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        default: {$ref: false}\n`,
      },
      problem: /`\$ref` must be a string \(a URI reference\), not the boolean false/,
      pointer: '#/paths/~1a/get/responses/default/$ref',
      fix: /write the reference as a string/,
    },
  ],
  [
    'a $ref that is not a string in a property called `content` (a schema, not a name map)',
    {
      files: {
        'a.yaml': schemas(
          '    A:\n      type: object\n      properties:\n        content: {$ref: 5}\n',
        ),
      },
      problem: /`\$ref` must be a string \(a URI reference\), not the number 5/,
      pointer: '#/components/schemas/A/properties/content/$ref',
      fix: /write the reference as a string/,
    },
  ],
  ...['#/', '#', ''].map((ref): [string, Case] => [
    `a $ref to the whole document (${ref}, found by the fuzz test)`,
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        default: {$ref: '${ref}'}\n`,
      },
      problem: /points at the whole document/,
      pointer: '#/paths/~1a/get/responses/default/$ref',
      fix: /point at the component meant/,
    },
  ]),
  ...(
    [
      // [what, the operation's YAML under get, pointer, object named in the message]
      [
        'a response that is a boolean',
        'responses: {200: true}',
        '/responses/200',
        'a Response Object, not the boolean true',
      ],
      [
        'content that is a string',
        'responses: {200: {description: ok, content: json}}',
        '/responses/200/content',
        'a map (an object of named entries), not the string "json"',
      ],
      [
        'a media type that is a list',
        'responses: {200: {description: ok, content: {application/json: []}}}',
        '/responses/200/content/application~1json',
        'a Media Type Object, not a list',
      ],
      [
        'parameters that are an object',
        'parameters: {a: 1}\n      responses: {}',
        '/parameters',
        'a list, not an object',
      ],
      [
        'a parameter that is a number',
        'parameters: [5]\n      responses: {}',
        '/parameters/0',
        'a Parameter Object, not the number 5',
      ],
      [
        'a request body that is null',
        'requestBody: null\n      responses: {}',
        '/requestBody',
        'a Request Body Object, not null',
      ],
      [
        'response headers that are a list',
        'responses: {200: {description: ok, headers: [a]}}',
        '/responses/200/headers',
        'a map (an object of named entries), not a list',
      ],
    ] as const
  ).map(([what, yaml, at, problem]): [string, Case] => [
    `${what} (found by the fuzz test: the model read it as an object)`,
    {
      files: { 'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      ${yaml}\n` },
      problem: new RegExp(`this must be ${problem.replace(/[()[\]]/g, '\\$&')}`),
      pointer: `#/paths/~1a/get${at}`,
      fix: /^write a/,
    },
  ]),
  ...(
    [
      // [what, the YAML of the spec after HEAD, pointer, what the message says is there]
      [
        'root servers that are a string',
        'servers: https://api.example.com\npaths: {}\n',
        '#/servers',
        'a list, not the string "https://api.example.com"',
      ],
      [
        "a path item's server that is a number",
        'paths:\n  /a:\n    servers: [5]\n    get: {responses: {}}\n',
        '#/paths/~1a/servers/0',
        'a Server Object, not the number 5',
      ],
      [
        "an operation's servers that are an object",
        'paths:\n  /a:\n    get:\n      servers: {url: /v2}\n      responses: {}\n',
        '#/paths/~1a/get/servers',
        'a list, not an object',
      ],
      [
        "a server's url that is a list",
        'servers: [{url: [https://api.example.com]}]\npaths: {}\n',
        '#/servers/0/url',
        'a string, not a list',
      ],
    ] as const
  ).map(([what, yaml, pointer, problem]): [string, Case] => [
    `${what} (the SDK had no base URL without a word, and Redoc's build-docs threw a TypeError)`,
    {
      files: { 'a.yaml': `${HEAD}${yaml}` },
      problem: new RegExp(`must be ${problem.replace(/[()[\]]/g, '\\$&')}`),
      pointer,
      fix: /^write /,
    },
  ]),
  ...(
    [
      // [what, the YAML of the spec after HEAD, pointer]
      ['a root server without url', 'servers: [{}]\npaths: {}\n', '#/servers/0'],
      [
        "a path item's server with only a description",
        'paths:\n  /a:\n    servers: [{description: EU}]\n    get: {responses: {}}\n',
        '#/paths/~1a/servers/0',
      ],
      [
        "an operation's server without url",
        'paths:\n  /a:\n    get:\n      servers: [{variables: {}}]\n      responses: {}\n',
        '#/paths/~1a/get/servers/0',
      ],
    ] as const
  ).map(([what, yaml, pointer]): [string, Case] => [
    `${what} (it was skipped without a word: the SDK lost its default base URL or the operation's server)`,
    {
      files: { 'a.yaml': `${HEAD}${yaml}` },
      problem: /this Server Object has no `url`, which OpenAPI requires/,
      pointer,
      fix: /^write the server's address as `url: /,
    },
  ]),
  [
    'a path item that is a string',
    {
      files: { 'a.yaml': `${HEAD}paths:\n  /a: get\n` },
      problem: /this must be a Path Item Object, not the string "get"/,
      pointer: '#/paths/~1a',
      fix: /or a `\$ref` to one/,
    },
  ],
  ...(
    [
      // [field, the YAML of /a get, pointer under the operation, what the value reads as]
      ['summary', 'summary: 1.5\n      responses: {}', '/summary', 'the number 1.5'],
      ['operationId', 'operationId: 42\n      responses: {}', '/operationId', 'the number 42'],
      [
        'description of a listed parameter',
        'parameters: [{name: q, in: query, description: true, schema: {type: string}}]\n      responses: {}',
        '/parameters/0/description',
        'the boolean true',
      ],
      [
        'title of a response schema',
        "responses: {'200': {description: ok, content: {application/json: {schema: {title: [a], type: string}}}}}",
        '/responses/200/content/application~1json/schema/title',
        'a list',
      ],
    ] as const
  ).map(([what, yaml, at, value]): [string, Case] => [
    `a ${what} that is not text (found by the fuzz test: openapi-typescript trims it)`,
    {
      files: { 'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      ${yaml}\n` },
      problem: new RegExp(`must be a string, not ${value}`),
      pointer: `#/paths/~1a/get${at}`,
      fix: /write the text as a string/,
    },
  ]),
  [
    'a discriminator that is null (found by the fuzz test: the bundler threw a TypeError)',
    {
      files: {
        'a.yaml': schemas(
          '    Pet:\n      type: object\n      discriminator: null\n      properties: {kind: {type: string}}\n',
        ),
      },
      problem: /Expected type `Discriminator` \(object\) but got `null` here/,
      pointer: '#/components/schemas/Pet/discriminator',
      fix: /write the value OpenAPI defines here/,
    },
  ],
  [
    'an allOf member that is not a schema object (found by the fuzz test)',
    {
      files: { 'a.yaml': schemas('    A:\n      allOf: [{type: object}, false]\n') },
      problem: /every member of `allOf` must be a schema object, not the boolean false/,
      pointer: '#/components/schemas/A/allOf/1',
      fix: /write `\{\}` for `true`/,
    },
  ],
  [
    `${5000} levels of nesting (JSON)`,
    {
      files: { 'a.json': nestedJson(5000) },
      problem: new RegExp(`nests more than ${MAX_DEPTH} levels`),
      pointer: '#/components/schemas/D/items/items/items/items/items/…/items/items/items',
      fix: /components\/schemas/,
    },
  ],
  [
    `${5000} levels of nesting (YAML flow)`,
    {
      files: { 'a.yaml': `${HEAD}paths: {}\nx-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
      problem: /nest/,
      fix: /levels/,
    },
  ],
  [
    'a number beyond what JSON numbers hold (YAML)',
    {
      files: { 'a.yaml': schemas('    Big:\n      type: integer\n      maximum: 1e309\n') },
      problem: /the number here is beyond what a JSON number holds .*reads as Infinity/,
      pointer: '#/components/schemas/Big/maximum',
      fix: /within that range/,
    },
  ],
  [
    'a number beyond what JSON numbers hold (JSON, in an enum)',
    {
      files: {
        'a.json':
          '{"openapi":"3.1.0","info":{"title":"T","version":"1.0.0"},"paths":{},"components":{"schemas":{"E":{"enum":[1,-1e400]}}}}',
      },
      problem: /beyond what a JSON number holds/,
      pointer: '#/components/schemas/E/enum/1',
      fix: /within that range/,
    },
  ],
  [
    'a YAML alias bomb',
    {
      files: { 'a.yaml': aliasBomb() },
      problem: /YAML aliases expand to too much/,
      line: 1,
      fix: /\$ref/,
    },
  ],
  [
    'a server URL with a user and password',
    {
      files: {
        'a.yaml': `${HEAD}servers: [{url: 'https://user:s3cr3t@api.example.com/v1'}]\n${OK_PATHS}`,
      },
      problem: /"https:\/\/\*\*\*@api\.example\.com\/v1" carries credentials/,
      pointer: '#/servers/0/url',
      fix: /remove the `user:password@` part/,
      secret: 's3cr3t',
    },
  ],
  [
    'credentials in a server variable default',
    {
      files: {
        'a.yaml': `${HEAD}servers:\n  - url: 'https://{auth}api.example.com'\n    variables: {auth: {default: 'admin:s3cr3t@'}}\n${OK_PATHS}`,
      },
      problem: /carries credentials/,
      pointer: '#/servers/0/variables/auth/default',
      fix: /remove/,
      secret: 's3cr3t',
    },
  ],
  [
    'credentials in a server variable enum value',
    {
      files: {
        'a.yaml': `${HEAD}servers:\n  - url: 'https://{host}/v1'\n    variables: {host: {default: api.example.com, enum: [api.example.com, 'x:s3cr3t@eu.example.com']}}\n${OK_PATHS}`,
      },
      problem: /carries credentials/,
      pointer: '#/servers/0/variables/host/enum/1',
      fix: /remove/,
      secret: 's3cr3t',
    },
  ],
  [
    'credentials in an operation server, the contact URL, a token URL and the repository',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      servers: [{url: 'https://ops:s3cr3t@ops.example.com'}]\n      responses: {'200': {description: ok}}\n`,
      },
      problem: /carries credentials/,
      pointer: '#/paths/~1a/get/servers/0/url',
      fix: /remove/,
      secret: 's3cr3t',
    },
  ],
  [
    'credentials in an OAuth token URL',
    {
      files: {
        'a.yaml': `${HEAD}${OK_PATHS}components:\n  securitySchemes:\n    o: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://id:s3cr3t@auth.example.com/token', scopes: {}}}}\n`,
      },
      problem: /carries credentials/,
      pointer: '#/components/securitySchemes/o/flows/clientCredentials/tokenUrl',
      fix: /remove/,
      secret: 's3cr3t',
    },
  ],
  [
    'a $ref that points at its own place, inside a schema (the bundler names no place for it)',
    {
      files: {
        'a.yaml': schemas(
          "    A: {type: object, properties: {x: {$ref: '#/components/schemas/A/properties/x'}}}\n",
        ),
      },
      problem:
        /circular \$ref: #\/components\/schemas\/A\/properties\/x → #\/components\/schemas\/A\/properties\/x/,
      pointer: '#/components/schemas/A/properties/x',
      fix: /point one of these \$refs at a schema/,
    },
  ],
  [
    'two $refs inside schemas that point at each other',
    {
      files: {
        'a.yaml': schemas(
          "    A: {type: object, properties: {x: {$ref: '#/components/schemas/B/properties/y'}}}\n    B: {type: object, properties: {y: {$ref: '#/components/schemas/A/properties/x'}}}\n",
        ),
      },
      problem: /circular \$ref: .* never reaches a schema/,
      fix: /point one of these \$refs at a schema/,
    },
  ],
  ...(
    [
      ['parameters', 'a parameter'],
      ['responses', 'a response'],
      ['requestBodies', 'a request body'],
      ['headers', 'a header'],
      ['pathItems', 'a path item'],
    ] as const
  ).map(([section, kind]): [string, Case] => [
    `a ring of $refs through ${section} names ${kind}, not a schema, as what it never reaches`,
    {
      files: {
        'a.yaml': `${HEAD}${OK_PATHS}components:\n  ${section}:\n    P: {$ref: '#/components/${section}/Q'}\n    Q: {$ref: '#/components/${section}/P'}\n`,
      },
      problem: new RegExp(
        `: circular \\$ref: #/components/${section}/P → #/components/${section}/Q → #/components/${section}/P never reaches ${kind}\n`,
      ),
      pointer: `#/components/${section}/P`,
      fix: new RegExp(`point one of these \\$refs at ${kind} instead`),
    },
  ]),
  [
    'a ring of $refs from an operation through parameters names a parameter',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{$ref: '#/components/parameters/P'}]\n      responses: {'200': {description: ok}}\ncomponents:\n  parameters:\n    P: {$ref: '#/paths/~1a/get/parameters/0'}\n`,
      },
      problem: /never reaches a parameter\n/,
      fix: /at a parameter instead/,
    },
  ],
  [
    'a $ref to a schema whose name differs in case names the one there is',
    {
      files: {
        'a.yaml': schemas(
          "    Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/person'}}}\n    Person: {type: object}\n",
        ),
      },
      problem: /: cannot resolve \$ref "#\/components\/schemas\/person"/,
      pointer: '#/components/schemas/Pet/properties/owner',
      fix: /^write the \$ref as '#\/components\/schemas\/Person': the names differ in case$/,
    },
  ],
  [
    'a $ref to a schema a typo away from one that is there names that one',
    {
      files: {
        'a.yaml': schemas(
          "    Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Preson'}}}\n    Person: {type: object}\n",
        ),
      },
      problem: /: cannot resolve \$ref "#\/components\/schemas\/Preson"/,
      pointer: '#/components/schemas/Pet/properties/owner',
      fix: /^write the \$ref as '#\/components\/schemas\/Person' \(did you mean `Person`\?\)$/,
    },
  ],
  [
    'a $ref whose section is misspelled names the place it most likely means',
    {
      files: {
        'a.yaml': schemas(
          "    Pet: {type: object, properties: {owner: {$ref: '#/components/schema/Person'}}}\n    Person: {type: object}\n",
        ),
      },
      problem: /: cannot resolve \$ref "#\/components\/schema\/Person"/,
      fix: /^write the \$ref as '#\/components\/schemas\/Person' \(did you mean `schemas`\?\)$/,
    },
  ],
  [
    'a $ref to a place nothing is near says where to add it',
    {
      files: {
        'a.yaml': schemas(
          "    Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Owner'}}}\n    Person: {type: object}\n",
        ),
      },
      problem: /nothing in a\.yaml is at #\/components\/schemas\/Owner/,
      fix: /^add `Owner` under #\/components\/schemas, or point the \$ref at a place that is there$/,
    },
  ],
  [
    'a $ref into another file, to a place a typo away, names the place there',
    {
      files: {
        'a.yaml': schemas("    Pet: {$ref: './b.yaml#/Animal'}\n"),
        'b.yaml': 'Animals: {type: object}\n',
      },
      problem: /nothing in b\.yaml is at #\/Animal/,
      fix: /^write the \$ref as '\.\/b\.yaml#\/Animals' \(did you mean `Animals`\?\)$/,
    },
  ],
  [
    'a $ref to a file a typo away from one in its folder names that file, keeping the place in it',
    {
      files: {
        'a.yaml': schemas("    Pet: {$ref: './pest.yaml#/Pet'}\n"),
        'pets.yaml': 'Pet: {type: object}\n',
      },
      problem: /: cannot resolve \$ref "\.\/pest\.yaml#\/Pet": there is no file pest\.yaml\n/,
      fix: /^write the \$ref as '\.\/pets\.yaml#\/Pet' \(did you mean `pets\.yaml`\?\)$/,
    },
  ],
  [
    'credentials in x-sdk.repository',
    {
      files: {
        'a.yaml': `${HEAD}x-sdk: {repository: 'https://bot:s3cr3t@github.com/acme/sdk'}\n${OK_PATHS}`,
      },
      problem: /carries credentials/,
      pointer: '#/x-sdk/repository',
      fix: /remove/,
      secret: 's3cr3t',
    },
  ],
  [
    'a discriminator mapping to the schemas section (the bundler would make the document contain itself)',
    {
      files: {
        'a.yaml': schemas(
          "    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}]\n      discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/'}}\n    Cat: {type: object}\n",
        ),
      },
      problem: /mapping "cat" points at .* not one schema/,
      pointer: '#/components/schemas/Pet/discriminator/mapping/cat',
      fix: /#\/components\/schemas\/<Name>/,
    },
  ],
  [
    'a discriminator mapping to the components (the bundler would make the document contain itself)',
    {
      files: {
        'a.yaml': schemas(
          "    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}]\n      discriminator: {propertyName: kind, mapping: {cat: '#/components'}}\n    Cat: {type: object}\n",
        ),
      },
      problem: /mapping "cat" points at .* not one schema/,
      pointer: '#/components/schemas/Pet/discriminator/mapping/cat',
      fix: /#\/components\/schemas\/<Name>/,
    },
  ],
  [
    'a discriminator mapping to a place that holds it (the bundler would make the document contain itself)',
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              oneOf: [{type: object}]\n              discriminator: {propertyName: kind, mapping: {cat: '#/paths/~1a/post'}}\n      responses: {'204': {description: ok}}\n`,
      },
      problem:
        /mapping "cat" points at "#\/paths\/~1a\/post", which is not one schema: .*holds the mapping itself/,
      pointer:
        '#/paths/~1a/post/requestBody/content/application~1json/schema/discriminator/mapping/cat',
      fix: /#\/components\/schemas\/<Name>/,
    },
  ],
  [
    'a discriminator mapping to the whole document (the bundler would make the document contain itself)',
    {
      files: {
        'a.yaml': schemas(
          "    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}]\n      discriminator: {propertyName: kind, mapping: {cat: '#'}}\n    Cat: {type: object}\n",
        ),
      },
      problem: /mapping "cat" points at .* not one schema/,
      pointer: '#/components/schemas/Pet/discriminator/mapping/cat',
      fix: /#\/components\/schemas\/<Name>/,
    },
  ],
  ...(
    [
      ['an empty `{}`', '/things/{}', 'a `{}` that names no parameter'],
      ['an unclosed `{`', '/things/{id', 'a `{` without its `}`'],
      ['a `}` without its `{`', '/things/id}', 'a `}` without its `{`'],
      ['a `{` inside a `{…}`', '/things/{{id}}', 'a `{` inside `{…}`'],
      ['a `{` inside a name', '/things/{a{b}', 'a `{` inside `{…}`'],
    ] as const
  ).map(([what, path, problem]): [string, Case] => [
    `a path template with ${what} (OpenAPI's path templates are \`{name}\`; a brace cannot be sent)`,
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  '${path}':\n    get:\n      responses: {'200': {description: ok}}\n`,
      },
      problem: new RegExp(
        `path ${escapeRegExp(JSON.stringify(path))} has ${escapeRegExp(problem)}`,
      ),
      pointer: `#/paths/${path.replaceAll('/', '~1')}`,
      line: 5,
      fix: /write each parameter as `\{name\}`.*%7B/,
    },
  ]),
  ...[
    '#/info',
    '#/openapi',
    '#/servers',
    '#/components',
    '#/components/schemas',
    // A response or a parameter holds a schema: read as it, with a warning
    // (test/faults/ref-to-component.test.ts).
    '#/components/examples/E',
    '#/components/securitySchemes/S',
    '#/paths/~1a/get',
    '#/tags/0',
  ].map((ref): [string, Case] => [
    `a schema's $ref to ${ref}, which is no schema (it was read as one, accepting any value)`,
    {
      files: {
        'a.yaml': `${HEAD}servers: [{url: 'https://api.example.com'}]\ntags: [{name: t}]\n${OK_PATHS}components:\n  examples:\n    E: {value: 1}\n  securitySchemes:\n    S: {type: http, scheme: basic}\n  schemas:\n    A:\n      type: object\n      properties:\n        self: {$ref: '${ref}'}\n`,
      },
      problem: new RegExp(
        `\\$ref ${escapeRegExp(JSON.stringify(ref))} points at .*, not at a schema`,
      ),
      pointer: '#/components/schemas/A/properties/self/$ref',
      line: 18,
      fix: /point it at a schema: '#\/components\/schemas\/<Name>'/,
    },
  ]),
  ...(
    [
      [
        'a response',
        "      responses:\n        '200': {$ref: '#/components/schemas/A'}\n",
        '#/paths/~1a/get/responses/200/$ref',
        7,
        /content: \{ application\/json: \{ schema/,
      ],
      [
        'a request body',
        "      requestBody: {$ref: '#/components/schemas/A'}\n      responses: {'204': {description: ok}}\n",
        '#/paths/~1a/get/requestBody/$ref',
        6,
        /content: \{ application\/json: \{ schema/,
      ],
      ['a path item', null, '#/paths/~1b/$ref', 7, /a path item/],
    ] as const
  ).map(([what, operation, pointer, line, fix]): [string, Case] => [
    `${what} whose $ref points at a schema (it was read as ${what} with nothing in it)`,
    {
      files: {
        'a.yaml': `${HEAD}paths:\n  /a:\n    get:\n${operation ?? "      responses: {'204': {description: ok}}\n"}${operation === null ? "  /b: {$ref: '#/components/schemas/A'}\n" : ''}components:\n  schemas:\n    A: {type: object, properties: {x: {type: string}}}\n`,
      },
      problem: new RegExp(`\\$ref "#/components/schemas/A" points at a schema, not at ${what}`),
      pointer,
      line,
      fix,
    },
  ]),
  [
    // helper-133 9: the `$ref` silently named the first; Ajv refuses ("resolves to more than one schema").
    'two schemas of the document declaring one `$anchor`',
    {
      files: {
        'a.yaml': schemas(
          "    A: {$anchor: dup, type: string}\n    B: {$anchor: dup, type: integer}\n    C: {type: object, properties: {x: {$ref: '#dup'}}}\n",
        ),
      },
      problem:
        /`\$anchor: dup` is declared a second time in the document, which already declares it at a\.yaml #\/components\/schemas\/A\/\$anchor: a `\$ref: '#dup'` there resolves to more than one schema/,
      pointer: '#/components/schemas/B/$anchor',
      line: 10,
      fix: /rename one of the two anchors \(here or at #\/components\/schemas\/A\/\$anchor\)/,
    },
  ],
  [
    'an `$anchor` and a `$dynamicAnchor` of one name in one schema resource (an `$id`)',
    {
      files: {
        'a.yaml': schemas(
          "    A:\n      $id: https://example.com/a\n      type: object\n      properties: {x: {$ref: '#node'}}\n      $defs:\n        N: {$dynamicAnchor: node, type: string}\n        M: {$anchor: node, type: integer}\n    B: {$anchor: node, type: boolean}\n",
        ),
      },
      problem:
        /`\$anchor: node` is declared a second time in the schema resource `https:\/\/example\.com\/a`, which already declares it at a\.yaml #\/components\/schemas\/A\/\$defs\/N\/\$dynamicAnchor/,
      pointer: '#/components/schemas/A/$defs/M/$anchor',
      fix: /rename one of the two anchors/,
    },
  ],
];

describe('bad input is a GeneratorError with file, place and fix; the output folder is untouched', () => {
  it.each(cases)('%s', { timeout: 30_000 }, async (_name, want) => {
    const dir = await tempDir('bad-spec-');
    const names = Object.keys(want.files);
    for (const [name, text] of Object.entries(want.files)) await writeFile(join(dir, name), text);
    const out = await existingOutput();
    const before = await snapshotTree(out);

    const error = await generate({ spec: join(dir, names[0]!), out, cwd: dir, cache: false }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(message).toMatch(want.problem);
    expect(location.file).toBe(want.file ?? names[0]);
    if (want.pointer !== undefined) expect(location.pointer).toBe(want.pointer);
    if (want.line !== undefined) expect(location.line).toBe(want.line);
    if (want.column !== undefined) expect(location.column).toBe(want.column);
    if (want.where !== undefined) expect(message.startsWith(want.where)).toBe(true);
    expect(hint).toMatch(want.fix);
    if (want.secret !== undefined) expect(message).not.toContain(want.secret);
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(dirname(out))).toEqual([basename(out)]);
  });
});

describe('versions the OpenAPI schemas accept', () => {
  // The OpenAPI Initiative's schemas for 3.0 and 3.1 match `^3\.[01]\.\d+(-.+)?$`: a pre-release
  // suffix is a version, a fourth number is not (the cases above).
  it.each(['3.1.0-rc1', '3.0.10', '3.1.2'])('`openapi: %s` generates', async (version) => {
    const dir = await tempDir('version-');
    const spec = join(dir, 'a.yaml');
    await writeFile(spec, HEAD.replace('3.1.0', version) + OK_PATHS);
    const out = join(dir, 'out');
    await generate({ spec, out, cwd: dir, cache: false });
    expect(await readdir(join(out, 'src'))).toContain('types.ts');
  });
});

describe('a spec file that is not a regular file, or too large to be one', () => {
  it('/dev/zero, a pipe reached through a $ref and a 300 MiB file are refused at once, naming the file', async () => {
    const dir = await tempDir('not-a-file-');
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    await writeFile(join(dir, 'a.yaml'), REF_ROOT.replace('./b.yaml', './pipe.yaml'));
    const big = join(dir, 'big.yaml');
    await writeFile(big, '');
    await truncate(big, 300 * 2 ** 20);
    const out = await existingOutput();
    const before = await snapshotTree(out);
    const refused = async (spec: string) =>
      generate({ spec, out, cwd: dir, cache: false }).then(
        () => undefined,
        (thrown: unknown) => thrown as GeneratorError,
      );

    const zero = await refused('/dev/zero');
    expect(zero).toBeInstanceOf(GeneratorError);
    expect(zero!.message).toMatch(/\/dev\/zero is a character device, not a regular file/);
    const pipe = await refused(join(dir, 'a.yaml'));
    expect(pipe).toBeInstanceOf(GeneratorError);
    expect(pipe!.message).toMatch(/pipe\.yaml is a pipe, not a regular file/);
    const large = await refused(big);
    expect(large).toBeInstanceOf(GeneratorError);
    expect(large!.message).toMatch(
      /big\.yaml is 300 MiB, more than the 256 MiB a spec file may have/,
    );
    expect(await snapshotTree(out)).toEqual(before);
  });
});

describe('keys that are special in JavaScript', () => {
  it('__proto__, constructor and prototype as schema, property, parameter and path names generate a package that compiles', async () => {
    const dir = await tempDir('proto-');
    const spec = `${HEAD}paths:
  /__proto__/{constructor}:
    parameters:
      - {name: constructor, in: path, required: true, schema: {type: string}}
      - {name: __proto__, in: query, schema: {type: string}}
    get:
      operationId: __proto__
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/__proto__'}}}
components:
  schemas:
    __proto__:
      type: object
      required: [__proto__]
      properties:
        __proto__: {type: string}
        constructor: {$ref: '#/components/schemas/constructor'}
        prototype: {type: integer}
    constructor: {type: object, additionalProperties: {type: string}}
    prototype: {type: string, enum: [__proto__, constructor]}
`;
    await writeFile(join(dir, 'openapi.yaml'), spec);
    const out = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out, cwd: dir, cache: false });
    await linkNodeModules(out);
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    expect(Object.prototype).not.toHaveProperty('type');
  }, 120_000);
});

describe('a chain of schemas too long for the bundler', () => {
  it('is a GeneratorError that names where the chain starts and what it goes through, not a stack overflow', async () => {
    const dir = await tempDir('ref-chain-');
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++)
      schemas[`S${i}`] = {
        type: 'object',
        properties: { next: { $ref: `#/components/schemas/S${i + 1}` } },
      };
    schemas.S1500 = { type: 'string' };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Chain', version: '1.0.0' },
      paths: {},
      components: { schemas },
    };
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec, null, 2));
    const error = await generate({
      spec: join(dir, 'openapi.json'),
      out: join(dir, 'sdk'),
      cwd: dir,
      cache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { problem, location, hint } = error as GeneratorError;
    expect(problem).toMatch(
      /^schemas that \$ref one another 1501 deep \(each from a property, an item or a part of the one before: #\/components\/schemas\/S0 → #\/components\/schemas\/S1 → .* → #\/components\/schemas\/S1500\), more than the bundler can follow/,
    );
    expect(location).toMatchObject({ pointer: '#/components/schemas/S0', line: 10 });
    expect(hint).toMatch(/break the chain/);
  }, 60_000);
});

describe('URLs in data are not refused for credentials', () => {
  it('a url with userinfo inside an example, a default, an enum, a const or an extension generates', async () => {
    const dir = await tempDir('credential-data-');
    // Public specs (a webhook's documented payload) redact such URLs as `https://***@host`.
    const url = "'https://***@hooks.example.com/uri'";
    const spec = `${HEAD}paths:
  /hooks:
    post:
      x-examples: {sample: {url: ${url}}}
      parameters:
        - {name: q, in: query, schema: {type: string}, example: {url: ${url}}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Hook'}
            examples: {one: {value: {url: ${url}}}}
      responses: {'200': {description: ok}}
components:
  schemas:
    Hook:
      type: object
      x-examples: {example-http_post: {url: ${url}}}
      example: {url: ${url}}
      default: {url: ${url}}
      properties:
        url: {type: string, enum: [${url}], examples: [${url}]}
        pinned: {const: {url: ${url}}}
`;
    await writeFile(join(dir, 'openapi.yaml'), spec);
    const out = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out, cwd: dir, cache: false });
    expect(await readdir(join(out, 'src'))).toContain('client.ts');
  }, 60_000);

  it("an SSH repository URL's user is a login, not a secret: npm's git+ssh://git@… form generates", async () => {
    const dir = await tempDir('credential-ssh-');
    const spec = `${HEAD}x-sdk: {repository: 'git+ssh://git@github.com/acme/demo-sdk.git'}\n${OK_PATHS}`;
    await writeFile(join(dir, 'openapi.yaml'), spec);
    const out = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out, cwd: dir, cache: false });
    expect(await readdir(join(out, 'src'))).toContain('client.ts');
    // With a password it is a secret again.
    await writeFile(join(dir, 'openapi.yaml'), spec.replace('git@', 'git:s3cr3t@'));
    await expect(
      generate({
        spec: join(dir, 'openapi.yaml'),
        out: join(dir, 'other'),
        cwd: dir,
        cache: false,
      }),
    ).rejects.toThrow(/carries credentials/);
  }, 60_000);
});

describe('a Redocly config that cannot be loaded (--redocly-config)', () => {
  it.each([
    [
      'a plugin that throws',
      'plugins:\n  - ./plugin.cjs\n',
      /plugin\.cjs": this plugin is broken$/,
    ],
    [
      'a plugin that is missing',
      'plugins:\n  - ./missing.cjs\n',
      /Plugin "\.\/missing\.cjs" not found/,
    ],
    ['broken YAML', 'rules: [1\n', /redocly\.yaml" \(2:1\)/],
  ])('%s: names the config and the cause, without a stack trace', async (_name, config, cause) => {
    const dir = await tempDir('redocly-config-');
    await writeFile(join(dir, 'plugin.cjs'), "throw new Error('this plugin is broken');\n");
    await writeFile(join(dir, 'redocly.yaml'), config);
    const error = await generate({
      spec: join(ROOT, 'spec/openapi.yaml'),
      out: join(dir, 'out'),
      cwd: dir,
      redoclyConfig: join(dir, 'redocly.yaml'),
      cache: false,
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(location.file).toBe('redocly.yaml');
    const [problem, fix] = message.split('\n  fix: ');
    expect(problem).toMatch(/^redocly.yaml: cannot load the Redocly config: /);
    expect(problem).toMatch(cause);
    expect(problem).not.toMatch(/\n|\bat .*:\d+:\d+/);
    expect(fix).toBe(hint);
    expect(hint).toMatch(/--redocly-config/);
    expect(await readdir(dir)).not.toContain('out');
  });
});

describe('an output folder that cannot be written', () => {
  it.each([
    [
      'a part of its path is a file',
      (dir: string) => join(dir, 'a-file/out'),
      /a part of its path is a file/,
    ],
    [
      'a file system that takes no new files (/proc/sys)',
      () => '/proc/sys/sdk-out',
      /cannot be created there|read-only/,
    ],
  ])(
    '%s: a GeneratorError naming the folder and the cause, no stack trace',
    async (_name, outOf, cause) => {
      const dir = await tempDir('unwritable-');
      await writeFile(join(dir, 'a-file'), 'not a folder\n');
      const out = outOf(dir);
      const error = await generate({
        spec: join(ROOT, 'spec/openapi.yaml'),
        out,
        cache: false,
      }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(GeneratorError);
      const { location, hint, problem } = error as GeneratorError;
      expect(location.file).toBe(out);
      expect(problem).toMatch(/^cannot write the package: /);
      expect(problem).toMatch(cause);
      expect(problem).not.toMatch(/\n|\bat .*:\d+:\d+/);
      expect(hint).toMatch(/--out/);
      expect(await readdir(dir)).toEqual(['a-file']);
    },
  );
});

describe('numbers JSON cannot carry', () => {
  it('are every one reported in one run, in document order, each at its line, NaN as not a number', async () => {
    const dir = await tempDir('non-finite-');
    const spec = join(dir, 'a.yaml');
    await writeFile(
      spec,
      schemas(
        [
          '    N:',
          '      type: number',
          '      maximum: .inf',
          '      default: .nan',
          '      enum: [1, -1e400]',
          '    M:',
          '      type: number',
          '      minimum: -.inf',
          '',
        ].join('\n'),
      ),
    );
    const error = await generate({ spec, out: join(dir, 'sdk') }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems;
    const base = schemas('').split('\n').length - 1;
    expect(problems.map((p) => [p.location.pointer, p.location.line])).toEqual([
      ['#/components/schemas/N/maximum', base + 3],
      ['#/components/schemas/N/default', base + 4],
      ['#/components/schemas/N/enum/1', base + 5],
      ['#/components/schemas/M/minimum', base + 8],
    ]);
    expect(problems[1]!.problem).toBe(
      'the value here is not a number (`.nan`), which JSON has no way to write',
    );
    expect(problems[0]!.problem).toMatch(/beyond what a JSON number holds .*reads as Infinity/);
  });
});

describe('the extensions the generator reads', () => {
  it('of a wrong type are errors reported with the other fields of their run, each at its place', async () => {
    const dir = await tempDir('extensions-');
    const spec = join(dir, 'a.yaml');
    await writeFile(
      spec,
      `${HEAD}paths:
  /a:
    get:
      deprecated: 'yes'
      tags: t
      x-preview: maybe
      parameters:
        - {name: p, in: query, schema: {type: string}, x-sdk-client-option: 1}
      responses: {'200': {description: ok}}
  /b:
    get:
      x-sdk-method: [x]
      responses: {'200': {description: ok}}
`,
    );
    const error = await generate({ spec, out: join(dir, 'sdk'), cache: false }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems;
    expect(problems.map((p) => [p.location.pointer, p.location.line])).toEqual([
      ['#/paths/~1a/get/deprecated', 6],
      ['#/paths/~1a/get/tags', 7],
      ['#/paths/~1a/get/x-preview', 8],
      ['#/paths/~1a/get/parameters/0/x-sdk-client-option', 10],
      ['#/paths/~1b/get/x-sdk-method', 14],
    ]);
    expect(problems[2]!.problem).toBe('`x-preview` must be true or false, not the string "maybe"');
    expect(problems[3]!.problem).toBe(
      '`x-sdk-client-option` must be a string or true, not the number 1',
    );
    expect(problems[3]!.hint).toMatch(/x-sdk-client-option: project/);
    expect(problems[4]!.problem).toBe('`x-sdk-method` must be a string, not a list');
    expect(problems[4]!.hint).toMatch(/x-sdk-method: plans\.list/);
  });

  it('on a schema (x-preview, x-kubernetes-int-or-string) must be true or false, not ignored', async () => {
    const dir = await tempDir('schema-extensions-');
    const spec = join(dir, 'a.yaml');
    await writeFile(
      spec,
      schemas(
        "    A:\n      type: object\n      x-preview: 'yes'\n      properties:\n        n: {x-kubernetes-int-or-string: 1}\n",
      ),
    );
    const error = await generate({ spec, out: join(dir, 'sdk'), cache: false }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems;
    expect(problems.map((p) => [p.location.pointer, p.problem])).toEqual([
      ['#/components/schemas/A/x-preview', '"x-preview" must be true or false, found "yes"'],
      [
        '#/components/schemas/A/properties/n/x-kubernetes-int-or-string',
        '"x-kubernetes-int-or-string" must be true or false, found 1',
      ],
    ]);
  });
});
