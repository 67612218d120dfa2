/**
 * The one walk over raw JSON Schema subschemas (test/helpers/schema-walk.ts) and its two users:
 * the corpus examples (test/corpus/examples.ts) and the reference validator's rewrites.
 */
import { describe, expect, it } from 'vitest';
import { augment, collectExamples } from '../corpus/examples.ts';
import { mapComponentSchemas, subschemas, type RawSchema } from './schema-walk.ts';

const s = (title: string): RawSchema => ({ title });

describe('subschemas', () => {
  it('finds every keyword position that holds a schema, in order, and nothing else', () => {
    const schema: RawSchema = {
      not: s('not'),
      contentSchema: s('content'),
      items: [s('tuple 0'), true, s('tuple 1')],
      allOf: [s('all 0')],
      properties: { 'a/b': s('prop'), skipped: false },
      enum: [s('an enum value, not a schema')],
      const: s('a const value'),
      examples: [s('an example')],
      additionalProperties: [s('not a schema position as a list')],
    };
    expect(
      subschemas(schema).map(({ keyword, key, schema: sub }) => [keyword, key, sub.title]),
    ).toEqual([
      ['not', undefined, 'not'],
      ['contentSchema', undefined, 'content'],
      ['items', 0, 'tuple 0'],
      ['items', 2, 'tuple 1'],
      ['allOf', 0, 'all 0'],
      ['properties', 'a/b', 'prop'],
    ]);
    expect(subschemas({ items: s('one') })).toEqual([{ keyword: 'items', schema: s('one') }]);
  });
});

describe('mapComponentSchemas', () => {
  it('visits children before parents and copies what it changes, leaving the input alone', () => {
    const components = {
      schemas: { A: { title: 'A', properties: { x: s('x') }, anyOf: [s('y'), true] } },
    };
    const before = structuredClone(components);
    const seen: unknown[] = [];
    const out = mapComponentSchemas(components, (schema) => {
      seen.push(schema.title);
      return { ...schema, visited: true };
    });
    expect(seen).toEqual(['y', 'x', 'A']);
    expect(out).toEqual({
      schemas: {
        A: {
          title: 'A',
          visited: true,
          properties: { x: { title: 'x', visited: true } },
          anyOf: [{ title: 'y', visited: true }, true],
        },
      },
    });
    expect(components).toEqual(before);
  });
});

describe('collectExamples', () => {
  it('finds schema and media examples at escaped places, through Example $refs', () => {
    const doc = {
      paths: {
        '/a/{id}': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { properties: { 'x/y': { type: 'string', example: 'v' } } },
                    examples: { one: { $ref: '#/components/examples/50%25%20off' } },
                  },
                },
              },
            },
          },
        },
      },
      components: { examples: { '50% off': { value: { 'x/y': 'w' } } } },
    };
    const media = '#/paths/~1a~1{id}/get/responses/200/content/application~1json';
    const examples = collectExamples(doc);
    expect(examples).toEqual([
      {
        where: `${media}/schema/properties/x~1y/example`,
        schema: `${media}/schema/properties/x~1y`,
        value: 'v',
      },
      {
        where: '#/components/examples/50% off/value',
        schema: `${media}/schema`,
        value: { 'x/y': 'w' },
      },
    ]);
    const { doc: augmented, names } = augment(doc, examples);
    const schemas = (augmented.components as { schemas: RawSchema }).schemas;
    expect(schemas[names.get(examples[0]!.where)!]).toEqual({ type: 'string', example: 'v' });
  });
});
