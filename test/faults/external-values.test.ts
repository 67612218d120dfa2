/**
 * Examples given by `externalValue` (external-value-examples.yaml): the URI of the literal example,
 * which the generator never reads. One openapi-core cannot follow (a URL, a missing file, a hidden
 * file) is kept as written, not refused as a broken `$ref`; a real `$ref` to a URL still is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';

afterEach(removeTempDirs);

describe('examples given by externalValue', () => {
  it('are kept as written where they cannot be followed', async () => {
    const model = await fixtureModel('external-value-examples.yaml');
    const paths = model.bundled.paths as Record<string, Record<string, Record<string, unknown>>>;
    const content = (paths['/config']!.get!.responses as Record<string, Record<string, unknown>>)[
      '200'
    ]!.content as Record<string, { examples: Record<string, unknown> }>;
    expect(content['application/json']!.examples).toEqual({
      nightly: { externalValue: 'https://example.com/api/v1/config' },
      sample: { externalValue: './examples/missing-config.json' },
      secret: { externalValue: '.env' },
      inline: { value: { name: 'nightly' } },
    });
    const examples = (model.bundled.components as Record<string, Record<string, unknown>>).examples;
    expect(examples!.RemoteConfig).toMatchObject({
      externalValue: 'http://demo.example.com/config.json',
    });
  });

  it('leave a $ref to a URL refused, at its place', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Remote', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    examples: { remote: { $ref: 'https://example.com/examples.yaml#/a' } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const error = await specModel(spec).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe(
      '#/paths/~1a/get/responses/200/content/application~1json/examples/remote',
    );
    expect((error as GeneratorError).message).toMatch(/URL .* refused/);
  });
});
