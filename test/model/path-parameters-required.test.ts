/**
 * A path parameter is always required (OpenAPI 3.1 §4.8.12.2: `required` "MUST be true"): one
 * that says `required: false`, or leaves `required` out, is read as required, with a warning at
 * the parameter saying so and how to write it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Paths', version: '1' },
  paths: {
    '/a/{id}': {
      get: {
        operationId: 'getA',
        parameters: [{ name: 'id', in: 'path', required: false, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/b/{id}': {
      get: {
        operationId: 'getB',
        parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/c/{id}': {
      get: {
        operationId: 'getC',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
};

describe('a path parameter not marked required', () => {
  it('is read as required, with a warning at each, in its own words', async () => {
    const model = await specModel(await writeSpec(SPEC));
    expect(model.operations.map((op) => op.parameters[0]?.required)).toEqual([true, true, true]);
    const warning = model.warnings.find((w) => w.key === 'parameter:path-not-required');
    expect(warning?.places.map((place) => [place.location.pointer, place.problem])).toEqual([
      [
        '#/paths/~1a~1{id}/get/parameters/0/required',
        'path parameter "id" says `required: false`: a path parameter is always required, so the SDK method requires it',
      ],
      [
        '#/paths/~1b~1{id}/get/parameters/0',
        'path parameter "id" does not say `required: true`: a path parameter is always required, so the SDK method requires it',
      ],
    ]);
    expect(warning?.hint).toMatch(/^write `required: true`/);
  });
});
