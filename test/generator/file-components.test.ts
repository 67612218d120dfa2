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
