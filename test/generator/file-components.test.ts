/**
 * A component written as a `$ref` to a file keeps its written name, however the file is named:
 * `Pet: { $ref: ./schemas/pet.yaml }` is the type `Pet`. The bundler files such a file's schema
 * under the file's name (`pet`) and leaves `Pet` a `$ref` to it, so the SDK exported `Pet2` (with
 * a name-collision warning about a key "pet" the user never wrote) and `Pet` as an alias of it.
 * Warnings inside the file still name the file, line and column.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/index.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const ROOT = `openapi: 3.1.0
info: { title: Pet store, version: '1.0.0' }
servers: [{ url: 'https://api.example.com' }]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: The pets
          content:
            application/json:
              schema: { $ref: '#/components/schemas/PetList' }
components:
  schemas:
    Pet:
      $ref: ./schemas/pet.yaml
    PetList:
      type: array
      items: { $ref: '#/components/schemas/Pet' }
    Animal:
      oneOf: [{ $ref: '#/components/schemas/Pet' }]
      discriminator: { propertyName: kind, mapping: { pet: '#/components/schemas/Pet' } }
`;

const PET = `type: object
required: [kind]
properties:
  kind: { type: string, enum: [pet], const: dog }
  owner: { $ref: ./owner.yaml }
`;

let out: string;
let result: GenerateResult;

beforeAll(async () => {
  const dir = await tempDir('file-components-');
  await mkdir(join(dir, 'schemas'));
  await writeFile(join(dir, 'openapi.yaml'), ROOT);
  await writeFile(join(dir, 'schemas/pet.yaml'), PET);
  await writeFile(
    join(dir, 'schemas/owner.yaml'),
    'type: object\nproperties: { name: { type: string } }\n',
  );
  out = join(dir, 'sdk');
  result = await generate({ spec: join(dir, 'openapi.yaml'), out });
}, 120_000);

describe('a component written as a $ref to a file named otherwise', () => {
  it('is the type of its written name, with no alias and no collision', async () => {
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(/^export interface Pet \{$/m);
    expect(types).not.toMatch(/Pet2|export type Pet =/);
    expect(result.warnings.filter((w) => w.key.startsWith('name-collision'))).toEqual([]);
    const paths = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    expect(paths).toContain("components['schemas']['Pet']");
    expect(paths).not.toContain("['pet']");
  });

  it('keeps refs and discriminator mappings to it working', async () => {
    const guards = await readFile(join(out, 'src/guards.ts'), 'utf8');
    expect(guards).toMatch(/export function isAnimal\(/);
    const { isAnimal } = (await import(join(out, 'src/guards.ts'))) as {
      isAnimal: (value: unknown) => boolean;
    };
    expect(isAnimal({ kind: 'pet' })).toBe(false); // const dog and enum [pet]: nothing is valid
  });

  it('has its warnings placed in the file, with line and column', () => {
    const warning = result.warnings.find((w) => w.key === 'const-outside-enum');
    expect(warning?.location.file).toMatch(/schemas\/pet\.yaml$/);
    expect(warning?.location.pointer).toBe('#/properties/kind/const');
    expect(warning?.location.line).toBe(4);
  });
});

/**
 * A `$ref` inside another file to a key holding `/` or `~` (`'#/Kinds~1V1'`, RFC 6901 escapes):
 * openapi-core files the target under the escaped token and writes a `$ref` that reads as
 * another name, so a valid spec was refused ("names a schema that is not in
 * components.schemas"). The target gets a component name of the decoded key now.
 */
describe('a $ref in another file to a key with an escaped `/` or `~`', () => {
  it('generates, the schema named after the decoded key, every use following it', async () => {
    const dir = await tempDir('escaped-components-');
    await writeFile(
      join(dir, 'openapi.yaml'),
      `openapi: 3.1.0
info: { title: Escapes, version: '1.0.0' }
paths: {}
components:
  schemas:
    Thing: { $ref: 'schemas.yaml#/Thing' }
`,
    );
    await writeFile(
      join(dir, 'schemas.yaml'),
      `Thing:
  type: object
  properties:
    kind: { $ref: '#/Kinds~1V1' }
    tilde: { $ref: '#/Tilde~0Name' }
Kinds/V1: { type: object, properties: { label: { type: string } } }
Tilde~Name: { type: string, enum: [a, b] }
`,
    );
    const sdk = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out: sdk, cache: false, format: false });
    const types = await readFile(join(sdk, 'src/types.ts'), 'utf8');
    expect(types).toMatch(/kind\?: KindsV1;/);
    expect(types).toMatch(/tilde\?: TildeName;/);
    expect(types).toMatch(/export interface KindsV1 \{/);
    expect(types).toMatch(/export type TildeName = (['"])a\1 \| \1b\1;/);
    const bundled = JSON.parse(await readFile(join(sdk, 'openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(bundled.components.schemas).sort()).toEqual([
      'Kinds_V1',
      'Thing',
      'Tilde_Name',
    ]);
  });
});

/**
 * A property spelled like a name map (`headers`, `content`, `responses`) is a schema whose `$ref`
 * follows the component it names when that component is renamed: the walk over refs read the
 * property's schema as a map of names and left the `$ref` to the bundler's name, which is gone.
 */
describe('a $ref in a property called like a name map, to a component written as a file', () => {
  it('follows the component to its written name', async () => {
    const dir = await tempDir('keyword-properties-');
    await mkdir(join(dir, 'schemas'));
    await writeFile(
      join(dir, 'openapi.yaml'),
      `openapi: 3.1.0
info: { title: Notes, version: '1.0.0' }
paths: {}
components:
  schemas:
    Note: { $ref: ./schemas/note.yaml }
`,
    );
    await writeFile(
      join(dir, 'schemas/note.yaml'),
      `type: object
properties:
  headers: { $ref: ./note.yaml }
  content: { type: array, items: { $ref: ./note.yaml } }
`,
    );
    const sdk = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out: sdk, cache: false, format: false });
    const types = await readFile(join(sdk, 'src/types.ts'), 'utf8');
    expect(types).toMatch(/headers\?: Note;/);
    expect(types).toMatch(/content\?: Note\[\];/);
  });
});
