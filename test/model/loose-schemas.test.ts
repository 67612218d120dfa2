/**
 * A named schema without `type` whose keywords belong to one JSON type (`properties` and
 * `required`, no `type: object`: common in hand-written 3.0 specs) is valid for every value of
 * another type, as JSON Schema reads it and as the guards check it, while the types read it as
 * that type only: `isNoType(5)` was true for `interface NoType { a: string }`, silently. It is a
 * warning at the schema now, with the `type` to add. A schema with its `type`, one that takes its
 * type from an `allOf` member, and one with no typed keywords at all give none.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

function spec(schemas: Record<string, unknown>) {
  return {
    openapi: '3.0.3',
    info: { title: 'Loose', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Base' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: { Base: { type: 'object', properties: { id: { type: 'string' } } }, ...schemas },
    },
  };
}

const warningsOf = async (schemas: Record<string, unknown>) =>
  (await specModel(await writeSpec(spec(schemas)))).warnings.filter(
    (w) => w.key === 'schema:no-type',
  );

describe('a named schema with typed keywords but no `type`', () => {
  it('is a warning at the schema that says what the guards accept and which `type` to add', async () => {
    const [warning, ...more] = await warningsOf({
      NoType: { properties: { a: { type: 'string' } }, required: ['a'] },
    });
    expect(more).toEqual([]);
    expect(warning!.location.pointer).toBe('#/components/schemas/NoType');
    expect(warning!.problem).toContain(
      'NoType has object keywords but no `type`: JSON Schema applies them to objects only, so any number, string, boolean, array or null is a valid NoType too',
    );
    expect(warning!.problem).toContain('`isNoType(5)` is true');
    expect(warning!.hint).toBe('add `type: object` to the schema, if that is what it means');
  });

  it('names every type its keywords belong to, and leaves out null when it is nullable', async () => {
    const [warning] = await warningsOf({
      Code: { minLength: 1, minimum: 0, nullable: true },
    });
    expect(warning!.problem).toContain(
      'Code has string and number keywords but no `type`: JSON Schema applies them to strings and numbers only, so any boolean, array or object is a valid Code too',
    );
    expect(warning!.hint).toBe(
      'add `type: [string, number]` to the schema, if that is what it means',
    );
  });

  it('is no warning with a `type`, with a typed `allOf` member, or without typed keywords', async () => {
    expect(
      await warningsOf({
        Typed: { type: 'object', properties: { a: { type: 'string' } } },
        Extended: {
          allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { b: { type: 'string' } } }],
        },
        Anything: { description: 'Any JSON value.' },
      }),
    ).toEqual([]);
  });
});

describe('keywords of several types without `type`', () => {
  it('type the schema as one of those types, as the guards check it, not as all of them', async () => {
    const out = join(await tempDir('loose-'), 'sdk');
    await generate({
      spec: await writeSpec(spec({ Code: { minLength: 1, minimum: 0, nullable: true } })),
      out,
      cache: false,
    });
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    // It was `(string & number) | null`: null only, though "ab" and 5 are valid Codes.
    expect(types).toContain('export type Code = string | number | null;');
  });
});
