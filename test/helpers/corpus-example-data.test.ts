/**
 * The corpus harness's example data (test/corpus/example-data.ts) reads a spec as generate() does:
 * a schema the generator repairs (a `type` written as an object) is repaired there too, so the
 * harness does not crash on a spec the generator accepts; a failure of that step is a message in
 * the results, not a crash of the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExampleData } from '../corpus/example-data.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

const sloppy = {
  openapi: '3.1.0',
  info: { title: 'sloppy type', version: '1.0.0' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Item' },
                example: { kind: 'Service' },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Item: {
        type: 'object',
        properties: { kind: { type: { type: 'string', enum: ['Inventory', 'Service'] } } },
      },
    },
  },
};

describe('the corpus example data', () => {
  it('is made from the spec as the generator repairs it', async () => {
    const spec = await writeSpec(sloppy);
    const data = await tempDir('example-data-');
    expect(await writeExampleData(spec, data)).toEqual({ examples: 1 });
    const doc = JSON.parse(readFileSync(join(data, 'augmented.json'), 'utf8')) as {
      components: { schemas: { Item: { properties: { kind: object } } } };
    };
    expect(doc.components.schemas.Item.properties.kind).not.toHaveProperty('type');
  });

  it('reports a failure as a message that names the spec and the step', async () => {
    const spec = join(await tempDir('example-data-'), 'missing.yaml');
    const result = await writeExampleData(spec, await tempDir('example-data-'));
    expect(result).toEqual({
      examplesError: expect.stringMatching(
        /^the corpus harness could not make the example data of .*missing\.yaml \(test\/corpus\/example-data\.ts\)/,
      ) as string,
    });
  });
});
