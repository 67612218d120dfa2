/**
 * Paths that differ only in their parameters' names (`/items/{id}` and `/items/{name}`) match the
 * same URLs; OpenAPI (3.1 §4.8.8.2) calls them identical and invalid. Both are generated, with a
 * warning at the later one naming the first; paths that differ in literal text are not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const get = (operationId: string, parameter: string) => ({
  get: {
    operationId,
    parameters: [{ name: parameter, in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'OK' } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Templates', version: '1' },
  paths: {
    '/items/{id}': get('getItem', 'id'),
    '/items/{id}/parts': get('listParts', 'id'),
    '/items/{name}': get('getItemByName', 'name'),
    '/items/{idx}x': get('getItemX', 'idx'),
  },
};

describe('paths that differ only in their parameters’ names', () => {
  it('are a warning at the later one, naming the first', async () => {
    const model = await specModel(await writeSpec(SPEC));
    expect(model.operations).toHaveLength(4);
    const warnings = model.warnings.filter((w) => w.key === 'path:same-template');
    expect(warnings.map((w) => [w.location.pointer, w.more])).toEqual([
      ['#/paths/~1items~1{name}', 0],
    ]);
    expect(warnings[0]!.problem).toMatch(
      /^the path "\/items\/\{name\}" differs from "\/items\/\{id\}" only in its parameters' names/,
    );
  });
});
