/**
 * A discriminator on a schema whose subtypes extend it through `allOf`, with no `oneOf`/`anyOf` of
 * its own (springdoc's and NSwag's inheritance), does not make the parent stand for its subtypes
 * in the types: a body typed as the parent refuses a subtype's own properties. That was silent; it
 * is a warning at the parent's discriminator now, naming the subtypes and the `oneOf` that would
 * list them. A discriminator with a `oneOf`, and a parent nothing extends, give none.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });

function zoo(animal: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.0.3',
    info: { title: 'Zoo', version: '1' },
    paths: {
      '/animals': {
        post: {
          operationId: 'addAnimal',
          requestBody: { required: true, content: json(ref('Animal')) },
          responses: { '200': { description: 'ok', content: json(ref('Animal')) } },
        },
      },
    },
    components: {
      schemas: {
        Animal: {
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string' } },
          ...animal,
        },
        Dog: {
          allOf: [
            ref('Animal'),
            { type: 'object', required: ['bark'], properties: { bark: { type: 'string' } } },
          ],
        },
        'Cat/Big': { allOf: [ref('Animal'), { type: 'object' }] },
        ...extra,
      },
    },
  };
}

const warningsOf = async (doc: Record<string, unknown>) =>
  (await specModel(await writeSpec(doc))).warnings.filter(
    (w) => w.key === 'discriminator:allof-parent',
  );

describe('a discriminator on an allOf parent', () => {
  it('is a warning at it, naming the subtypes and the oneOf that would list them', async () => {
    const [warning, ...more] = await warningsOf(
      zoo({ discriminator: { propertyName: 'type', mapping: { dog: ref('Dog').$ref } } }),
    );
    expect(more).toEqual([]);
    expect(warning?.location.pointer).toBe('#/components/schemas/Animal/discriminator');
    expect(warning?.problem).toMatch(
      /^Animal has a discriminator \(`type`\) but no oneOf or anyOf: its subtypes \(Dog, CatBig\) extend it through allOf, and where Animal is expected the types take Animal's own properties only/,
    );
    expect(warning?.hint).toContain('`oneOf: [{ $ref: "#/components/schemas/Dog" }, …]`');
  });

  it('gives none with a oneOf of the subtypes, nor when nothing extends the parent', async () => {
    expect(
      await warningsOf(
        zoo({ discriminator: { propertyName: 'type' }, oneOf: [ref('Dog'), ref('Cat~1Big')] }),
      ),
    ).toEqual([]);
    const alone = zoo({ discriminator: { propertyName: 'type' } });
    const schemas = (alone.components as { schemas: Record<string, unknown> }).schemas;
    delete schemas['Dog'];
    delete schemas['Cat/Big'];
    expect(await warningsOf(alone)).toEqual([]);
  });

  it('writes the fix as the file holding the discriminator would: a path where the subtype is another file', async () => {
    // root.yaml → schemas/animal.yaml (the parent, with a mapping to ./lion.yaml) and
    // schemas/lion.yaml, which the spec reaches through that mapping only: the bundle names it
    // #/components/schemas/lion, a $ref no file of the spec has.
    const dir = await tempDir('allof-parent-files-');
    await mkdir(join(dir, 'schemas'));
    await writeFile(
      join(dir, 'root.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Zoo, version: "1" }',
        'paths:',
        '  /animals:',
        '    get:',
        '      operationId: listAnimals',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        "            application/json: { schema: { $ref: './schemas/animal.yaml#/Animal' } }",
        'components:',
        '  schemas:',
        "    Animal: { $ref: './schemas/animal.yaml#/Animal' }",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'schemas/animal.yaml'),
      [
        'Animal:',
        '  type: object',
        '  required: [kind]',
        '  properties: { kind: { type: string } }',
        "  discriminator: { propertyName: kind, mapping: { lion: './lion.yaml' } }",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'schemas/lion.yaml'),
      [
        'allOf:',
        "  - $ref: './animal.yaml#/Animal'",
        '  - { type: object, properties: { mane: { type: boolean } } }',
        '',
      ].join('\n'),
    );
    const warnings = async (strict: boolean) => {
      try {
        return (
          await generate({ spec: join(dir, 'root.yaml'), out: join(dir, 'sdk'), strict })
        ).warnings.filter((w) => w.key === 'discriminator:allof-parent');
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        return error.problems.filter((p) => p.problem.includes('has a discriminator'));
      }
    };
    const [warning] = await warnings(false);
    expect(warning?.location.file).toMatch(/schemas\/animal\.yaml$/);
    expect(warning?.hint).toContain('`oneOf: [{ $ref: "./lion.yaml" }, …]`');
    // The same fix when --strict makes it an error.
    const [problem] = await warnings(true);
    expect(problem?.hint).toContain('`oneOf: [{ $ref: "./lion.yaml" }, …]`');
  });
});
