/**
 * Responses Object keys (OpenAPI 3.1 §4.8.16): a status code, a range written `2XX`, or
 * `default`. A lower-case range is read as the range, with a warning; a key no status could
 * select is refused, and every such key of a spec is reported in one run, each at its place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const ok = { description: 'OK' };
const spec = (responses: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'Keys', version: '1' },
  paths: {
    '/a': { get: { operationId: 'getA', responses } },
    '/b': { get: { operationId: 'getB', responses: more } },
  },
});

describe('response keys', () => {
  it('read `2xx` as the range 2XX, with a warning at the key', async () => {
    const model = await specModel(await writeSpec(spec({ '2xx': ok }, { '200': ok })));
    expect(model.operations[0]!.responses.map((r) => r.status)).toEqual(['2XX']);
    const warning = model.warnings.find((w) => w.key === 'responses:lowercase-range');
    expect(warning?.location.pointer).toBe('#/paths/~1a/get/responses/2xx');
  });

  it('refuse every key no status could select, in one run, each at its place', async () => {
    const error = await specModel(
      await writeSpec(spec({ '200': ok, '20x': ok, ok }, { '2xx': ok, '2XX': ok })),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems.map((p) => [p.location.pointer, p.message]);
    expect(problems).toEqual([
      [
        '#/paths/~1a/get/responses/20x',
        expect.stringContaining('the response key "20x" is no status code, range or `default`'),
      ],
      [
        '#/paths/~1a/get/responses/ok',
        expect.stringContaining('the response key "ok" is no status code'),
      ],
      [
        '#/paths/~1b/get/responses/2xx',
        expect.stringContaining('the responses have both `2xx` and `2XX`, the same range'),
      ],
    ]);
  });
});
