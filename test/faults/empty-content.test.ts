/**
 * A request body whose `content` names no media type (empty-body-content.yaml): valid OpenAPI, and
 * nothing to send. The operation has no body, with a warning at the place; a body without
 * `content` at all is still refused, with the fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';

afterEach(removeTempDirs);

describe('a request body with an empty content map', () => {
  it('is no body, with a warning at the first place and the others counted', async () => {
    const model = await fixtureModel('empty-body-content.yaml');
    for (const operation of model.operations) expect(operation.body).toBeUndefined();
    const warning = model.warnings.find((found) => found.key === 'request-body:no-media-type');
    expect(warning?.location.pointer).toBe(
      '#/paths/~1channels~1{channel}/post/requestBody/content',
    );
    expect(warning?.more).toBe(1);
    await expect(fixtureModel('empty-body-content.yaml', true)).rejects.toThrow(/--strict/);
  });

  it('leaves a body without content refused, with the fix', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'No content', version: '1' },
      paths: {
        '/a': {
          post: { requestBody: { description: 'x' }, responses: { '204': { description: 'ok' } } },
        },
      },
    });
    const error = await specModel(spec).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe('#/paths/~1a/post/requestBody');
    expect((error as GeneratorError).hint).toMatch(/content/);
  });
});
