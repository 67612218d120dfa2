/**
 * The model's request and response examples (generator/model/build-bodies.ts `mediaExamples`),
 * which the docs samples and the testing kit read: `example`, `examples` with `$ref`s followed,
 * summaries kept, and what cannot be read left out instead of failing the run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../scripts/lib/code-samples.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  'application/json': { schema, ...extra },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Things', version: '1.0.0' },
  paths: {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: {
          content: json(
            { $ref: '#/components/schemas/Thing' },
            {
              examples: {
                small: { summary: 'A small thing', value: { name: 'pebble' } },
                shared: { $ref: '#/components/examples/Big' },
                empty: { summary: 'An example without a value' },
              },
            },
          ),
        },
        responses: {
          '201': {
            description: 'Created',
            content: json({ $ref: '#/components/schemas/Thing' }, { example: { name: 'pebble' } }),
          },
          '400': { description: 'Bad', content: json({ type: 'object' }) },
        },
      },
    },
  },
  components: {
    schemas: { Thing: { type: 'object', properties: { name: { type: 'string' } } } },
    examples: { Big: { summary: 'A big thing', value: { name: 'mountain', tags: ['a'] } } },
  },
};

describe('request and response examples in the model', () => {
  it('reads `examples` in order, follows $refs, keeps summaries and skips examples without a value', async () => {
    const model = await loadModel(await writeSpec(SPEC));
    const [operation] = model.operations;

    expect(operation?.body?.examples).toEqual([
      { name: 'small', summary: 'A small thing', value: { name: 'pebble' } },
      { name: 'shared', summary: 'A big thing', value: { name: 'mountain', tags: ['a'] } },
    ]);
  });

  it('reads a lone `example` as the example named default, and gives none where there is none', async () => {
    const model = await loadModel(await writeSpec(SPEC));
    const [operation] = model.operations;

    expect(operation?.successResponse?.examples).toEqual([
      { name: 'default', value: { name: 'pebble' } },
    ]);
    expect(operation?.responses.find((response) => response.status === '400')?.examples).toBe(
      undefined,
    );
  });
});
