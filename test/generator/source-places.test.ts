/**
 * Problems found after bundling (the model's, the structure and shape checks') and warnings name
 * the file the user edits, with its line and column and the pointer inside that file, not the
 * root file and a pointer into the bundle (generator/load/source-map.ts). Through the CLI, which
 * prints them, and through `generate()`, whose errors and warnings carry the same locations.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError, generate } from '../../generator/index.ts';
import { main } from '../../generator/cli.ts';
import { SourceMap } from '../../generator/load/source-map.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const ROOT = `openapi: 3.1.0
info: { title: Places, version: 1.0.0 }
paths:
  /things:
    $ref: ./paths/things.yaml
components:
  schemas:
    Thing:
      $ref: ./schemas/Thing.yaml
`;
const THINGS = `get:
  operationId: listThings
  responses:
    '200':
      description: The things.
      content:
        application/json:
          schema:
            type: array
            items:
              $ref: ../openapi.yaml#/components/schemas/Thing
`;
/** Thing.yaml with `extra` on the line after `name: { type: string }` (line 5). */
const thing = (extra: string) => `type: object
properties:
  name:
    type: string
${extra}
  id:
    type: string
`;

async function project(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('places-');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** The CLI's exit code and what it wrote to stderr. */
async function cli(dir: string, ...flags: string[]): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  process.stderr.write = (chunk: string) => (stderr.push(String(chunk)), true);
  process.stdout.write = () => true;
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await main(['--spec', 'openapi.yaml', '--out', 'sdk', ...flags]);
    return { code, stderr: stderr.join('') };
  } finally {
    process.chdir(cwd);
    process.stderr.write = write;
    process.stdout.write = writeOut;
  }
}

describe('problems and warnings are placed in the files as written', () => {
  it('a bad keyword in a schema file: that file, its line and column, its own pointer', async () => {
    const dir = await project({
      'openapi.yaml': ROOT,
      'paths/things.yaml': THINGS,
      'schemas/Thing.yaml': thing('    maxLength: "long"'),
    });
    const { code, stderr } = await cli(dir);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'error: schemas/Thing.yaml:5:16 #/properties/name/maxLength: "maxLength" must be a non-negative integer, found "long"\n' +
        '  fix: change "maxLength" to a non-negative integer\n',
    );
  });

  it('a warning in a schema file, with the same place through generate()', async () => {
    const dir = await project({
      'openapi.yaml': ROOT,
      'paths/things.yaml': THINGS,
      'schemas/Thing.yaml': thing('    min_length: 2'),
    });
    const { code, stderr } = await cli(dir);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^warning: schemas\/Thing\.yaml:5:17 #\/properties\/name\/min_length: unknown schema keyword "min_length"/,
    );
    const result = await generate({ spec: 'openapi.yaml', out: 'sdk2', cwd: dir, cache: false });
    expect(result.warnings.map((warning) => warning.location)).toEqual([
      { file: 'schemas/Thing.yaml', pointer: '#/properties/name/min_length', line: 5, column: 17 },
    ]);
  });

  it('several problems in several files are each placed; one in the root file gets its line', async () => {
    const dir = await project({
      'openapi.yaml': ROOT.replace(
        '    Thing:\n',
        '    Count:\n      type: integer\n      minimum: "zero"\n    Thing:\n',
      ),
      'paths/things.yaml': THINGS,
      'schemas/Thing.yaml': thing('    maxLength: five'),
    });
    const error = await generate({ spec: 'openapi.yaml', out: 'sdk', cwd: dir, cache: false }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).problems.map((problem) => problem.location)).toEqual([
      { file: 'openapi.yaml', pointer: '#/components/schemas/Count/minimum', line: 10, column: 16 },
      { file: 'schemas/Thing.yaml', pointer: '#/properties/name/maxLength', line: 5, column: 16 },
    ]);
  });

  it('a check after bundling (an operation without responses) in a path file', async () => {
    const dir = await project({
      'openapi.yaml': ROOT,
      'paths/things.yaml': `${THINGS}post:\n  operationId: addThing\n  responses: 7\n`,
      'schemas/Thing.yaml': thing(''),
    });
    const { code, stderr } = await cli(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: paths\/things\.yaml:14:14 #\/post\/responses: /);
  });

  it('a key brought in by a YAML merge key is placed at the `<<` line', async () => {
    const dir = await project({
      'openapi.yaml': `openapi: 3.1.0
info: { title: Merge, version: 1.0.0 }
paths: {}
x-shared: &shared
  type: object
  properties:
    a: { type: string, maxLength: -2 }
components:
  schemas:
    A:
      <<: *shared
      description: Merged.
`,
    });
    const { stderr } = await cli(dir);
    expect(stderr).toMatch(
      /^error: openapi\.yaml:11:7 #\/components\/schemas\/A\/properties\/a\/maxLength: /,
    );
  });

  it('a component the bundler added is placed in the file its $ref named', async () => {
    // The path file refers to a schema file that the root's components do not list: the bundler
    // adds it as `#/components/schemas/Other`, a place no file has.
    const dir = await project({
      'openapi.yaml': ROOT,
      'paths/things.yaml': THINGS.replace(
        '../openapi.yaml#/components/schemas/Thing',
        '../schemas/Other.yaml',
      ),
      'schemas/Thing.yaml': thing(''),
      'schemas/Other.yaml': 'type: string\nminLength: -1\n',
    });
    const { stderr } = await cli(dir);
    expect(stderr).toMatch(/^error: schemas\/Other\.yaml:2:12 #\/minLength: "minLength" must be/);
  });

  it("a component another file's local $ref names is placed in that file", async () => {
    // The bundler files common.yaml's Detail under the very pointer that common.yaml's own
    // `#/components/schemas/Detail` spells: the same text, but a place of another file.
    const dir = await project({
      'openapi.yaml': ROOT,
      'paths/things.yaml': THINGS.replace(
        '../openapi.yaml#/components/schemas/Thing',
        '../common.yaml#/components/schemas/Error',
      ),
      'schemas/Thing.yaml': thing(''),
      'common.yaml': `components:
  schemas:
    Error: { type: object, properties: { detail: { $ref: '#/components/schemas/Detail' } } }
    Detail:
      type: object
      properties:
        field: { type: string, minLength: -1 }
`,
    });
    const { stderr } = await cli(dir);
    expect(stderr).toMatch(
      /^error: common\.yaml:7:43 #\/components\/schemas\/Detail\/properties\/field\/minLength: /,
    );
  });

  it('a place the files do not have keeps the bundled pointer', async () => {
    const dir = await project({ 'openapi.yaml': ROOT, 'paths/things.yaml': THINGS });
    const map = new SourceMap(
      join(dir, 'openapi.yaml'),
      'openapi.yaml',
      new Map([[join(dir, 'openapi.yaml'), ROOT]]),
      (file) => file,
      {},
    );
    const location = { file: 'openapi.yaml', pointer: '#/components/schemas/Gone/type' };
    expect(map.locate(location)).toBe(location);
    expect(map.locate({ file: 'openapi.yaml', pointer: '#/paths' })).toEqual({
      file: join(dir, 'openapi.yaml'),
      pointer: '#/paths',
      line: 4,
      column: 3,
    });
  });
});
