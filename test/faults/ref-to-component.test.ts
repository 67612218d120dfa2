/**
 * A schema's `$ref` to a component that is not a schema but holds one (a response, a parameter,
 * a header, a request body; test/fixtures/faults/ref-to-component.yaml), as public specs write it
 * (rumble.run's points response bodies at `#/components/responses/StatusMessage`). It generates,
 * with a warning at the `$ref`'s line, as the schema the component holds, in the SDK's types, its
 * guards and openapi-typescript's types alike; one that holds none is any value. Before, the whole
 * spec was refused.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { compile, linkNodeModules, removeTempDirs, tempDir } from '../generator/helpers.ts';

const FIXTURE = 'test/fixtures/faults/ref-to-component.yaml';
const BODY = '#/paths/~1things/post/responses/200/content/application~1json/schema/properties';
afterAll(removeTempDirs);

describe("a schema's $ref to a component that holds a schema", () => {
  it('is read as that schema, with a warning per $ref, and the package compiles', async () => {
    const out = join(await tempDir('ref-to-component-'), 'sdk');
    const { warnings } = await generate({ spec: join(ROOT, FIXTURE), out, cwd: ROOT });
    const lines = (await readFile(join(ROOT, FIXTURE), 'utf8')).split('\n');
    const lineOf = (property: string) =>
      lines.findIndex((line) => line.trimStart().startsWith(`${property}: { $ref`)) + 1;
    const places = warnings.map((w) => [w.key, w.location.pointer, w.location.line, w.more]);
    expect(places).toEqual([
      ['sloppy:ref-to-component', `${BODY}/status/$ref`, lineOf('status'), 4],
      ['sloppy:ref-to-component-without-schema', `${BODY}/noBody/$ref`, lineOf('noBody'), 0],
    ]);
    expect(warnings[0]?.problem).toBe(
      '$ref "#/components/responses/Status" points at a response, not at a schema: read as the schema it holds, at "#/components/responses/Status/content/application~1json/schema"',
    );
    expect(warnings[1]?.problem).toContain('and it holds none: read as any value');
    // Each other $ref of the kind is listed in its own words, at its own line: none is counted
    // under the first's "points at a response" (a parameter, a header, a request body).
    const [heading, ...listed] = warnings[0]!.message.split('\n').filter((l) => !/^ +fix:/.test(l));
    expect(heading).not.toContain('more place');
    expect(listed).toEqual([
      expect.stringMatching(
        new RegExp(
          `^  also ${FIXTURE}:${lineOf('limit')}:\\d+ \\S+/limit/\\$ref: \\$ref "#/components/parameters/Limit" points at a parameter`,
        ),
      ),
      expect.stringMatching(/^ {2}also \S+:\d+:\d+ \S+\/rate\/\$ref: .* points at a header/),
      expect.stringMatching(/^ {2}also \S+:\d+:\d+ \S+\/input\/\$ref: .* points at a request body/),
      expect.stringMatching(
        /^ {2}also \S+:\d+:\d+ \S+\/alias\/\$ref: \$ref "#\/components\/responses\/StatusAlias"/,
      ),
    ]);
    expect(warnings[0]!.message.match(/\n {4}fix: /g)).toHaveLength(4);
    for (const w of warnings) expect(w.location.file).toBe(FIXTURE);

    const sdk = await readFile(join(out, 'src/resources/things.ts'), 'utf8');
    expect(sdk).toMatch(
      /status: Status;\s+noBody: unknown;\s+limit: number;\s+rate: number;\s+input: \{ name\?: string \};\s+alias: Status;/,
    );
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    expect(openapi).toMatch(
      /status: components\['schemas'\]\['Status'\];\s+noBody: unknown;\s+limit: number;\s+rate: number;\s+input: \{\s+name\?: string;\s+\};\s+alias: components\['schemas'\]\['Status'\];/,
    );
    // The guards check the held schemas: the parameter's maximum, the response's named schema.
    const guards = await readFile(join(out, 'src/guards.ts'), 'utf8');
    expect(guards).toContain('if (limit > 10) return false;');
    expect(guards).toContain('if (!isStatus(alias)) return false;');
    await linkNodeModules(out);
    expect(compile(out)).toEqual({ status: 0, output: '' });
  });

  it('in another file, where the bundler files the component with the schemas, reads the same', async () => {
    // helper-107: the bundled `components.schemas.Limit` was the parameter itself: its `name`, `in`
    // and `schema` were three "unknown schema keyword" warnings, and the type `unknown`.
    const dir = await tempDir('ref-to-component-files-');
    await mkdir(join(dir, 'schemas'));
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Files, version: 1.0.0 }',
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      parameters: [{ $ref: "#/components/parameters/Limit" }]',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        "            application/json: { schema: { $ref: 'schemas/thing.yaml#/Thing' } }",
        'components:',
        '  parameters:',
        '    Limit: { name: limit, in: query, schema: { type: integer, maximum: 10 } }',
        '  responses:',
        '    Status:',
        '      description: a status',
        '      content: { application/json: { schema: { type: string, enum: [ok, down] } } }',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'schemas/thing.yaml'),
      [
        'Thing:',
        '  type: object',
        '  properties:',
        "    limit: { $ref: '../openapi.yaml#/components/parameters/Limit' }",
        "    status: { $ref: '../openapi.yaml#/components/responses/Status' }",
        '',
      ].join('\n'),
    );
    const out = join(dir, 'sdk');
    const { warnings } = await generate({ spec: join(dir, 'openapi.yaml'), out, cwd: dir });
    expect(warnings.map((w) => w.key)).toEqual(['sloppy:ref-to-component']);
    const places = warnings[0]!.places.map((place) => [
      place.location.file,
      place.location.pointer,
      place.location.line,
      place.problem,
    ]);
    expect(places).toEqual([
      [
        'openapi.yaml',
        '#/components/parameters/Limit',
        15,
        "a schema's $ref points at this parameter, not at a schema: read as the schema it holds, its `schema`",
      ],
      [
        'openapi.yaml',
        '#/components/responses/Status',
        18,
        `a schema's $ref points at this response, not at a schema: read as the schema it holds, the schema of its "application/json" content`,
      ],
    ]);
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(/limit\?: Limit;\s+status\?: Status;/);
    expect(types).toContain('export type Limit = number;');
    expect(types).toContain("export type Status = 'ok' | 'down';");
    const guards = await readFile(join(out, 'src/guards.ts'), 'utf8');
    expect(guards).toMatch(/> 10\) return false;/);
  });

  it('to a parameter, response, request body or header written in a path item reads the same', async () => {
    // enode.io's `items: { $ref: '#/paths/~1vehicles~1%7BvehicleId%7D/get/parameters/1' }`, a
    // parameter of another path, refused the whole spec ("points at part of a path").
    const pets = '#/paths/~1pets~1%7Bid%7D';
    const dir = await tempDir('ref-to-path-part-');
    const spec = join(dir, 'openapi.json');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Parts', version: '1.0.0' },
        paths: {
          '/pets/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
            put: {
              operationId: 'putPet',
              parameters: [{ name: 'kind', in: 'query', schema: { enum: ['cat', 'dog'] } }],
              requestBody: { content: { 'application/json': { schema: { type: 'boolean' } } } },
              responses: {
                '200': {
                  description: 'ok',
                  headers: { 'X-Rate': { schema: { type: 'number' } } },
                  content: { 'application/json': { schema: { type: 'string' } } },
                },
              },
            },
          },
          '/search': {
            get: {
              operationId: 'search',
              parameters: [
                {
                  name: 'kinds',
                  in: 'query',
                  schema: { type: 'array', items: { $ref: `${pets}/put/parameters/0` } },
                },
              ],
              responses: {
                '200': {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: {
                        type: 'object',
                        properties: {
                          id: { $ref: `${pets}/parameters/0` },
                          said: { $ref: `${pets}/put/responses/200` },
                          sent: { $ref: `${pets}/put/requestBody` },
                          rate: { $ref: `${pets}/put/responses/200/headers/X-Rate` },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const out = join(dir, 'sdk');
    const { warnings } = await generate({ spec, out, cwd: dir });
    expect(warnings.map((w) => w.key)).toEqual(['sloppy:ref-to-component']);
    const said = [warnings[0]!.problem, ...warnings[0]!.places.slice(1).map((p) => p.problem)];
    expect(
      said.map((problem) => /points at (an? [a-z ]+), not at a schema/.exec(problem)?.[1]),
    ).toEqual(['a parameter', 'a parameter', 'a response', 'a request body', 'a header']);
    const sdk = await readFile(join(out, 'src/resources/search.ts'), 'utf8');
    expect(sdk).toContain("kinds?: ('cat' | 'dog')[];");
    expect(sdk).toMatch(/id\?: number;\s+said\?: string;\s+sent\?: boolean;\s+rate\?: number;/);
    await linkNodeModules(out);
    expect(compile(out)).toEqual({ status: 0, output: '' });
  });

  it('is refused with --strict, naming the $ref and the schema to point at', async () => {
    const error = await generate({
      spec: join(ROOT, FIXTURE),
      out: join(await tempDir('ref-to-component-strict-'), 'sdk'),
      cwd: ROOT,
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe(`${BODY}/status/$ref`);
    expect((error as GeneratorError).hint).toContain('point it at that schema');
    // Every $ref, each with its own words and fix: not only the first of its kind.
    const problems = (error as GeneratorError).problems;
    expect(problems.map((p) => p.location.pointer)).toEqual(
      ['status', 'noBody', 'limit', 'rate', 'input', 'alias'].map((p) => `${BODY}/${p}/$ref`),
    );
    expect(problems[2]?.problem).toMatch(
      /"#\/components\/parameters\/Limit" points at a parameter.*--strict/,
    );
    for (const p of problems) expect(p.message).toContain('fix: ');
  });
});
