/**
 * A discriminator mapping value that names nothing: a schema that is not there (a typo), a file a
 * public spec was bundled without (digitalocean.com's `models/domain_record_types.yml#/…`, as
 * APIs.guru ships it), a place the document does not have. The spec generates, with a warning at
 * each value; the discriminator is left out, so the types and guards take the union's variants
 * as JSON Schema reads them (a value of exactly one `oneOf` variant passes the guard). `--strict`
 * refuses it. A value that
 * reaches outside the spec's folder, or a file that exists but does not parse, is still refused.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { compile, linkNodeModules, removeTempDirs, tempDir } from '../generator/helpers.ts';

afterAll(removeTempDirs);

const spec = (mapping: Record<string, string>) =>
  [
    'openapi: 3.0.3',
    'info: {title: Pets, version: 1.0.0}',
    'paths:',
    '  /pets:',
    '    get:',
    '      operationId: listPets',
    '      responses:',
    "        '200':",
    '          description: ok',
    "          content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}",
    'components:',
    '  schemas:',
    '    Pet:',
    "      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]",
    `      discriminator: {propertyName: kind, mapping: ${JSON.stringify(mapping)}}`,
    '    Cat: {type: object, required: [kind, purrs], properties: {kind: {type: string}, purrs: {type: boolean}}}',
    '    Dog: {type: object, required: [kind, barks], properties: {kind: {type: string}, barks: {type: boolean}}}',
    '',
  ].join('\n');

async function written(mapping: Record<string, string>): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('dangling-mapping-');
  const file = join(dir, 'openapi.yaml');
  await writeFile(file, spec(mapping));
  return { dir, file };
}

const MAPPING = '#/components/schemas/Pet/discriminator/mapping';

describe('a discriminator mapping value that names nothing', () => {
  it('generates with a warning at each value, the union deciding by its variants', async () => {
    const { dir, file } = await written({
      cat: '#/components/schemas/Cat',
      dog: 'models/types.yml#/dog',
      bird: '#/components/schemas/Bird',
    });
    const out = join(dir, 'sdk');
    const { warnings } = await generate({ spec: file, out, cwd: dir });
    const said = warnings.flatMap((w) => w.places.map((p) => [w.key, p.location.pointer]));
    expect(said).toEqual([
      ['discriminator:mapping-names-nothing', `${MAPPING}/dog`],
      ['discriminator:mapping-names-nothing', `${MAPPING}/bird`],
    ]);
    expect(warnings[0]!.problem).toContain(
      'discriminator mapping "dog" points at "models/types.yml#/dog", which is not a schema in components.schemas, so the discriminator is ignored',
    );
    // Without the discriminator, a dog is a Dog whatever its `kind` says (no value was lost).
    const guards = await readFile(join(out, 'src/guards.ts'), 'utf8');
    expect(guards).not.toMatch(/case 'dog'/);
    await linkNodeModules(out);
    expect(compile(out)).toEqual({ status: 0, output: '' });
    const { isPet } = (await import(join(out, 'src/guards.ts'))) as {
      isPet: (value: unknown) => boolean;
    };
    expect(isPet({ kind: 'dog', barks: true })).toBe(true);
    expect(isPet({ kind: 'cat', purrs: true })).toBe(true);
    expect(isPet({ kind: 'dog', barks: 'no' })).toBe(false);
  });

  it('is refused with --strict, at each value', async () => {
    const { dir, file } = await written({ dog: 'models/types.yml#/dog' });
    const error = await generate({
      spec: file,
      out: join(dir, 'sdk'),
      cwd: dir,
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe(`${MAPPING}/dog`);
  });

  it('outside the spec’s folder, or in a file that does not parse, is still refused', async () => {
    const outside = await written({ dog: '../elsewhere.yaml#/Dog' });
    const refused = await generate({
      spec: outside.file,
      out: join(outside.dir, 'sdk'),
      cwd: outside.dir,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GeneratorError);
    expect((refused as GeneratorError).message).toMatch(/outside|folder/);

    const broken = await written({ dog: 'models/types.yaml#/Dog' });
    await mkdir(join(broken.dir, 'models'));
    await writeFile(join(broken.dir, 'models/types.yaml'), 'Dog: [unclosed\n');
    const error = await generate({
      spec: broken.file,
      out: join(broken.dir, 'sdk'),
      cwd: broken.dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/models\/types\.yaml.*invalid YAML/);
  });
});
